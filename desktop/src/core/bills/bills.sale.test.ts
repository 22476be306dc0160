import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { billStore, expectError, manager, qtyOf } from './bills.testing';

let core: StoreCore;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ core, cleanup } = await billStore()));
afterEach(async () => cleanup());

describe('a completed cart is a bill', () => {
  it('numbers bills per counter, gap-free, and the movements carry the bill id', async () => {
    await core.updateBillSettings({ counterCode: 'C2' }).catch(() => undefined);
    await core.signIn(manager);
    await core.updateBillSettings({ counterCode: 'C2' });
    const a = await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }] });
    const b = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
    expect(a.billNumber).toBe('S1-C2-000001');
    expect(b.billNumber).toBe('S1-C2-000002');
    const moves = await core.history({ batchId: a.batchId });
    expect(moves.items.map((m) => m.kind)).toEqual(['SALE']);
    expect(a.bill.id).toBe(a.batchId);
    expect(a.bill.cashier.name).toBe('meena');
  });

  it('with no counter code set, the code comes from the device (C + 4 characters)', async () => {
    const s = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
    expect(s.billNumber).toMatch(/^S1-C[0-9A-Z]{4}-000001$/);
  });

  it('a failed sale takes no number: the next bill gets it', async () => {
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1 }, { product: 'NOPE', qty: 1 }] }), 'NOT_FOUND');
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 100 }] }), 'UNPROCESSABLE', /short/);
    const s = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
    expect(s.bill.counterNo).toBe(1);
  });

  it('cash tendered gives change; split payments cover the total exactly; credit counts as payment', async () => {
    const cash = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 50_000 }] });
    expect(cash.totalMinor).toBe(26_500);
    expect(cash.changeMinor).toBe(23_500);
    expect(cash.bill.payments).toEqual([{ method: 'cash', amountMinor: 26_500, tenderedMinor: 50_000, changeMinor: 23_500 }]);

    const split = await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }], payments: [{ method: 'upi', amountMinor: 20_000 }, { method: 'cash', tenderedMinor: 40_000 }] });
    expect(split.bill.payments).toEqual([
      { method: 'upi', amountMinor: 20_000 },
      { method: 'cash', amountMinor: 33_000, tenderedMinor: 40_000, changeMinor: 7_000 },
    ]);
    await core.addCustomer({ name: 'Ravi Kumar', phone: '0300 1234567' });
    const credit = await core.sell({ lines: [{ product: 'SOAP', qty: 2 }], payments: [{ method: 'credit' }], credit: { customer: '03001234567' } });
    expect(credit.bill.payments).toEqual([{ method: 'credit', amountMinor: 9_000 }]);
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 2 }], payments: [{ method: 'card', amountMinor: 5_000 }] }), 'UNPROCESSABLE', /short/);
  });

  it('takes only the methods the store turned on', async () => {
    await core.signIn(manager);
    await core.updateBillSettings({ paymentMethods: ['upi'] });
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1 }], payments: [{ method: 'jazzcash', amountMinor: 4_500 }] }), 'UNPROCESSABLE', /does not take jazzcash/);
    expect((await core.billSettings()).paymentMethods).toEqual(['cash', 'upi']);
  });

  it('rounds the total to the store cash step and says so on the bill', async () => {
    await core.signIn(manager);
    await core.updateBillSettings({ cashStepMinor: 100 });
    const s = await core.sell({ lines: [{ product: 'RICE', qty: 1_234 }] }); // 1.234 kg × Rs 60 = Rs 74.04
    expect(s.bill.subtotalMinor).toBe(7_404);
    expect(s.totalMinor).toBe(7_400);
    expect(s.bill.roundingMinor).toBe(-4);
  });

  it('applies line and bill discounts within the limit for staff; the lines add up to the total', async () => {
    const s = await core.sell({ lines: [{ product: 'ATTA-5', qty: 2, discount: { kind: 'percent', basisPoints: 500 } }, { product: 'SOAP', qty: 2 }], billDiscount: { kind: 'amount', minor: 1_000 } });
    expect(s.bill.lines[0]?.lineDiscountMinor).toBe(2_650);
    expect(s.bill.discountMinor).toBe(3_650);
    expect(s.totalMinor).toBe(53_000 + 9_000 - 3_650);
    expect(s.bill.lines.reduce((a, l) => a + l.totalMinor, 0)).toBe(s.totalMinor);
  });

  it('needs a manager PIN for a discount over the limit, a price below cost or price 0, and audits the approval', async () => {
    const e = await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1, discount: { kind: 'percent', basisPoints: 2_000 } }] }), 'FORBIDDEN', /manager's PIN/);
    // 20% off soap also takes it below cost: both are named.
    expect(e.details).toEqual({ approvalRequired: ['price_below_cost', 'discount_over_limit'] });
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1, unitPriceMinor: 3_000 }] }), 'FORBIDDEN', /below cost/);
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1, unitPriceMinor: 0 }] }), 'FORBIDDEN', /price of 0/);
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1, unitPriceMinor: 0 }], approval: { username: 'sami', pin: '5678' } }), 'FORBIDDEN', /staff/);
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1, unitPriceMinor: 0 }], approval: { username: 'meena', pin: '9999' } }), 'UNAUTHENTICATED');
    const before = await qtyOf(core, 'SOAP');

    const ok = await core.sell({ lines: [{ product: 'SOAP', qty: 1, unitPriceMinor: 0 }], approval: manager });
    expect(ok.bill.approvedBy).toMatchObject({ name: 'meena', reasons: ['price_zero'] });
    expect(ok.bill.cashier.name).toBe('sami');
    expect(await qtyOf(core, 'SOAP')).toBe(before - 1);
    const audit = await core.auditLog({ action: 'bill.approve' });
    expect(audit.items[0]).toMatchObject({ actorName: 'meena', entityId: ok.batchId, after: { number: ok.billNumber, reasons: ['price_zero'], cashier: 'sami' } });
    expect((await core.verifyAudit()).ok).toBe(true);
  });

  it('a signed-in manager approves their own prices', async () => {
    await core.signIn(manager);
    const s = await core.sell({ lines: [{ product: 'SOAP', qty: 1, unitPriceMinor: 1_000 }] });
    expect(s.bill.approvedBy).toMatchObject({ name: 'meena', reasons: ['price_below_cost'] });
  });

  it('keeps the receipt text with the bill', async () => {
    const s = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 30_000 }] });
    const v = await core.showBill({ bill: s.billNumber.toLowerCase(), width: 32 });
    expect(v.receiptText).toContain(s.billNumber);
    expect(v.receiptText).toContain('Aashirvaad Atta 5kg');
    expect(v.receiptText).toMatch(/change\s+35\.00/);
    expect(v.returnable).toEqual({ 1: 1 });
  });
});
