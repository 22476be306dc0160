import { uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
let managerA: TestUser;
const S: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
let rice: { id: string };
let soap: { id: string };
const HOUR = 3_600_000;
const day = new Date(Date.now() - 2 * 86_400_000).toISOString();
const range = `from=${new Date(Date.now() - 10 * 86_400_000).toISOString()}&to=${new Date(Date.now() + HOUR).toISOString()}`;

useTestApp(async (ctx) => {
  ({ t, admin } = ctx);
  for (const [code, region] of [['A', 'North'], ['B', 'North'], ['C', 'South']] as const) {
    S[code] = (await t.makeStore(`RK-${code}`)).id;
    const location = { A: 'Gulberg, Lahore', B: 'Saddar, Rawalpindi', C: 'Clifton, Karachi' }[code];
    await t.db.db.updateTable('stores').set({ region, location }).where('id', '=', S[code]).execute();
  }
  managerA = await t.makeUser('manager', [S.A]);
  rice = (await t.call('POST', '/products', admin.token, { sku: 'RICE', name: 'Rice', unit: 'g', priceMinor: 12000, costMinor: 9000, reorderLevel: 2000, category: 'grains' })).body;
  soap = (await t.call('POST', '/products', admin.token, { sku: 'SOAP', name: 'Soap', unit: 'pc', priceMinor: 4000, costMinor: 3000, reorderLevel: 5, category: 'home' })).body;
  const mv = async (storeId: string, productId: string, kind: string, qty: number, occurredAt?: string) => {
    const reason = kind === 'REMOVE' ? { reason: 'damage' } : {};
    const r = await t.call('POST', '/stock-movements', admin.token, { storeId, productId, kind, qty, ...reason, ...(occurredAt ? { occurredAt } : {}) });
    expect([r.status, r.body?.error?.message]).toEqual([201, undefined]);
  };
  await mv(S.A, rice.id, 'IN', 10_000);
  await mv(S.A, rice.id, 'SALE', -1500, day); // 18,000 revenue, 13,500 cost
  await mv(S.A, soap.id, 'IN', 10);
  await mv(S.A, soap.id, 'SALE', -4, day); // 16,000 / 12,000
  await mv(S.A, soap.id, 'REMOVE', -1, day); // 3,000 lost at cost
  await mv(S.B, soap.id, 'IN', 5);
  await mv(S.B, soap.id, 'SALE', -3, day); // 12,000 / 9,000
  await mv(S.B, soap.id, 'COUNT', 1); // expected 2, counted 1: -1 pc = -3,000
  await mv(S.C, rice.id, 'IN', 5000);
  await mv(S.C, rice.id, 'SALE', -500, day); // 6,000 / 4,500
  const device = (storeId: string, seen: Date) => ({ store_id: storeId, id: uuidv7(), name: `till ${storeId.slice(-4)}`, node: uuidv7().slice(-12), token_hash: uuidv7(), last_push_at: seen });
  await t.db.db.insertInto('devices').values([device(S.A, new Date(Date.now() - 2 * HOUR)), device(S.B, new Date(Date.now() - 3 * 86_400_000 - HOUR))]).execute();
  const conflict = (storeId: string, status: 'open' | 'resolved') => ({ store_id: storeId, id: uuidv7(), kind: 'COUNT_VARIANCE', details: JSON.stringify({}), status });
  await t.db.db.insertInto('conflicts').values([conflict(S.B, 'open'), conflict(S.B, 'open'), conflict(S.A, 'resolved')]).execute();
});

const pick = (items: { storeCode: string }[]) => items.map((r) => r.storeCode);

describe('store rankings', () => {
  it('ranks every store on the hub, with each measure', async () => {
    const res = await t.call('GET', `/reports/store-rankings?${range}&sort=sales`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(pick(res.body.items)).toEqual(['RK-A', 'RK-B', 'RK-C']);
    const [a, b, c] = res.body.items;
    expect(a).toMatchObject({ rank: 1, region: 'North', salesMinor: 34_000, marginMinor: 8_500, marginPct: 25, stockValueMinor: 76_500 + 15_000, low: 1, out: 0, shrinkageMinor: 3_000, countVarianceMinor: 0, daysSinceSync: 0 });
    expect(b).toMatchObject({ salesMinor: 12_000, marginMinor: 3_000, stockValueMinor: 3_000, low: 1, countVarianceMinor: -3_000, daysSinceSync: 3 });
    expect(c).toMatchObject({ salesMinor: 6_000, stockValueMinor: 40_500, lastSyncAt: null, daysSinceSync: null });
  });

  it('gives the bottom N, any measure, a region, and says how many match', async () => {
    const bottom = await t.call('GET', `/reports/store-rankings?${range}&sort=sales&dir=asc&limit=2`, admin.token);
    expect([pick(bottom.body.items), bottom.body.total]).toEqual([['RK-C', 'RK-B'], 3]);
    const value = await t.call('GET', `/reports/store-rankings?${range}&sort=stockValue`, admin.token);
    expect(pick(value.body.items)).toEqual(['RK-A', 'RK-C', 'RK-B']);
    const stale = await t.call('GET', `/reports/store-rankings?${range}&sort=lastSync&dir=asc`, admin.token);
    expect(pick(stale.body.items)).toEqual(['RK-C', 'RK-B', 'RK-A']);
    const north = await t.call('GET', `/reports/store-rankings?${range}&region=North&sort=shrinkage`, admin.token);
    expect([pick(north.body.items), north.body.total]).toEqual([['RK-A', 'RK-B'], 2]);
  });

  it('pages through the ranking with the total on every page, and filters by city', async () => {
    const first = await t.call('GET', `/reports/store-rankings?${range}&sort=sales&limit=2`, admin.token);
    const second = await t.call('GET', `/reports/store-rankings?${range}&sort=sales&limit=2&offset=2`, admin.token);
    expect([pick(first.body.items), first.body.total, first.body.offset]).toEqual([['RK-A', 'RK-B'], 3, 0]);
    expect([pick(second.body.items), second.body.items[0].rank, second.body.total, second.body.offset]).toEqual([['RK-C'], 3, 3, 2]);
    const past = await t.call('GET', `/reports/store-rankings?${range}&sort=sales&limit=2&offset=10`, admin.token);
    expect([past.body.items, past.body.total]).toEqual([[], 3]);
    const city = await t.call('GET', `/reports/store-rankings?${range}&city=rawalpindi`, admin.token);
    expect([pick(city.body.items), city.body.total]).toEqual([['RK-B'], 1]);
    const towns = await t.call('GET', '/reports/cities?region=North', admin.token);
    expect(towns.body.items).toEqual([{ value: 'Lahore', count: 1 }, { value: 'Rawalpindi', count: 1 }]);
    const mine = await t.call('GET', '/reports/cities', managerA.token);
    expect(mine.body.items).toEqual([{ value: 'Lahore', count: 1 }]);
    expect((await t.call('GET', `/reports/store-rankings?${range}&offset=-1`, admin.token)).status).toBe(400);
  });

  it('shows a manager only their stores, and exports CSV', async () => {
    const mine = await t.call('GET', `/reports/store-rankings?${range}`, managerA.token);
    expect([pick(mine.body.items), mine.body.total]).toEqual([['RK-A'], 1]);
    const csv = await t.call('GET', `/reports/store-rankings?${range}&sort=sales&dir=asc&format=csv`, admin.token);
    expect(csv.status).toBe(200);
    const lines = String(csv.text ?? csv.body).trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^rank,storeCode,storeName,region,sales \(INR\),margin \(INR\),marginPct,stockValue \(INR\)/);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['RK-C', 'RK-B', 'RK-A']);
  });

  it('refuses staff and bad input', async () => {
    const staff = await t.makeUser('staff', [S.A]);
    expect((await t.call('GET', '/reports/store-rankings', staff.token)).status).toBe(403);
    expect((await t.call('GET', '/reports/store-rankings?sort=nope', admin.token)).status).toBe(400);
    expect((await t.call('GET', '/reports/store-rankings?limit=0', admin.token)).status).toBe(400);
  });
});

