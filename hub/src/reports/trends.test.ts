import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { rollupSales } from './sales-rollup';
import { addDays } from './trends.periods';

/**
 * Trends read the daily rollup: each sale on its store's own day, this period beside the one
 * before and the same period last year, for a store, a region or every store in scope.
 */
let t: TestApp;
let admin: TestUser;
let manager: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

let north1: { id: string }, north2: { id: string }, south: { id: string };
let product: { id: string };
const days: string[] = [];

async function sell(storeId: string, qty: number, at: string) {
  const res = await t.call('POST', '/stock-movements', admin.token, { storeId, productId: product.id, kind: 'SALE', qty: -qty, occurredAt: at });
  expect(res.status).toBe(201);
  days.push(at.slice(0, 10), addDays(at.slice(0, 10), 1));
}

beforeAll(async () => {
  north1 = await t.makeStore('TR-N1');
  north2 = await t.makeStore('TR-N2');
  south = await t.makeStore('TR-S1');
  for (const [s, region] of [[north1, 'TrNorth'], [north2, 'TrNorth'], [south, 'TrSouth']] as const) {
    await t.deps.db.updateTable('stores').set({ region }).where('id', '=', s.id).execute();
  }
  // Lahore: 19:30 UTC on 2 Nov is 00:30 on 3 Nov there.
  await t.deps.db.updateTable('stores').set({ time_zone: 'Asia/Karachi' }).where('id', '=', north2.id).execute();
  product = await t.makeProduct({ sku: 'TR-TEA' }); // ₹10.00, cost ₹7.00
  manager = await t.makeUser('manager', [north1.id]);
  await sell(north1.id, 2, '2026-11-02T06:00:00Z'); // current, week of 2 Nov
  await sell(north2.id, 5, '2026-11-02T19:30:00Z'); // current, 3 Nov in Lahore
  await sell(south.id, 1, '2026-11-10T06:00:00Z'); // current, week of 9 Nov
  await sell(north1.id, 4, '2026-10-20T06:00:00Z'); // previous period (weeks of 19 Oct)
  await sell(north1.id, 7, '2025-11-04T06:00:00Z'); // 52 weeks before: the week of 3 Nov 2025
  await rollupSales(t.deps.db, days);
});

const url = (q: string) => `/reports/trends?${q}`;

describe('sales trends', () => {
  it('by week for the chain: current, previous and last year, index-aligned', async () => {
    const res = await t.call('GET', url('grain=week&from=2026-11-02&to=2026-11-15'), admin.token);
    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual({
      current: { from: '2026-11-02', to: '2026-11-16' },
      previous: { from: '2026-10-19', to: '2026-11-02' },
      lastYear: { from: '2025-11-03', to: '2025-11-17' },
    });
    const revenue = (k: 'current' | 'previous' | 'lastYear') => res.body.points.map((p: Record<string, { revenueMinor: number }>) => p[k]!.revenueMinor);
    expect(res.body.points.map((p: { start: string }) => p.start)).toEqual(['2026-11-02', '2026-11-09']);
    expect(revenue('current')).toEqual([7000, 1000]);
    expect(revenue('previous')).toEqual([4000, 0]);
    expect(revenue('lastYear')).toEqual([7000, 0]);
    expect(res.body.totals.current).toEqual({ revenueMinor: 8000, costMinor: 5600, marginMinor: 2400, qty: 8, returnsMinor: 0, lines: 3 });
    expect(res.body.asOf).not.toBeNull();
  });

  it('by day, each store on its own day; a region; one store', async () => {
    const res = await t.call('GET', url('grain=day&from=2026-11-02&to=2026-11-03&region=TrNorth'), admin.token);
    expect(res.body.stores).toBe(2);
    expect(res.body.points.map((p: { start: string; current: { qty: number } }) => [p.start, p.current.qty])).toEqual([
      ['2026-11-02', 2],
      ['2026-11-03', 5],
    ]);
    const one = await t.call('GET', url(`grain=month&from=2026-11-01&to=2026-11-30&storeId=${south.id}`), admin.token);
    expect(one.body.totals.current.revenueMinor).toBe(1000);
    expect(one.body.periods.lastYear).toEqual({ from: '2025-11-01', to: '2025-12-01' });
  });

  it('a manager sees only their stores, and no other store by id', async () => {
    const res = await t.call('GET', url('grain=week&from=2026-11-02&to=2026-11-15'), manager.token);
    expect(res.body.stores).toBe(1);
    expect(res.body.totals.current.revenueMinor).toBe(2000);
    expect((await t.call('GET', url(`storeId=${south.id}`), manager.token)).status).toBe(404);
    const staff = await t.makeUser('staff', [north1.id]);
    expect((await t.call('GET', url(''), staff.token)).status).toBe(403);
  });

  it('refuses a backwards or oversized range with a clear message', async () => {
    const back = await t.call('GET', url('from=2026-11-10&to=2026-11-01'), admin.token);
    expect(back.status).toBe(400);
    expect(back.text).toMatch(/from/);
    expect((await t.call('GET', url('grain=day&from=2024-01-01&to=2026-01-01'), admin.token)).status).toBe(400);
    expect((await t.call('GET', url('grain=year'), admin.token)).status).toBe(400);
  });

  it('splits one product by region, in scope', async () => {
    const res = await t.call('GET', `/reports/product-regions?productId=${product.id}&from=2026-11-01&to=2026-11-30`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { region: 'TrNorth', stores: 2, qty: 7, revenueMinor: 7000, marginMinor: 2100, returnsMinor: 0 },
      { region: 'TrSouth', stores: 1, qty: 1, revenueMinor: 1000, marginMinor: 300, returnsMinor: 0 },
    ]);
    expect(res.body.total).toMatchObject({ stores: 3, qty: 8, revenueMinor: 8000 });
    const mine = await t.call('GET', `/reports/product-regions?productId=${product.id}&from=2026-11-01&to=2026-11-30`, manager.token);
    expect(mine.body.items).toEqual([{ region: 'TrNorth', stores: 1, qty: 2, revenueMinor: 2000, marginMinor: 600, returnsMinor: 0 }]);
  });
});
