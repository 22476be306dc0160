import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { billStore, expectError, manager, qtyOf } from './bills.testing';

let core: StoreCore;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ core, cleanup } = await billStore()));
afterEach(async () => cleanup());

describe('returns and exchanges', () => {
  it('returns some of a line to stock and refunds what it was charged; never more than sold minus earlier returns', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 3 }, { product: 'ATTA-5', qty: 1 }], billDiscount: { kind: 'amount', minor: 1_000 } });
    const soapBefore = await qtyOf(core, 'SOAP');
    const r1 = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }] });
    expect(r1.kind).toBe('return');
    expect(r1.originalNumber).toBe(sale.billNumber);
    expect(r1.counterNo).toBe(sale.bill.counterNo + 1);
    const charged = sale.bill.lines[0]!.totalMinor;
    expect(r1.totalMinor).toBe(-Math.floor((charged * 2) / 3));
    expect(r1.payments).toEqual([{ method: 'cash', amountMinor: r1.totalMinor }]);
    expect(await qtyOf(core, 'SOAP')).toBe(soapBefore + 2);

    const over = await expectError(core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }] }), 'CONFLICT', /3 sold, 2 returned already, so at most 1/);
    expect(over.details).toMatchObject({ sold: 3, returned: 2 });
    const r2 = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1 }] });
    // The pieces add up to exactly what the line cost.
    expect(r1.totalMinor + r2.totalMinor).toBe(-charged);
    expect((await core.showBill({ bill: sale.billNumber })).returnable).toEqual({ 1: 0, 2: 1 });
    await expectError(core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1 }] }), 'CONFLICT');
    await expectError(core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 9, qty: 1 }] }), 'NOT_FOUND');
  });

  it('refuses two requests for one line that together exceed what was sold', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 2 }] });
    await expectError(core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1 }, { lineNo: 1, qty: 2 }] }), 'CONFLICT');
  });

  it('damaged returns come back and go out as a damage removal; refunds go by the method chosen', async () => {
    const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }], payments: [{ method: 'upi', amountMinor: 53_000 }] });
    const before = await qtyOf(core, 'ATTA-5');
    const r = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1, disposition: 'damaged' }], payments: [{ method: 'upi' }] });
    expect(r.payments).toEqual([{ method: 'upi', amountMinor: -26_500 }]);
    expect(await qtyOf(core, 'ATTA-5')).toBe(before);
    const moves = await core.history({ batchId: r.id });
    expect(moves.items.map((m) => [m.kind, m.qty, m.reason]).sort()).toEqual([
      ['ADJUST', 1, null],
      ['REMOVE', -1, 'damage'],
    ]);
    expect(moves.items[0]?.note).toBe(`return ${r.number}`);
  });

  it('refunds the way the bill was paid when asked: split as its payments were, to the paisa', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 3 }], payments: [{ method: 'upi', amountMinor: 9_000 }, { method: 'cash', tenderedMinor: 5_000 }] });
    const r = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1 }], refundTo: 'original' });
    expect(r.payments).toEqual([
      { method: 'upi', amountMinor: -3_000 },
      { method: 'cash', amountMinor: -1_500 },
    ]);
    const rest = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }], refundTo: 'original' });
    expect(rest.payments.reduce((a, p) => a + p.amountMinor, 0)).toBe(-9_000);
  });

  it('a return without a receipt needs a manager PIN and a reason', async () => {
    await expectError(core.returnBill({ unreceipted: [{ product: 'SOAP', qty: 1 }] }), 'VALIDATION_FAILED', /reason/);
    await expectError(core.returnBill({ unreceipted: [{ product: 'SOAP', qty: 1 }], reason: 'gift, no bill' }), 'FORBIDDEN', /without a receipt/);
    const r = await core.returnBill({ unreceipted: [{ product: 'SOAP', qty: 1 }], reason: 'gift, no bill', approval: manager });
    expect(r).toMatchObject({ kind: 'return', originalBillId: null, reason: 'gift, no bill', totalMinor: -4_500, approvedBy: { name: 'meena', reasons: ['return_without_receipt'] } });
  });

  it('an exchange is a return and a sale on one bill: the customer pays the difference', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 2 }] });
    const atta = await qtyOf(core, 'ATTA-5');
    const soap = await qtyOf(core, 'SOAP');
    const x = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }], newLines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 20_000 }] });
    expect(x.kind).toBe('exchange');
    expect(x.totalMinor).toBe(26_500 - 9_000);
    expect(x.changeMinor).toBe(20_000 - 17_500);
    expect(x.lines.map((l) => [l.direction, l.sku, l.totalMinor])).toEqual([
      ['return', 'SOAP', -9_000],
      ['sale', 'ATTA-5', 26_500],
    ]);
    expect(await qtyOf(core, 'ATTA-5')).toBe(atta - 1);
    expect(await qtyOf(core, 'SOAP')).toBe(soap + 2);
  });

  it('nothing on a voided bill can be returned', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 2 }] });
    await core.voidBill({ bill: sale.billNumber, reason: 'wrong customer', approval: manager });
    await expectError(core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1 }] }), 'UNPROCESSABLE', /voided/);
  });
});

