import { createTranslator, todayIn, type Product, type ReceivablesReport, type Store, type CustomerDetail, type CustomerSummary } from '@bazaar/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { fakePrinter } from '../testing/fake-printer';
import { FaultProxy, NO_FAULTS } from '../testing/fault-proxy';
import { useTestHub } from '../testing/test-hub';
import type { StoreCore } from '../store-core';

/*
 * Issue 20's "done when", end to end on the real pieces: two counter cores of one store on their
 * own SQLite files, a real hub process (PostgreSQL with TEST_DATABASE_URL), counter A's link to it
 * through a proxy that can cut it. Each step depends on the one before, so a broken link anywhere
 * (the sale's credit entry, the push, the customer pull, the payment at B, the statement, the hub's
 * figures) fails the test.
 */
const t = useTestHub();
const proxies: FaultProxy[] = [];
afterAll(async () => {
  for (const p of proxies.splice(0)) await p.stop();
});

async function counter(storeId: string, name: string, code: string, hubUrl: string): Promise<StoreCore> {
  const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId, name }, t.admin);
  const { core } = await t.counter();
  await core.enroll({ hubUrl, token: dev.token });
  await core.updateBillSettings({ counterCode: code, paymentMethods: ['upi', 'credit'] });
  await core.syncNow();
  return core;
}

const DOWN = { ...NO_FAULTS, dropRequest: 1 };

