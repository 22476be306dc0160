import { createTranslator, type CustomerDetail, type Product, type Store } from '@bazaar/shared';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { expectError } from '../bills/bills.testing';
import { fakePrinter } from '../testing/fake-printer';
import { useTestHub } from '../testing/test-hub';
import type { StoreCore } from '../store-core';

/*
 * Chain-shared customers (issue 20) on the real pieces: stores A and B, a counter each, a real hub
 * process. A's customer buys at B: B's balance and its limit check are the whole balance (A's
 * entries too), equal to the hub's and to the sum of the entries in the hub's tables.
 */
const t = useTestHub();

async function counter(store: Store, name: string, code: string, username: string): Promise<StoreCore> {
  const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name }, t.admin);
  const { core } = await t.counter();
  await core.enroll({ hubUrl: t.hub.url, token: dev.token });
  await core.syncNow();
  await core.signIn({ username: 'meena', pin: '1234' });
  await core.updateBillSettings({ counterCode: code, paymentMethods: ['upi', 'credit'] });
  await core.signIn({ username, pin: '1234' });
  return core;
}

/** The customer's balance as the hub's tables hold it: the sum of their entries at every store. */
async function sumOfEntries(customerId: string): Promise<number | null> {
  if (!t.hub.databaseUrl) return null;
  const c = new pg.Client({ connectionString: t.hub.databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ b: string | null }>('SELECT sum(amount_minor) AS b FROM credit_entries WHERE customer_id = $1', [customerId]);
    return Number(r.rows[0]?.b ?? 0);
  } finally {
    await c.end();
  }
}