describe('void', () => {
  it('needs a manager and a reason; reverses the movements with new ones and keeps the bill', async () => {
    const before = await qtyOf(core, 'ATTA-5');
    const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 3 }] });
    await expectError(core.voidBill({ bill: sale.billNumber, reason: 'customer left' }), 'FORBIDDEN', /voiding a bill/);
    const v = await core.voidBill({ bill: sale.billNumber, reason: 'customer left', approval: manager });
    expect(v.status).toBe('voided');
    expect(v.void).toMatchObject({ reason: 'customer left', by: { name: 'meena' } });
    expect(await qtyOf(core, 'ATTA-5')).toBe(before);
    const moves = await core.history({ batchId: sale.batchId });
    expect(moves.items.map((m) => [m.kind, m.qty]).sort()).toEqual([
      ['ADJUST', 3],
      ['SALE', -3],
    ]);
    const shown = await core.showBill({ bill: sale.billNumber });
    expect(shown.bill.status).toBe('voided');
    expect(shown.receiptText).toContain('*** VOID ***');
    expect((await core.auditLog({ action: 'bill.void' })).items[0]).toMatchObject({ actorName: 'sami', after: { reason: 'customer left', approvedBy: 'meena' } });
    await expectError(core.voidBill({ bill: sale.billNumber, reason: 'again', approval: manager }), 'CONFLICT', /already voided/);
  });

  it('a bill with returns is voided only after its returns', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 2 }] });
    const r = await core.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 1 }] });
    await expectError(core.voidBill({ bill: sale.billNumber, reason: 'x', approval: manager }), 'CONFLICT', new RegExp(r.number));
    await core.voidBill({ bill: r.number, reason: 'returned by mistake', approval: manager });
    const before = await qtyOf(core, 'SOAP');
    await core.voidBill({ bill: sale.billNumber, reason: 'all wrong', approval: manager });
    expect(await qtyOf(core, 'SOAP')).toBe(before + 2);
  });
});

describe('finding bills', () => {
  it('by number, amount and kind, newest first', async () => {
    const a = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
    const b = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
    await core.returnBill({ bill: a.billNumber, lines: [{ lineNo: 1, qty: 1 }] });
    expect((await core.findBills({})).map((x) => x.kind)).toEqual(['return', 'sale', 'sale']);
    expect((await core.findBills({ number: b.billNumber.slice(-6) })).map((x) => x.number)).toEqual([b.billNumber]);
    expect((await core.findBills({ amountMinor: 4_500 })).map((x) => x.kind)).toEqual(['return', 'sale']);
    expect((await core.findBills({ kind: 'sale', limit: 1 }))[0]?.number).toBe(b.billNumber);
  });
});
