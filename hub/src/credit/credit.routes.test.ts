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
  return { id, storeId, name, phone, address: null, note: null, creditLimitPaise: 100_000, deviceId, createdAt: at, updatedAt: at };
}

function entry(d: SimDevice, storeId: string, customerId: string, seq: number, e: Partial<LedgerEntry> & Pick<LedgerEntry, 'kind' | 'amountPaise' | 'occurredAt'>): LedgerEntry {
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
      entry(tillA, storeA.id, ravi, 1, { kind: 'credit_sale', amountPaise: 50_000, occurredAt: ago(100) }),
      entry(tillA, storeA.id, ravi, 2, { kind: 'payment', amountPaise: -10_000, occurredAt: ago(10) }),
    ],
  };
  await push(tillA, firstPush);
  // The other counter of A, which pulled Ravi: a sale due in 10 days, a payment today.
  await push(tillA2, {
    creditEntries: [
      entry(tillA2, storeA.id, ravi, 1, { kind: 'credit_sale', amountPaise: 20_000, occurredAt: ago(5), dueOn: addDays(today, 10) }),
      entry(tillA2, storeA.id, ravi, 2, { kind: 'payment', amountPaise: -5_000, occurredAt: new Date().toISOString(), method: 'upi' }),
    ],
  });
  await push(tillB, { customers: [customer(zara, storeB.id, tillB.id, 'Zara Bravo', '03219999999')], creditEntries: [entry(tillB, storeB.id, zara, 1, { kind: 'credit_sale', amountPaise: 7_000, occurredAt: ago(1) })] });
});

describe('customers at head office', () => {
  it('a replayed push, or the same entry under a new id at a used seq, counts nothing twice', async () => {
    await push(tillA, firstPush);
    const dup = entry(tillA, storeA.id, ravi, 2, { kind: 'payment', amountPaise: -99_000, occurredAt: ago(1) });
    await push(tillA, { creditEntries: [dup] });
    const n = await t.db.db.selectFrom('credit_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', storeA.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(4);
  });

  it("lists a manager's stores' customers only, with the balance = the sum of both counters' entries", async () => {
    const res = await t.call('GET', '/customers', manager.token);
    expect(res.status).toBe(200);
    const items = (res.body as { items: CustomerSummary[] }).items;
    expect(items.map((i) => [i.customer.name, i.storeCode, i.balancePaise, i.overduePaise])).toEqual([['Ravi Kumar', storeA.code, 55_000, 35_000]]);
    expect((await t.call('GET', `/customers?storeId=${storeB.id}`, manager.token)).status).toBe(404);
    expect((await t.call('GET', `/customers/${zara}`, manager.token)).status).toBe(404);
    const all = (await t.call('GET', '/customers?q=999', admin.token)).body as { items: CustomerSummary[] };
    expect(all.items.map((i) => i.customer.name)).toEqual(['Zara Bravo']);
  });

  it('a statement: opening, bills and payments with the running balance, closing; ageing oldest-first', async () => {
    const res = await t.call('GET', `/customers/${ravi}`, manager.token);
    expect(res.status).toBe(200);
    const d = res.body as CustomerDetail;
    expect(d.statement.lines.map((l) => [l.entry.kind, l.entry.amountPaise, l.balancePaise])).toEqual([
      ['credit_sale', 50_000, 50_000],
      ['payment', -10_000, 40_000],
      ['credit_sale', 20_000, 60_000],
      ['payment', -5_000, 55_000],
    ]);
    expect([d.statement.openingPaise, d.statement.billedPaise, d.statement.paidPaise, d.statement.closingPaise]).toEqual([0, 70_000, 15_000, 55_000]);
    expect(d.ageing).toEqual({ d0_30: 20_000, d31_60: 0, d61_90: 0, d90plus: 35_000 });
    expect(d.daysOverdue).toBe(70);
    const from = localDay(Date.now() - 7 * DAY, 'Asia/Karachi');
    const part = (await t.call('GET', `/customers/${ravi}?from=${from}`, manager.token)).body as CustomerDetail;
    expect([part.statement.openingPaise, part.statement.lines.length, part.statement.closingPaise]).toEqual([40_000, 2, 55_000]);
  });

  it('receivables per store and in total, top balances, collection per store day, CSV', async () => {
    const mine = (await t.call('GET', '/reports/receivables', manager.token)).body as ReceivablesReport;
    expect(mine.stores.map((s) => [s.storeCode, s.customers, s.balancePaise, s.overduePaise])).toEqual([[storeA.code, 1, 55_000, 35_000]]);
    expect(mine.total).toEqual({ customers: 1, balancePaise: 55_000, overduePaise: 35_000, ageing: { d0_30: 20_000, d31_60: 0, d61_90: 0, d90plus: 35_000 } });
    expect(mine.top.map((x) => [x.name, x.balancePaise])).toEqual([['Ravi Kumar', 55_000]]);
    expect(mine.collections.map((x) => x.paidPaise)).toEqual([10_000, 5_000]);
    expect(mine.collections.at(-1)!.day).toBe(localDay(Date.now(), 'Asia/Karachi'));
    const every = (await t.call('GET', `/reports/receivables?storeId=${storeB.id}`, admin.token)).body as ReceivablesReport;
    expect(every.total.balancePaise).toBe(7_000);
    expect((await t.call('GET', `/reports/receivables?storeId=${storeB.id}`, manager.token)).status).toBe(404);
    const csv = await t.call('GET', '/reports/receivables?format=csv', manager.token);
    expect(csv.status).toBe(200);
    expect(String(csv.body ?? csv.text)).toContain(`${storeA.code},`);
  });

  it('a counter pulls its store’s customers and every counter’s entries, never another store’s', async () => {
    const res = await t.call('GET', '/sync/customers', tillA2.token);
    expect(res.status).toBe(200);
    const body = res.body as { customers: { name: string }[]; entries: LedgerEntry[]; cursor: string; hasMore: boolean };
    expect(body.customers.map((c) => c.name)).toEqual(['Ravi Kumar']);
    expect(body.entries.reduce((a, e) => a + e.amountPaise, 0)).toBe(55_000);
    const next = (await t.call('GET', `/sync/customers?cursor=${body.cursor}`, tillA2.token)).body as { entries: unknown[] };
    expect(next.entries).toEqual([]);
  });
});