describe('a chain-shared customer at another store’s counter (real hub process)', () => {
  it('counter B sees the whole balance of store A’s customer, checks the limit on it, and the hub agrees', async () => {
    const storeA = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-21', name: 'Gulberg Kiryana' }, t.admin);
    const storeB = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-22', name: 'Johar Town Kiryana' }, t.admin);
    const atta = await t.hub.api<Product>('POST', '/products', { sku: 'ATTA', name: 'Atta 10kg', unit: 'pc', priceMinor: 150_000, costMinor: 130_000 }, t.admin);
    for (const s of [storeA, storeB]) await t.hub.api('POST', '/stock-movements', { storeId: s.id, productId: atta.id, kind: 'IN', qty: 50 }, t.admin);
    await t.hub.api('POST', '/users', { username: 'meena', name: 'Meena', password: 'meena-password-1', role: 'manager', storeIds: [storeA.id, storeB.id], pin: '1234' }, t.admin);
    await t.hub.api('POST', '/users', { username: 'sami', name: 'Sami', password: 'sami-password-1', role: 'staff', storeIds: [storeB.id], pin: '1234' }, t.admin);
    await t.hub.api('PUT', '/credit-settings', { shareCustomers: true }, t.admin);
    const a = await counter(storeA, 'A till', 'C1', 'meena');
    const b = await counter(storeB, 'B till', 'C1', 'sami');

    // At store A: the customer (limit ₹5,000), the paper khata carried over and a bill on credit.
    const ravi = (await a.addCustomer({ name: 'Ravi Kumar', phone: '0300 1234567', creditLimitMinor: 500_000 })).customer.id;
    await a.adjustBalance({ customer: 'Ravi', amountMinor: 50_000, reason: 'paper khata', opening: true });
    await a.sell({ lines: [{ product: 'ATTA', qty: 2 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi' } });
    await a.syncNow();
    await b.syncNow();

    // At store B the whole balance: ₹3,500 (A's entries), not ₹0.
    const atB = await b.findCustomers({ query: '03001234567' });
    expect(atB.map((v) => [v.customer.name, v.balanceMinor, v.elsewhereMinor, v.availableMinor])).toEqual([['Ravi Kumar', 350_000, 350_000, 150_000]]);
    const hubView = await t.hub.api<CustomerDetail>('GET', `/customers/${ravi}`, undefined, t.admin);
    expect(hubView.balanceMinor).toBe(350_000);
    if (t.hub.databaseUrl) expect(await sumOfEntries(ravi)).toBe(350_000);

    // Offline at B: one bag is ₹1,500 → ₹5,000 owed, within the limit; a second takes it to ₹6,500: a manager's PIN.
    await b.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi' } });
    await expectError(b.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi' } }), 'FORBIDDEN', /Ravi Kumar: ₹6,?500\.00 owed after this bill, limit ₹5,?000\.00/);
    const paid = await b.receivePayment({ customer: 'Ravi', amountMinor: 100_000, method: 'cash' });
    expect(paid.balanceMinor).toBe(400_000);

    // Meanwhile A takes a payment; after both sync, each counter, the hub and the sum of entries agree.
    await a.receivePayment({ customer: 'Ravi', amountMinor: 20_000, method: 'upi' });
    await b.syncNow();
    await a.syncNow();
    await b.syncNow();
    const whole = 50_000 + 300_000 + 150_000 - 100_000 - 20_000;
    expect((await b.showCustomer({ customer: 'Ravi' })).balanceMinor).toBe(whole);
    expect((await a.showCustomer({ customer: 'Ravi' })).balanceMinor).toBe(whole);
    expect((await a.showCustomer({ customer: 'Ravi' })).elsewhereMinor).toBe(150_000 - 100_000);
    expect((await t.hub.api<CustomerDetail>('GET', `/customers/${ravi}`, undefined, t.admin)).balanceMinor).toBe(whole);
    if (t.hub.databaseUrl) expect(await sumOfEntries(ravi)).toBe(whole);
    expect((await b.receivables()).map((v) => [v.customer.name, v.balanceMinor])).toEqual([['Ravi Kumar', whole]]);
    // B's printed statement: B's own entries to their closing, then what other stores hold and the whole balance.
    const printer = await fakePrinter();
    t.onCleanup(async () => void printer.server.close());
    await b.signIn({ username: 'meena', pin: '1234' });
    await b.updateBillSettings({ receiptPrinter: printer.address, receiptWidth: 48 });
    await b.signIn({ username: 'sami', pin: '1234' });
    const printed = (await b.printStatement({ customer: 'Ravi', currency: 'PKR' })).text.split('\n');
    const money = (minor: number) => createTranslator({ locale: 'en', currency: 'PKR' }).money(minor).replace(/\s+/g, ' ');
    const last = (label: string) => printed.find((l) => l.startsWith(label))?.replace(/\s+/g, ' ');
    expect([last('Closing balance'), last('At other stores'), last('Whole balance')]).toEqual([
      `Closing balance ${money(150_000 - 100_000)}`,
      `At other stores ${money(50_000 + 300_000 - 20_000)}`,
      `Whole balance ${money(whole)}`,
    ]);
    // The limit check at B now uses ₹3,800: one more bag (₹5,300) needs the PIN, which a manager gives.
    await expectError(b.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi' } }), 'FORBIDDEN', /₹5,?300\.00 owed after this bill/);
    const approved = await b.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi' }, approval: { username: 'meena', pin: '1234' } });
    expect(approved.bill.approvedBy).toMatchObject({ name: 'meena', reasons: ['credit_over_limit'] });
    await b.syncNow();

    // Sharing off: a pull at B names neither Ravi nor his balance; A's own counter still sees what B sold him.
    await t.hub.api('PUT', '/credit-settings', { shareCustomers: false }, t.admin);
    const pullOf = async (store: Store) => {
      const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: `${store.code} spare` }, t.admin);
      return t.hub.api<{ customers: { id: string }[]; elsewhere?: { customerId: string; balanceMinor: number }[] }>('GET', '/sync/customers', undefined, dev.token);
    };
    const atStoreB = await pullOf(storeB);
    expect([atStoreB.customers, atStoreB.elsewhere]).toEqual([[], []]);
    const atStoreA = await pullOf(storeA);
    expect([atStoreA.customers.map((c) => c.id), atStoreA.elsewhere]).toEqual([[ravi], [{ customerId: ravi, balanceMinor: 150_000 - 100_000 + 150_000 }]]);
    await a.syncNow();
    expect((await a.showCustomer({ customer: 'Ravi' })).balanceMinor).toBe(whole + 150_000);
  }, 180_000);
});