describe('issue 20 done-when: credit sale offline at one counter, part payment at another, statement, head office after sync', () => {
  it('counter A sells on credit offline, counter B takes a part payment, the statement prints and head office sees the balance and its ageing', async () => {
    const zone = 'Asia/Karachi';
    const store = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-07', name: 'Model Town Kiryana', timeZone: zone }, t.admin);
    const product = await t.hub.api<Product>('POST', '/products', { sku: 'GHEE-1', name: 'Ghee 1kg', unit: 'pc', priceMinor: 62_000, costMinor: 55_000 }, t.admin);
    await t.hub.api('POST', '/stock-movements', { storeId: store.id, productId: product.id, kind: 'IN', qty: 40 }, t.admin);
    const proxy = new FaultProxy(t.hub.url, () => 0.5);
    proxies.push(proxy);
    const a = await counter(store.id, 'Counter 1', 'C1', await proxy.start());
    const b = await counter(store.id, 'Counter 2', 'C2', t.hub.url);

    // Counter A loses the hub: the regular customer is added, their old khata carried over and a bill sold on credit, all offline.
    proxy.plan = DOWN;
    await expect(a.syncNow()).rejects.toThrow();
    await a.addCustomer({ name: 'Nasreen Akhtar', phone: '0321-7654321', creditLimitMinor: 500_000 });
    await a.adjustBalance({ customer: 'Nasreen', amountMinor: 25_000, reason: 'paper khata', opening: true });
    const dueOn = todayIn(Date.now() + 10 * 86_400_000, zone);
    const bill = await a.sell({ lines: [{ product: 'GHEE-1', qty: 3 }], payments: [{ method: 'credit' }], credit: { customer: '03217654321', dueOn } });
    expect((await a.syncStatus()).pendingMovements).toBeGreaterThan(0);
    // B has not heard of her yet.
    expect(await b.findCustomers({ query: '03217654321' })).toEqual([]);

    // Back online: A syncs, B pulls the customer with her whole khata and takes part of it in cash.
    proxy.plan = NO_FAULTS;
    await a.syncNow();
    await b.syncNow();
    const [atB] = await b.findCustomers({ query: '0321 7654321' });
    expect(atB).toMatchObject({ customer: { name: 'Nasreen Akhtar' }, balanceMinor: 25_000 + 186_000 });
    const paid = await b.receivePayment({ customer: '03217654321', amountMinor: 100_000, method: 'cash' });
    expect(paid.balanceMinor).toBe(111_000);
    await b.syncNow();
    await a.syncNow();

    // The statement, at either counter: opening balance, the bill, the payment, the closing balance.
    for (const core of [a, b]) {
      const { statement } = await core.showCustomer({ customer: 'Nasreen Akhtar' });
      expect(statement.openingMinor).toBe(25_000);
      expect(statement.lines.map((l) => [l.entry.kind, l.entry.amountMinor, l.balanceMinor])).toEqual([
        ['credit_sale', 186_000, 211_000],
        ['payment', -100_000, 111_000],
      ]);
      expect([statement.billedMinor, statement.paidMinor, statement.closingMinor]).toEqual([186_000, 100_000, 111_000]);
    }
    const printer = await fakePrinter();
    try {
      await b.updateBillSettings({ receiptPrinter: printer.address, receiptWidth: 48 });
      const printed = await b.printStatement({ customer: '03217654321', currency: 'PKR' });
      const money = createTranslator({ locale: 'en', currency: 'PKR' }).money;
      const esc = (x: number) => money(x).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expect.poll(() => printer.jobs.length).toBe(1);
      expect(printer.jobs[0]!.length).toBe(printed.bytes);
      const lines = printed.text.split('\n');
      const at = (label: RegExp) => lines.findIndex((l) => label.test(l));
      expect(lines.filter((l) => /Opening balance/.test(l))).toEqual([expect.stringMatching(new RegExp(`^Opening balance\\s+${esc(25_000)}$`))]);
      expect(at(new RegExp(`Credit sale ${bill.billNumber}`))).toBeGreaterThan(at(/Opening balance/));
      expect(at(/Payment received \(Cash\)/)).toBeGreaterThan(at(new RegExp(bill.billNumber)));
      expect(lines[at(/Payment received \(Cash\)/) + 1]).toMatch(new RegExp(`^\\s+${esc(-100_000)}\\s+${esc(111_000)}$`));
      expect(lines.find((l) => /^Closing balance/.test(l))).toMatch(new RegExp(`\\s${esc(111_000)}$`));
    } finally {
      printer.server.close();
    }

    // Head office after the sync: the store's receivables, its ageing and the customer's statement.
    const report = await t.hub.api<ReceivablesReport>('GET', '/reports/receivables', undefined, t.admin);
    const row = report.stores.find((s) => s.storeCode === 'LHR-07');
    expect(row).toMatchObject({ customers: 1, balanceMinor: 111_000, overdueMinor: 0, ageing: { d0_30: 111_000, d31_60: 0, d61_90: 0, d90plus: 0 } });
    expect(report.total).toMatchObject({ balanceMinor: 111_000 });
    expect(report.top).toEqual([expect.objectContaining({ name: 'Nasreen Akhtar', storeCode: 'LHR-07', balanceMinor: 111_000 })]);
    expect(report.collectionsByStore).toEqual([{ storeId: store.id, storeCode: 'LHR-07', storeName: 'Model Town Kiryana', day: todayIn(Date.now(), zone), paidMinor: 100_000 }]);
    const { items } = await t.hub.api<{ items: CustomerSummary[] }>('GET', `/customers?storeId=${store.id}`, undefined, t.admin);
    expect(items.map((c) => [c.customer.name, c.balanceMinor])).toEqual([['Nasreen Akhtar', 111_000]]);
    const detail = await t.hub.api<CustomerDetail>('GET', `/customers/${items[0]!.customer.id}`, undefined, t.admin);
    expect(detail.ageing).toEqual({ d0_30: 111_000, d31_60: 0, d61_90: 0, d90plus: 0 });
    expect(detail.oldestDueDay).toBeNull();
    expect(detail.statement).toMatchObject({ openingMinor: 25_000, billedMinor: 186_000, paidMinor: 100_000, closingMinor: 111_000 });
    expect(detail.statement.lines.map((l) => l.entry.kind)).toEqual(['credit_sale', 'payment']);
  }, 180_000);
});
