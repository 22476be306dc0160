import { DomainError, printableAsText } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { printReceiptInput } from './bills.api';
import { receiptPrinterSync } from './bills.settings';
import { billView } from './bills.view';
import { sendToPrinter } from './printer.send';
import { escposReceipt } from './receipt.escpos';

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
  const settings = receiptPrinterSync(raw);
  const printer = i.printer ?? settings.receiptPrinter;
  if (!printer) throw new DomainError('UNPROCESSABLE', 'no receipt printer is set for this counter: set its address in Settings → Bills (or `bill settings --printer 192.168.1.50`), or print from the system dialog');
  const width = i.width ?? settings.receiptWidth;
  const view = billView(raw, i.bill, width);
  let raster;
  if (i.raster) {
    if (i.raster.width > DOTS[width]) throw new DomainError('VALIDATION_FAILED', `raster: ${i.raster.width} dots is wider than the ${DOTS[width]} of this paper`);
    const bits = Buffer.from(i.raster.bits, 'base64');
    if (bits.length !== (i.raster.width / 8) * i.raster.height) throw new DomainError('VALIDATION_FAILED', `raster: ${bits.length} bytes is not ${i.raster.width / 8} × ${i.raster.height}`);
    raster = { width: i.raster.width, height: i.raster.height, bits };
  } else if (!printableAsText(view.receiptText)) {
    throw new DomainError('UNPROCESSABLE', 'this receipt has Urdu or Hindi text, which a receipt printer cannot shape from its code pages: print it from the counter app, which sends it as an image');
  }
  const bytes = escposReceipt({ text: view.receiptText, qr: view.bill.number, columns: width, raster });
  await sendToPrinter(printer, bytes);
  return { number: view.bill.number, printer, bytes: bytes.length, raster: raster !== undefined };
}
