import { addDays, localDay, uuidv7, type CustomerDetail, type CustomerSummary, type LedgerEntry, type ReceivablesReport } from '@bazaar/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from '../sync/sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let manager: TestUser;
let storeA: { id: string; code: string };
let storeB: { id: string; code: string };
let tillA: SimDevice;
let tillA2: SimDevice;
let tillB: SimDevice;
const ravi = uuidv7();
const zara = uuidv7();

function customer(id: string, storeId: string, deviceId: string, name: string, phone: string) {
  const at = ago(120);
  return { id, storeId, name, phone, address: null, note: null, creditLimitMinor: 100_000, deviceId, createdAt: at, updatedAt: at };
}

function entry(d: SimDevice, storeId: string, customerId: string, seq: number, e: Partial<LedgerEntry> & Pick<LedgerEntry, 'kind' | 'amountMinor' | 'occurredAt'>): LedgerEntry {
  const base = { id: uuidv7(), storeId, customerId, deviceId: d.id, entrySeq: seq, by: { id: null, name: 'Sami' }, note: null };
  if (e.kind === 'credit_sale') return { ...base, billId: uuidv7(), billNumber: `X-C1-00000${seq}`, dueOn: null, approvedBy: null, ...e } as LedgerEntry;
  if (e.kind === 'payment') return { ...base, method: 'cash', ...e } as LedgerEntry;
  return { ...base, ...e } as LedgerEntry;
}

async function push(d: SimDevice, body: Record<string, unknown>) {
  const res = await t.call('POST', '/sync/push', d.token, { movements: [], ...body });
  expect(res.status).toBe(200);
}

let firstPush: Record<string, unknown>;
let zaraPaidAt: string;

beforeAll(async () => {
  storeA = await t.makeStore(`CA${uuidv7().slice(-8)}`);
  storeB = await t.makeStore(`CB${uuidv7().slice(-8)}`);
  await t.db.db.updateTable('stores').set({ time_zone: 'Asia/Karachi' }).where('id', 'in', [storeA.id, storeB.id]).execute();
  manager = await t.makeUser('manager', [storeA.id]);
  tillA = await SimDevice.enroll(t, admin.token, storeA.id, 'Till 1');
  tillA2 = await SimDevice.enroll(t, admin.token, storeA.id, 'Till 2');
  tillB = await SimDevice.enroll(t, admin.token, storeB.id, 'Other till');
  const today = localDay(Date.now(), 'Asia/Karachi');
  firstPush = {
    customers: [customer(ravi, storeA.id, tillA.id, 'Ravi Kumar', '03001234567')],
    creditEntries: [
      entry(tillA, storeA.id, ravi, 1, { kind: 'credit_sale', amountMinor: 50_000, occurredAt: ago(100) }),
      entry(tillA, storeA.id, ravi, 2, { kind: 'payment', amountMinor: -10_000, occurredAt: ago(10) }),
    ],
  };
  await push(tillA, firstPush);
  // The other counter of A, which pulled Ravi: a sale due in 10 days, a payment today.
  await push(tillA2, {
    creditEntries: [
      entry(tillA2, storeA.id, ravi, 1, { kind: 'credit_sale', amountMinor: 20_000, occurredAt: ago(5), dueOn: addDays(today, 10) }),
      entry(tillA2, storeA.id, ravi, 2, { kind: 'payment', amountMinor: -5_000, occurredAt: new Date().toISOString(), method: 'upi' }),
    ],
  });
  // Store B: a sale, and a payment at 00:30 yesterday on Karachi's clock (19:30 UTC the day before).
  zaraPaidAt = new Date(Date.parse(`${addDays(today, -1)}T00:30:00+05:00`)).toISOString();
  await push(tillB, {
    customers: [customer(zara, storeB.id, tillB.id, 'Zara Bravo', '03219999999')],
    creditEntries: [
      entry(tillB, storeB.id, zara, 1, { kind: 'credit_sale', amountMinor: 7_000, occurredAt: ago(3) }),
      entry(tillB, storeB.id, zara, 2, { kind: 'payment', amountMinor: -2_000, occurredAt: zaraPaidAt }),
    ],
  });
});