describe('sales by region and by revenue', () => {
  it('rolls sales up by region', async () => {
    const res = await t.call('GET', `/reports/sales?${range}&groupBy=region&sort=revenue`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { region: 'North', stores: 2, lines: 3, qty: 1507, revenueMinor: 46_000, costMinor: 34_500, marginMinor: 11_500, returnedQty: 0, returnsMinor: 0 },
      { region: 'South', stores: 1, lines: 1, qty: 500, revenueMinor: 6_000, costMinor: 4_500, marginMinor: 1_500, returnedQty: 0, returnsMinor: 0 },
    ]);
    const mine = await t.call('GET', `/reports/sales?${range}&groupBy=region`, managerA.token);
    expect(mine.body.items).toEqual([{ region: 'North', stores: 1, lines: 2, qty: 1504, revenueMinor: 34_000, costMinor: 25_500, marginMinor: 8_500, returnedQty: 0, returnsMinor: 0 }]);
    const south = await t.call('GET', `/reports/sales?${range}&groupBy=store&region=South`, admin.token);
    expect(south.body.items.map((r: { storeCode: string }) => r.storeCode)).toEqual(['RK-C']);
  });

  it('ranks products by revenue when asked (grams never outrank rupees)', async () => {
    const byQty = await t.call('GET', `/reports/sales?${range}&groupBy=product&limit=1`, admin.token);
    expect(byQty.body.items[0].sku).toBe('RICE'); // 2,000 g sold
    const byRevenue = await t.call('GET', `/reports/sales?${range}&groupBy=product&sort=revenue`, admin.token);
    expect(byRevenue.body.items.map((r: { sku: string; revenueMinor: number }) => [r.sku, r.revenueMinor])).toEqual([
      ['SOAP', 28_000],
      ['RICE', 24_000],
    ]);
  });
});

