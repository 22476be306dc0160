import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { billStore, expectError, manager, qtyOf } from '../bills/bills.testing';

let core: StoreCore;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ core, cleanup } = await billStore());
  await core.signIn(manager);
  await core.updateBillSettings({ paymentMethods: ['upi', 'credit'], counterCode: 'C1' });
  await core.addCustomer({ name: 'Ravi Kumar', phone: '0300-1234567', address: 'Gali 4, Anarkali', creditLimitMinor: 50_000 });
  await core.addCustomer({ name: 'Ravina Shah', phone: '0321 7654321' });
  await core.signIn({ username: 'sami', pin: '5678' });
});
afterEach(async () => cleanup());

describe('customers and udhaar at the counter', () => {
  it('a customer is found by phone however it is written, or by name; an ambiguous name asks for the phone', async () => {
    for (const q of ['03001234567', '+92 300 1234567', '300-123-4567', 'ravi kumar']) expect((await core.findCustomers({ query: q })).map((c) => c.customer.name)).toEqual(['Ravi Kumar']);
    expect((await core.findCustomers({ query: 'rav' })).map((c) => c.customer.name)).toEqual(['Ravi Kumar', 'Ravina Shah']);
    // Part of a number: "0300" finds 0300-1234567 (and not 0321 …); digits from the middle too; numbers that start with it first.
    await core.addCustomer({ name: 'Zubair Ali', phone: '0321 0300999' });
    expect((await core.findCustomers({ query: '0300' })).map((c) => c.customer.name)).toEqual(['Ravi Kumar', 'Zubair Ali']);
    expect((await core.findCustomers({ query: '0300-12' })).map((c) => c.customer.name)).toEqual(['Ravi Kumar']);
    expect((await core.findCustomers({ query: '765432' })).map((c) => c.customer.name)).toEqual(['Ravina Shah']);
    expect(await core.findCustomers({ query: '0345' })).toEqual([]);
    await expectError(core.showCustomer({ customer: 'rav' }), 'CONFLICT', /Ravi Kumar \(03001234567\), Ravina Shah \(03217654321\)/);
    await expectError(core.addCustomer({ name: 'Someone', phone: '0300 1234567' }), 'CONFLICT', /already Ravi Kumar's/);
  });

  it('a bill paid partly on credit writes the credit-sale entry with the bill; the balance is the sum of the entries', async () => {
    const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'credit', amountMinor: 20_000 }, { method: 'cash', tenderedMinor: 6_500 }], credit: { customer: '03001234567', dueOn: '2026-12-31' } });
    expect(sale.bill.payments).toEqual([{ method: 'credit', amountMinor: 20_000 }, { method: 'cash', amountMinor: 6_500, tenderedMinor: 6_500, changeMinor: 0 }]);
    const shown = await core.showCustomer({ customer: 'Ravi Kumar' });
    expect(shown.balanceMinor).toBe(20_000);
    expect(shown.availableMinor).toBe(30_000);
    expect(shown.statement.lines.map((l) => l.entry)).toEqual([expect.objectContaining({ kind: 'credit_sale', amountMinor: 20_000, billId: sale.bill.id, billNumber: 'S1-C1-000001', dueOn: '2026-12-31', entrySeq: 1, by: { id: expect.any(String), name: 'sami' } })]);
    const paid = await core.receivePayment({ customer: '03001234567', amountMinor: 5_000, method: 'upi' });
    expect(paid.balanceMinor).toBe(15_000);
    expect(paid.entry).toMatchObject({ kind: 'payment', amountMinor: -5_000, method: 'upi', entrySeq: 2 });
    expect((await core.auditLog({ action: 'credit.payment' })).items[0]).toMatchObject({ actorName: 'sami', after: { customer: 'Ravi Kumar', amountMinor: -5_000, balanceMinor: 15_000, method: 'upi' } });
    await expectError(core.receivePayment({ customer: '03001234567', amountMinor: 100, method: 'card' }), 'UNPROCESSABLE', /does not take card/);
  });

  it('credit without a customer, or a customer without credit, is refused and nothing is written', async () => {
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1 }], payments: [{ method: 'credit' }] }), 'VALIDATION_FAILED', /needs the customer/);
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1 }], credit: { customer: '03001234567' } }), 'VALIDATION_FAILED', /nothing of the bill is paid by credit/);
    await expectError(core.sell({ lines: [{ product: 'SOAP', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: '0399 0000000' } }), 'NOT_FOUND', /no customer/);
    expect(await qtyOf(core, 'SOAP')).toBe(50);
    const next = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
    expect(next.bill.counterNo).toBe(1);
  });

  it('over the limit a staff cashier needs a manager PIN; the approval is on the bill, the entry and the audit log', async () => {
    await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar' } });
    const e = await expectError(core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar' } }), 'FORBIDDEN', /customer's limit \(Ravi Kumar: ₹530\.00 owed after this bill, limit ₹500\.00\)/);
    expect(e.details).toEqual({ approvalRequired: ['credit_over_limit'] });
    expect((await core.showCustomer({ customer: 'Ravi Kumar' })).balanceMinor).toBe(26_500);
    await expectError(core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar' }, approval: { username: 'sami', pin: '5678' } }), 'FORBIDDEN', /staff/);
    const ok = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar' }, approval: manager });
    expect(ok.bill.approvedBy).toMatchObject({ name: 'meena', reasons: ['credit_over_limit'] });
    const shown = await core.showCustomer({ customer: 'Ravi Kumar' });
    expect(shown.balanceMinor).toBe(53_000);
    expect(shown.availableMinor).toBe(0);
    expect(shown.statement.lines.at(-1)!.entry).toMatchObject({ kind: 'credit_sale', approvedBy: { name: 'meena' } });
    expect((await core.auditLog({ action: 'bill.approve' })).items[0]).toMatchObject({ actorName: 'meena', after: { reasons: ['credit_over_limit'], cashier: 'sami' } });
    // No limit: any amount.
    await core.sell({ lines: [{ product: 'ATTA-5', qty: 3 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravina Shah' } });
  });

  it('a void takes the credit back off the account by a new entry; adjustments need a manager', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 4 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravina Shah' } });
    await core.voidBill({ bill: sale.billNumber, reason: 'rang up twice', approval: manager });
    const shown = await core.showCustomer({ customer: 'Ravina Shah' });
    expect(shown.balanceMinor).toBe(0);
    expect(shown.statement.lines.map((l) => [l.entry.kind, l.entry.amountMinor])).toEqual([
      ['credit_sale', 18_000],
      ['adjustment', -18_000],
    ]);
    await expectError(core.adjustBalance({ customer: 'Ravina Shah', amountMinor: 12_000, reason: 'old khata', opening: true }), 'FORBIDDEN', /manager's PIN/);
    const opening = await core.adjustBalance({ customer: 'Ravina Shah', amountMinor: 12_000, reason: 'old khata', opening: true, approval: manager });
    expect(opening).toMatchObject({ entry: { kind: 'opening', amountMinor: 12_000 }, balanceMinor: 12_000 });
    const fix = await core.adjustBalance({ customer: 'Ravina Shah', amountMinor: -2_000, reason: 'returned empty bottles', approval: manager });
    expect(fix).toMatchObject({ entry: { kind: 'adjustment', reason: 'returned empty bottles', approvedBy: { name: 'meena' } }, balanceMinor: 10_000 });
  });

  it('the overdue list: what is past its due day, oldest first; settled customers are not on it', async () => {
    await core.sell({ lines: [{ product: 'SOAP', qty: 2 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravina Shah', dueOn: '2024-01-10' } });
    await core.sell({ lines: [{ product: 'SOAP', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar', dueOn: '2025-06-01' } });
    await core.sell({ lines: [{ product: 'SOAP', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar' } });
    const overdue = await core.receivables({ overdueOnly: true });
    expect(overdue.map((v) => [v.customer.name, v.overdue.overdueMinor, v.balanceMinor, v.ageing.d90plus])).toEqual([
      ['Ravina Shah', 9_000, 9_000, 9_000],
      ['Ravi Kumar', 4_500, 9_000, 4_500],
    ]);
    await core.receivePayment({ customer: 'Ravina Shah', amountMinor: 9_000 });
    expect((await core.receivables({ overdueOnly: true })).map((v) => v.customer.name)).toEqual(['Ravi Kumar']);
    expect((await core.receivables()).map((v) => v.customer.name)).toEqual(['Ravi Kumar']);
  });
});