describe('customers at head office', () => {
  it('a replayed push, or the same entry under a new id at a used seq, counts nothing twice', async () => {
    await push(tillA, firstPush);
    const dup = entry(tillA, storeA.id, ravi, 2, { kind: 'payment', amountMinor: -99_000, occurredAt: ago(1) });
    await push(tillA, { creditEntries: [dup] });
    const n = await t.db.db.selectFrom('credit_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', storeA.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(4);
  });

  it("lists a manager's stores' customers only, with the balance = the sum of both counters' entries", async () => {
    const res = await t.call('GET', '/customers', manager.token);
    expect(res.status).toBe(200);
    const items = (res.body as { items: CustomerSummary[] }).items;
    expect(items.map((i) => [i.customer.name, i.storeCode, i.balanceMinor, i.overdueMinor])).toEqual([['Ravi Kumar', storeA.code, 55_000, 35_000]]);
    expect((await t.call('GET', `/customers?storeId=${storeB.id}`, manager.token)).status).toBe(404);
    expect((await t.call('GET', `/customers/${zara}`, manager.token)).status).toBe(404);
    const all = (await t.call('GET', '/customers?q=999', admin.token)).body as { items: CustomerSummary[] };
    expect(all.items.map((i) => i.customer.name)).toEqual(['Zara Bravo']);
    // The overdue list: Ravi's oldest open bill fell due 70 days ago; Zara owes, but nothing is late.
    const late = (await t.call('GET', '/customers?overdue=true&limit=500', admin.token)).body as { items: CustomerSummary[] };
    const ours = late.items.filter((i) => i.customer.id === ravi || i.customer.id === zara);
    expect(ours.map((i) => [i.customer.name, i.overdueMinor, i.daysOverdue])).toEqual([['Ravi Kumar', 35_000, 70]]);
    for (const [a, b] of late.items.slice(1).map((x, i) => [late.items[i]!, x] as const)) expect(a.daysOverdue).toBeGreaterThanOrEqual(b.daysOverdue);
    expect(((await t.call('GET', `/customers?overdue=true&storeId=${storeB.id}`, admin.token)).body as { items: unknown[] }).items).toEqual([]);
  });

  it('a statement: opening, bills and payments with the running balance, closing; ageing oldest-first', async () => {
    const res = await t.call('GET', `/customers/${ravi}`, manager.token);
    expect(res.status).toBe(200);
    const d = res.body as CustomerDetail;
    expect(d.statement.lines.map((l) => [l.entry.kind, l.entry.amountMinor, l.balanceMinor])).toEqual([
      ['credit_sale', 50_000, 50_000],
      ['payment', -10_000, 40_000],
      ['credit_sale', 20_000, 60_000],
      ['payment', -5_000, 55_000],
    ]);
    expect([d.statement.openingMinor, d.statement.billedMinor, d.statement.paidMinor, d.statement.closingMinor]).toEqual([0, 70_000, 15_000, 55_000]);
    expect(d.ageing).toEqual({ d0_30: 20_000, d31_60: 0, d61_90: 0, d90plus: 35_000 });
    expect(d.daysOverdue).toBe(70);
    const from = localDay(Date.now() - 7 * DAY, 'Asia/Karachi');
    const part = (await t.call('GET', `/customers/${ravi}?from=${from}`, manager.token)).body as CustomerDetail;
    expect([part.statement.openingMinor, part.statement.lines.length, part.statement.closingMinor]).toEqual([40_000, 2, 55_000]);
  });

  it('receivables per store and in total, top balances, collection per store day, CSV', async () => {
    const mine = (await t.call('GET', '/reports/receivables', manager.token)).body as ReceivablesReport;
    expect(mine.stores.map((s) => [s.storeCode, s.customers, s.balanceMinor, s.overdueMinor])).toEqual([[storeA.code, 1, 55_000, 35_000]]);
    expect(mine.total).toEqual({ customers: 1, balanceMinor: 55_000, overdueMinor: 35_000, ageing: { d0_30: 20_000, d31_60: 0, d61_90: 0, d90plus: 35_000 } });
    expect(mine.top.map((x) => [x.name, x.balanceMinor])).toEqual([['Ravi Kumar', 55_000]]);
    expect(mine.collections.map((x) => x.paidMinor)).toEqual([10_000, 5_000]);
    expect(mine.collections.at(-1)!.day).toBe(localDay(Date.now(), 'Asia/Karachi'));
    const today = localDay(Date.now(), 'Asia/Karachi');
    expect(mine.collectionsByStore.map((x) => [x.storeCode, x.storeName, x.paidMinor])).toEqual([
      [storeA.code, `Store ${storeA.code}`, 10_000],
      [storeA.code, `Store ${storeA.code}`, 5_000],
    ]);
    const onlyB = (await t.call('GET', `/reports/receivables?storeId=${storeB.id}`, admin.token)).body as ReceivablesReport;
    expect(onlyB.total.balanceMinor).toBe(5_000);
    // The payment counts on the store's day, not the UTC one, and a short period leaves out older days.
    expect(zaraPaidAt.slice(0, 10)).toBe(addDays(today, -2));
    expect(onlyB.collectionsByStore).toEqual([{ storeId: storeB.id, storeCode: storeB.code, storeName: `Store ${storeB.code}`, day: addDays(today, -1), paidMinor: 2_000 }]);
    const lastDay = (await t.call('GET', `/reports/receivables?storeId=${storeB.id}&days=1`, admin.token)).body as ReceivablesReport;
    expect([lastDay.collections, lastDay.collectionsByStore]).toEqual([[], []]);
    // An admin sees both stores' collections, each store's row apart, and the day totals add them up.
    const all = (await t.call('GET', '/reports/receivables?days=30', admin.token)).body as ReceivablesReport;
    const ours = all.collectionsByStore.filter((x) => x.storeId === storeA.id || x.storeId === storeB.id);
    expect(ours.map((x) => [x.storeCode, x.day, x.paidMinor])).toEqual([
      [storeA.code, mine.collectionsByStore[0]!.day, 10_000],
      [storeB.code, addDays(today, -1), 2_000],
      [storeA.code, today, 5_000],
    ]);
    for (const d of all.collections) expect(d.paidMinor).toBe(all.collectionsByStore.filter((x) => x.day === d.day).reduce((a, x) => a + x.paidMinor, 0));
    expect(all.top.map((x) => x.name).filter((n) => n === 'Ravi Kumar' || n === 'Zara Bravo')).toEqual(['Ravi Kumar', 'Zara Bravo']);
    expect((await t.call('GET', `/reports/receivables?storeId=${storeB.id}`, manager.token)).status).toBe(404);
    const csv = await t.call('GET', '/reports/receivables?format=csv', manager.token);
    expect(csv.status).toBe(200);
    expect(String(csv.body ?? csv.text)).toContain(`${storeA.code},`);
    const text = async (q: string) => {
      const r = await t.call('GET', `/reports/receivables?format=csv&${q}`, manager.token);
      expect(r.status).toBe(200);
      return String(r.body ?? r.text).trim().split('\r\n');
    };
    expect(await text('part=stores')).toEqual(['storeCode,storeName,customers,balance (INR),overdue (INR),d0_30 (INR),d31_60 (INR),d61_90 (INR),d90plus (INR)', `${storeA.code},Store ${storeA.code},1,550.00,350.00,200.00,0.00,0.00,350.00`]);
    expect(await text('part=top')).toEqual(['storeCode,storeName,customer,phone,balance (INR),overdue (INR),daysOverdue', `${storeA.code},Store ${storeA.code},Ravi Kumar,03001234567,550.00,350.00,70`]);
    expect(await text('part=collections')).toEqual(['day,storeCode,storeName,collected (INR)', ...mine.collectionsByStore.map((x) => `${x.day},${storeA.code},Store ${storeA.code},${(x.paidMinor / 100).toFixed(2)}`)]);
    expect((await t.call('GET', '/reports/receivables?format=csv&part=everything', manager.token)).status).toBe(400);
  });

  it('a counter pulls its store’s customers and every counter’s entries, never another store’s', async () => {
    const res = await t.call('GET', '/sync/customers', tillA2.token);
    expect(res.status).toBe(200);
    const body = res.body as { customers: { name: string }[]; entries: LedgerEntry[]; cursor: string; hasMore: boolean };
    expect(body.customers.map((c) => c.name)).toEqual(['Ravi Kumar']);
    expect(body.entries.reduce((a, e) => a + e.amountMinor, 0)).toBe(55_000);
    const next = (await t.call('GET', `/sync/customers?cursor=${body.cursor}`, tillA2.token)).body as { entries: unknown[] };
    expect(next.entries).toEqual([]);
  });
});

describe('customers shared across the chain, by setting', () => {
  const pulled = async (d: SimDevice) => ((await t.call('GET', '/sync/customers', d.token)).body as { customers: { name: string }[] }).customers.map((c) => c.name).sort();
  const listed = async (token: string, q = '') => ((await t.call('GET', `/customers?limit=500${q}`, token)).body as { items: CustomerSummary[] }).items.map((i) => i.customer.name).filter((n) => n === 'Ravi Kumar' || n === 'Zara Bravo');

  it('off (the default): another store’s customer is never pulled, listed or shown; only an admin turns sharing on', async () => {
    expect((await t.call('GET', '/credit-settings', manager.token)).body).toEqual({ shareCustomers: false });
    expect((await t.call('PUT', '/credit-settings', manager.token, { shareCustomers: true })).status).toBe(403);
    expect((await t.call('PUT', '/credit-settings', admin.token, { shareCustomers: 'yes' })).status).toBe(400);
    expect(await pulled(tillB)).toEqual(['Zara Bravo']);
    expect(await pulled(tillA)).toEqual(['Ravi Kumar']);
    expect(await listed(manager.token)).toEqual(['Ravi Kumar']);
    expect((await t.call('GET', `/customers/${zara}`, manager.token)).status).toBe(404);
    // An entry for a customer the hub does not know anywhere is refused, and nothing of the push is kept.
    const stray = entry(tillB, storeB.id, uuidv7(), 3, { kind: 'credit_sale', amountMinor: 1_000, occurredAt: ago(1) });
    expect((await t.call('POST', '/sync/push', tillB.token, { movements: [], creditEntries: [stray] })).status).toBe(422);
  });

  it('on: store B’s counter pulls and sells on credit to store A’s customer; the balance is the sum across stores; figures stay in scope; off again hides them', async () => {
    expect((await t.call('PUT', '/credit-settings', admin.token, { shareCustomers: true })).body).toEqual({ shareCustomers: true });
    expect(await pulled(tillB)).toEqual(expect.arrayContaining(['Ravi Kumar', 'Zara Bravo']));
    await push(tillB, { creditEntries: [entry(tillB, storeB.id, ravi, 3, { kind: 'credit_sale', amountMinor: 8_000, occurredAt: ago(1) })] });
    // The sale is store B's, on Ravi's account at store A.
    const row = await t.db.db.selectFrom('credit_entries').select(['store_id', 'customer_store_id']).where('device_id', '=', tillB.id).where('entry_seq', '=', 3).executeTakeFirstOrThrow();
    expect(row).toEqual({ store_id: storeB.id, customer_store_id: storeA.id });
    const d = (await t.call('GET', `/customers/${ravi}`, manager.token)).body as CustomerDetail;
    expect([d.balanceMinor, d.statement.lines.length, d.statement.closingMinor, d.storeCode]).toEqual([63_000, 5, 63_000, storeA.code]);
    // The shared list spans the chain; the receivables report stays the manager's stores.
    expect(await listed(manager.token)).toEqual(['Ravi Kumar', 'Zara Bravo']);
    expect((await t.call('GET', `/customers/${zara}`, manager.token)).status).toBe(200);
    const mine = (await t.call('GET', '/reports/receivables', manager.token)).body as ReceivablesReport;
    expect(mine.stores.map((s) => [s.storeCode, s.balanceMinor])).toEqual([[storeA.code, 63_000]]);
    expect((await t.call('GET', `/reports/receivables?storeId=${storeB.id}`, manager.token)).status).toBe(404);
    const onlyB = (await t.call('GET', `/reports/receivables?storeId=${storeB.id}`, admin.token)).body as ReceivablesReport;
    expect(onlyB.total.balanceMinor).toBe(5_000);
    // The change is on the hub's audit chain.
    const audit = await t.db.db.selectFrom('audit_log').select(['action']).where('action', '=', 'credit.settings_update').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);

    expect((await t.call('PUT', '/credit-settings', admin.token, { shareCustomers: false })).body).toEqual({ shareCustomers: false });
    expect(await pulled(tillB)).toEqual(['Zara Bravo']);
    expect(await listed(manager.token)).toEqual(['Ravi Kumar']);
    expect((await t.call('GET', `/customers/${zara}`, manager.token)).status).toBe(404);
    // What was sold while shared stays on Ravi's account.
    expect(((await t.call('GET', `/customers/${ravi}`, manager.token)).body as CustomerDetail).balanceMinor).toBe(63_000);
  });
});
