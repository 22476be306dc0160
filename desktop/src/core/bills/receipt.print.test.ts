import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { fakePrinter } from '../testing/fake-printer';
import { freePort } from '../testing/free-port';
import { billStore, expectError } from './bills.testing';

const has = (b: Buffer, bytes: number[]) => b.indexOf(Buffer.from(bytes)) >= 0;
const ESC_INIT = [0x1b, 0x40];
const QR = [0x1d, 0x28, 0x6b];
const CUT = [0x1d, 0x56];
const RASTER = [0x1d, 0x76, 0x30];

let core: StoreCore;
let cleanup: () => Promise<void>;
let printer: Awaited<ReturnType<typeof fakePrinter>>;
beforeEach(async () => {
  ({ core, cleanup } = await billStore());
  printer = await fakePrinter();
});
afterEach(async () => {
  printer.server.close();
  await cleanup();
});

describe('receipts on a network printer (raw ESC/POS)', () => {
  it('prints and reprints a bill as text with its QR code and a cut, on the printer the counter is set to', async () => {
    const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 30_000 }] });
    await expectError(core.printReceipt({ bill: sale.billNumber }), 'UNPROCESSABLE');
    await core.signIn({ username: 'meena', pin: '1234' });
    const settings = await core.updateBillSettings({ receiptPrinter: printer.address, receiptWidth: 32 });
    expect(settings).toMatchObject({ receiptPrinter: printer.address, receiptWidth: 32 });
    const printed = await core.printReceipt({ bill: sale.billNumber });
    expect(printed).toMatchObject({ number: sale.billNumber, printer: printer.address, raster: false });
    await expect.poll(() => printer.jobs.length).toBe(1);
    const job = printer.jobs[0]!;
    expect(job.length).toBe(printed.bytes);
    expect(job.subarray(0, 2)).toEqual(Buffer.from(ESC_INIT));
    const text = job.toString('latin1');
    expect(text).toContain(sale.billNumber);
    expect(text).toContain('Aashirvaad Atta 5kg');
    expect(text).toContain('300.00');
    expect(has(job, QR)).toBe(true);
    expect(has(job, CUT)).toBe(true);
    // 58 mm paper: no printed line is wider than its 32 columns.
    const printable = (l: string) => [...l].filter((c) => c.charCodeAt(0) >= 0x20).join('');
    const lines = text.split('\n').filter((l) => /[A-Za-z0-9]/.test(l) && !l.includes(String.fromCharCode(0x1d)));
    for (const l of lines) expect(printable(l).length).toBeLessThanOrEqual(32);
    // A reprint on another printer named for this one job.
    const other = await fakePrinter();
    try {
      await core.printReceipt({ bill: sale.billNumber, printer: other.address, width: 48 });
      await expect.poll(() => other.jobs.length).toBe(1);
      expect(other.jobs[0]!.toString('latin1')).toContain(sale.billNumber);
    } finally {
      other.server.close();
    }
  });

  it('a receipt in Urdu goes as the counter app drew it (a raster image), never as text the printer would garble', async () => {
    await core.signIn({ username: 'meena', pin: '1234' });
    await core.addProduct({ sku: 'CHEENI', name: 'چینی (کھلی)', unit: 'g', priceMinor: 16_000 });
    await core.stockIn({ product: 'CHEENI', qty: 10_000 });
    await core.updateBillSettings({ receiptPrinter: printer.address });
    const sale = await core.sell({ lines: [{ product: 'CHEENI', qty: 1_000 }] });
    const refused = await core.printReceipt({ bill: sale.billNumber }).catch((e: unknown) => e);
    expect(String(refused)).toMatch(/Urdu or Hindi/);
    expect(printer.jobs).toHaveLength(0);

    // A 384 × 20 drawing: the top ten rows black, the rest white.
    const width = 384;
    const height = 20;
    const bits = Buffer.alloc((width / 8) * height);
    bits.fill(0xff, 0, (width / 8) * 10);
    const printed = await core.printReceipt({ bill: sale.billNumber, width: 32, raster: { width, height, bits: bits.toString('base64') } });
    expect(printed.raster).toBe(true);
    await expect.poll(() => printer.jobs.length).toBe(1);
    const job = printer.jobs[0]!;
    const at = job.indexOf(Buffer.from(RASTER));
    expect(at).toBeGreaterThan(0);
    // GS v 0 m xL xH yL yH: 48 bytes a row, 24 rows (the drawing padded to whole bands of 8 dots).
    expect([...job.subarray(at + 4, at + 8)]).toEqual([48, 0, 24, 0]);
    const dots = job.subarray(at + 8, at + 8 + 48 * 24);
    expect(dots.subarray(0, 48 * 10).every((b) => b === 0xff)).toBe(true);
    expect(dots.subarray(48 * 10).every((b) => b === 0)).toBe(true);
    expect(job.toString('utf8')).not.toContain('چینی');
    await expectError(core.printReceipt({ bill: sale.billNumber, width: 32, raster: { width: 576, height, bits: Buffer.alloc(72 * height).toString('base64') } }), 'VALIDATION_FAILED');
  });

  it('a printer that is off is a clear error, and a bad address is refused before anything is sent', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
    const port = await freePort();
    const err = (await core.printReceipt({ bill: sale.billNumber, printer: `127.0.0.1:${port}` }).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(err.message).toMatch(/refused the connection/);
    await expectError(core.printReceipt({ bill: sale.billNumber, printer: 'http://printer' }), 'VALIDATION_FAILED');
    await expectError(core.printReceipt({ bill: sale.billNumber, printer: '10.0.0.5:99999' }), 'VALIDATION_FAILED');
  });
});
