import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { fakePrinter } from '../testing/fake-printer';
import { billStore, expectError, manager } from '../bills/bills.testing';

const ESC_INIT = Buffer.from([0x1b, 0x40]);
const QR = Buffer.from([0x1d, 0x28, 0x6b]);
const CUT = Buffer.from([0x1d, 0x56]);
const RASTER = Buffer.from([0x1d, 0x76, 0x30]);

let core: StoreCore;
let cleanup: () => Promise<void>;
let printer: Awaited<ReturnType<typeof fakePrinter>>;
let billNumber: string;
beforeEach(async () => {
  ({ core, cleanup } = await billStore());
  printer = await fakePrinter();
  await core.signIn(manager);
  await core.updateBillSettings({ paymentMethods: ['upi', 'credit'], counterCode: 'C1' });
  await core.addCustomer({ name: 'Ravi Kumar', phone: '0300-1234567', creditLimitMinor: 50_000 });
  await core.adjustBalance({ customer: 'Ravi Kumar', amountMinor: 10_000, reason: 'paper khata', opening: true });
  billNumber = (await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: '03001234567' } })).billNumber;
  await core.receivePayment({ customer: '03001234567', amountMinor: 5_000, method: 'upi' });
});
afterEach(async () => {
  printer.server.close();
  await cleanup();
});

describe('a customer statement on the receipt printer (raw ESC/POS)', () => {
  it('prints opening balance, the bill, the payment and the closing balance as text in the paper’s columns, with a cut and no QR code', async () => {
    await expectError(core.printStatement({ customer: 'Ravi Kumar' }), 'UNPROCESSABLE', /no receipt printer/);
    await core.updateBillSettings({ receiptPrinter: printer.address, receiptWidth: 32 });
    const printed = await core.printStatement({ customer: 'Ravi Kumar' });
    expect(printed).toMatchObject({ customer: 'Ravi Kumar', printer: printer.address, raster: false });
    await expect.poll(() => printer.jobs.length).toBe(1);
    const job = printer.jobs[0]!;
    expect(job.length).toBe(printed.bytes);
    expect(job.subarray(0, 2)).toEqual(ESC_INIT);
    expect(job.indexOf(CUT)).toBeGreaterThan(0);
    expect(job.indexOf(QR)).toBe(-1);
    expect(job.indexOf(RASTER)).toBe(-1);
    const text = job.toString('latin1');
    for (const words of ['Customer statement', 'Ravi Kumar', '03001234567', 'Opening balance', `Credit sale ${billNumber}`, 'Payment received (UPI)', 'Closing balance']) expect(text).toContain(words);
    // Rs 100 opening + Rs 265 atta − Rs 50 paid.
    const closing = printed.text.split('\n').find((l) => l.startsWith('Closing balance'));
    expect(closing).toMatch(/315\.00$/);
    expect(closing).toHaveLength(32);
    for (const l of printed.text.split('\n')) expect([...l].length).toBeLessThanOrEqual(32);
    expect(printed.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('an Urdu statement goes as the counter app’s drawing, never as code-page text; a drawing wider than the paper is refused', async () => {
    await core.updateBillSettings({ receiptPrinter: printer.address, receiptWidth: 32 });
    await expectError(core.printStatement({ customer: 'Ravi Kumar', locale: 'ur', currency: 'PKR' }), 'UNPROCESSABLE', /Urdu or Hindi/);
    const rows = 16;
    const bits = Buffer.alloc((384 / 8) * rows, 0x0f).toString('base64');
    await expectError(core.printStatement({ customer: 'Ravi Kumar', locale: 'ur', raster: { width: 576, height: rows, bits } }), 'VALIDATION_FAILED', /wider than the 384/);
    const printed = await core.printStatement({ customer: 'Ravi Kumar', locale: 'ur', currency: 'PKR', raster: { width: 384, height: rows, bits } });
    expect(printed.raster).toBe(true);
    expect(printed.text).toContain('گاہک کا کھاتہ');
    expect(printed.text).toContain('Rs');
    await expect.poll(() => printer.jobs.length).toBe(1);
    const job = printer.jobs[0]!;
    expect(job.indexOf(RASTER)).toBeGreaterThan(0);
    expect(job.toString('utf8')).not.toContain('کھاتہ');
  });
});
