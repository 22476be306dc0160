import { DomainError, printableAsText } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { printReceiptInput, rasterInput } from './bills.api';
import { receiptPrinterSync } from './bills.settings';
import { billView } from './bills.view';
import { sendToPrinter } from './printer.send';
import { escposReceipt, type RasterReceipt } from './receipt.escpos';

export interface PrintedReceipt {
  number: string;
  printer: string;
  bytes: number;
  /** Sent as an image (a script the printer's code pages cannot shape). */
  raster: boolean;
}

/** Dots across the paper of a 58 mm (32 columns) and an 80 mm (48 columns) printer. */
const DOTS: Record<32 | 48, number> = { 32: 384, 48: 576 };

/** Print (or reprint) a bill's receipt on the counter's network printer, raw ESC/POS. */
export async function printReceipt(raw: Database.Database, i: z.output<typeof printReceiptInput>): Promise<PrintedReceipt> {
  const { printer, width } = printerFor(raw, i);
  const view = billView(raw, i.bill, width);
  const raster = rasterFor(i.raster, width, view.receiptText, 'receipt');
  const bytes = escposReceipt({ text: view.receiptText, qr: view.bill.number, columns: width, raster });
  await sendToPrinter(printer, bytes);
  return { number: view.bill.number, printer, bytes: bytes.length, raster: raster !== undefined };
}

/** The printer asked for or the counter's, and its paper. */
export function printerFor(raw: Database.Database, i: { printer?: string | undefined; width?: 32 | 48 | undefined }): { printer: string; width: 32 | 48 } {
  const settings = receiptPrinterSync(raw);
  const printer = i.printer ?? settings.receiptPrinter;
  if (!printer) throw new DomainError('UNPROCESSABLE', 'no receipt printer is set for this counter: set its address in Settings → Bills (or `bill settings --printer 192.168.1.50`), or print from the system dialog');
  return { printer, width: i.width ?? settings.receiptWidth };
}

/** The counter app's drawing of a text, checked against the paper; without one the text must print from the code pages. */
export function rasterFor(r: z.output<typeof rasterInput> | undefined, width: 32 | 48, text: string, what: string): RasterReceipt | undefined {
  if (r) {
    if (r.width > DOTS[width]) throw new DomainError('VALIDATION_FAILED', `raster: ${r.width} dots is wider than the ${DOTS[width]} of this paper`);
    const bits = Buffer.from(r.bits, 'base64');
    if (bits.length !== (r.width / 8) * r.height) throw new DomainError('VALIDATION_FAILED', `raster: ${bits.length} bytes is not ${r.width / 8} × ${r.height}`);
    return { width: r.width, height: r.height, bits };
  }
  if (!printableAsText(text)) throw new DomainError('UNPROCESSABLE', `this ${what} has Urdu or Hindi text, which a receipt printer cannot shape from its code pages: print it from the counter app, which sends it as an image`);
  return undefined;
}