describe('overview counts, suggestions, names', () => {
  it('counts exactly, in scope', async () => {
    expect((await t.call('GET', '/reports/counts', admin.token)).body).toEqual({ products: 2, stores: 3, openConflicts: 2, devices: 2, countersOffline: 1 });
    expect((await t.call('GET', '/reports/counts', managerA.token)).body).toEqual({ products: 2, stores: 1, openConflicts: 0, devices: 1, countersOffline: 0 });
    const staff = await t.makeUser('staff', [S.B]);
    expect((await t.call('GET', '/reports/counts', staff.token)).body).toEqual({ products: 2, stores: 1, openConflicts: null, devices: null, countersOffline: null });
  });

  it('suggests regions in scope and categories', async () => {
    expect((await t.call('GET', '/reports/regions', admin.token)).body.items).toEqual([{ value: 'North', count: 2 }, { value: 'South', count: 1 }]);
    expect((await t.call('GET', '/reports/regions?q=so', admin.token)).body.items).toEqual([{ value: 'South', count: 1 }]);
    expect((await t.call('GET', '/reports/regions', managerA.token)).body.items).toEqual([{ value: 'North', count: 1 }]);
    expect((await t.call('GET', '/reports/categories?q=GR', admin.token)).body.items).toEqual([{ value: 'grains', count: 1 }]);
  });

  it('filters by a region or category however it is typed, and searches barcodes and store names', async () => {
    await t.call('PATCH', `/products/${rice.id}`, admin.token, { barcode: '8901234567890' });
    const rows = async (query: string, token = admin.token) => {
      const res = await t.call('GET', `/stocks?${query}`, token);
      expect(res.status).toBe(200);
      return (res.body.items as { storeCode: string; sku: string }[]).map((r) => `${r.storeCode}:${r.sku}`).sort();
    };
    expect(await rows('region=north')).toEqual(['RK-A:RICE', 'RK-A:SOAP', 'RK-B:SOAP']);
    expect(await rows('region=NORTH&category=Grains')).toEqual(['RK-A:RICE']);
    expect(await rows('region=nor')).toEqual([]); // a picked value, not a prefix
    expect(await rows('q=8901234567890')).toEqual(['RK-A:RICE', 'RK-C:RICE']);
    expect(await rows('q=store rk-c')).toEqual(['RK-C:RICE']);
    expect(await rows('q=rk-b')).toEqual(['RK-B:SOAP']);
    expect(await rows('q=rk-b', managerA.token)).toEqual([]);
    expect((await t.call('GET', '/stocks/summary?category=HOME', admin.token)).body.items.map((r: { sku: string }) => r.sku)).toEqual(['SOAP']);
    expect((await t.call('GET', '/products?category=GRAINS', admin.token)).body.items.map((r: { sku: string }) => r.sku)).toEqual(['RICE']);
    expect((await t.call('GET', '/stores?region=south', admin.token)).body.items.map((r: { code: string }) => r.code)).toEqual(['RK-C']);
    expect((await t.call('GET', '/reports/low-stock?category=HOME', admin.token)).body.items.map((r: { storeCode: string }) => r.storeCode).sort()).toEqual(['RK-A', 'RK-B']);
    // One suggestion per value however its rows spell it, counted together.
    const other = (await t.call('POST', '/products', admin.token, { sku: 'DAL', name: 'Dal', unit: 'g', priceMinor: 100, costMinor: 80, reorderLevel: 0, category: 'Grains' })).body;
    expect((await t.call('GET', '/reports/categories?q=gr', admin.token)).body.items).toEqual([{ value: 'Grains', count: 2 }]);
    await t.call('PATCH', `/products/${other.id}`, admin.token, { archived: true });
  });

  it("writes CSV times on each store's clock with its offset, and names each store's time zone", async () => {
    await t.db.db.updateTable('stores').set({ time_zone: 'Asia/Karachi' }).where('id', 'in', [S.A, S.B]).execute();
    try {
      const names = await t.call('GET', `/names?stores=${S.A},${S.C}`, admin.token);
      expect(names.body.stores[S.A]).toEqual({ name: 'Store RK-A', code: 'RK-A', timeZone: 'Asia/Karachi' });
      expect(names.body.stores[S.C].timeZone).toBe('Asia/Kolkata');
      const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/;
      const csv = async (path: string) => {
        const lines = ((await t.call('GET', path, admin.token)).text as string).trim().split('\r\n').map((l) => l.split(','));
        return lines.slice(1).map((cells) => Object.fromEntries(lines[0]!.map((h, i) => [h, cells[i] ?? ''])));
      };
      const json = (await t.call('GET', '/reports/low-stock', admin.token)).body.items as { storeCode: string; updatedAt: string }[];
      const low = await csv('/reports/low-stock?format=csv');
      expect(low.map((r) => r.storeCode).sort()).toEqual(['RK-A', 'RK-B']);
      for (const r of low) {
        expect(r.updatedAt).toMatch(stamp);
        expect(r.updatedAt!.endsWith(' +05:00')).toBe(true); // Karachi, not UTC and not the hub's zone
        const api = json.find((j) => j.storeCode === r.storeCode)!;
        expect(Date.parse(r.updatedAt!.replace(' ', 'T').replace(' ', ''))).toBe(Math.floor(Date.parse(api.updatedAt) / 1000) * 1000);
      }
      const ranked = await csv(`/reports/store-rankings?${range}&sort=sales&format=csv`);
      expect(ranked.find((r) => r.storeCode === 'RK-A')!.lastSyncAt).toMatch(/ \+05:00$/);
      expect(ranked.find((r) => r.storeCode === 'RK-C')!.lastSyncAt).toBe(''); // never synced
    } finally {
      await t.db.db.updateTable('stores').set({ time_zone: 'Asia/Kolkata' }).where('id', 'in', [S.A, S.B]).execute();
    }
  });

  it('names a page of ids in one call, only those in scope', async () => {
    const q = `stores=${S.A},${S.B}&products=${rice.id}&users=${admin.id},${managerA.id}`;
    const all = await t.call('GET', `/names?${q}`, admin.token);
    expect(Object.keys(all.body.stores).sort()).toEqual([S.A, S.B].sort());
    expect(all.body.products[rice.id]).toEqual({ name: 'Rice', sku: 'RICE', unit: 'g' });
    const mine = await t.call('GET', `/names?${q}`, managerA.token);
    expect(Object.keys(mine.body.stores)).toEqual([S.A]);
    expect(Object.keys(mine.body.users).sort()).toEqual([admin.id, managerA.id].sort());
    expect((await t.call('GET', '/names?stores=not-a-uuid', admin.token)).status).toBe(400);
  });

  it('says how many low-stock rows exist when the answer is cut', async () => {
    const cut = await t.call('GET', '/reports/low-stock?limit=1', admin.token);
    expect([cut.body.items.length, cut.body.total, cut.body.truncated]).toEqual([1, 2, true]);
    const whole = await t.call('GET', '/reports/low-stock', admin.token);
    expect([whole.body.items.length, whole.body.total, whole.body.truncated]).toEqual([2, 2, false]);
    const csv = await t.call('GET', '/reports/low-stock?limit=1&format=csv', admin.token);
    expect([csv.headers?.get?.('x-total-count'), csv.headers?.get?.('x-truncated')]).toEqual(['2', 'true']);
  });
});
