import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
let managerA: TestUser;
let A: { id: string };
let B: { id: string };
let rice: { id: string };
let soap: { id: string };
useTestApp(async (ctx) => {
  ({ t, admin } = ctx);
  A = await t.makeStore('RA');
  B = await t.makeStore('RB');
  managerA = await t.makeUser('manager', [A.id]);
  rice = (await t.call('POST', '/products', admin.token, { sku: 'RICE', name: 'Rice, basmati', unit: 'g', priceMinor: 12000, costMinor: 9000, reorderLevel: 2000, category: 'grains' })).body;
  soap = (await t.call('POST', '/products', admin.token, { sku: 'SOAP', name: '=cmd|calc', unit: 'pc', priceMinor: 4000, costMinor: 3000, reorderLevel: 5 })).body;
  const mv = (storeId: string, productId: string, kind: string, qty: number, occurredAt?: string) =>
    t.call('POST', '/stock-movements', admin.token, { storeId, productId, kind, qty, ...(occurredAt ? { occurredAt } : {}) });
  await mv(A.id, rice.id, 'IN', 10_000);
  await mv(A.id, rice.id, 'SALE', -1500, '2026-11-01T10:00:00Z');
  await mv(A.id, rice.id, 'SALE', -250, '2026-11-02T20:00:00Z'); // 01:30 on Nov 3 in India
  await mv(A.id, soap.id, 'IN', 4);
  await mv(B.id, soap.id, 'SALE', -2, '2026-11-01T10:00:00Z');
});

const range = 'from=2026-10-15T00:00:00Z&to=2026-11-20T00:00:00Z';

describe('reports', () => {
  it('sales by day use Indian day boundaries and weighed-goods pricing', async () => {
    const res = await t.call('GET', `/reports/sales?${range}&groupBy=day&storeId=${A.id}`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { day: '2026-11-01', lines: 1, qty: 1500, revenueMinor: 18000, costMinor: 13500, marginMinor: 4500, returnedQty: 0, returnsMinor: 0 },
      { day: '2026-11-03', lines: 1, qty: 250, revenueMinor: 3000, costMinor: 2250, marginMinor: 750, returnedQty: 0, returnsMinor: 0 },
    ]);
  });

  it('sales by store stay inside the caller stores', async () => {
    const all = await t.call('GET', `/reports/sales?${range}&groupBy=store`, admin.token);
    expect(all.body.items.map((r: { storeCode: string }) => r.storeCode)).toEqual(['RA', 'RB']);
    const mine = await t.call('GET', `/reports/sales?${range}&groupBy=store`, managerA.token);
    expect(mine.body.items.map((r: { storeCode: string }) => r.storeCode)).toEqual(['RA']);
    const other = await t.call('GET', `/reports/sales?${range}&storeId=${B.id}`, managerA.token);
    expect(other.status).toBe(404);
    const staff = await t.makeUser('staff', [A.id]);
    expect((await t.call('GET', '/reports/sales', staff.token)).status).toBe(403);
  });

  it('low-stock, out-of-stock and valuation', async () => {
    const low = await t.call('GET', '/reports/low-stock', admin.token);
    expect(low.body.items).toEqual([expect.objectContaining({ storeCode: 'RA', sku: 'SOAP', qty: 4, reorderLevel: 5, shortBy: 1 })]);
    const out = await t.call('GET', '/reports/out-of-stock', admin.token);
    // RB sold its soap below zero and never stocked the rice it carries: both out of stock there.
    expect(out.body.items).toEqual([
      expect.objectContaining({ storeCode: 'RB', sku: 'SOAP', qty: -2, neverStocked: false }),
      expect.objectContaining({ storeCode: 'RB', sku: 'RICE', qty: 0, reorderLevel: null, neverStocked: true }),
    ]);
    expect([out.body.total, out.body.neverStocked]).toEqual([2, 1]);
    const val = await t.call('GET', '/reports/valuation', admin.token);
    // Rice 8250 g at ₹90/kg cost = 742.50; soap 4 × ₹30 = 120.
    expect(val.body.items).toEqual([
      expect.objectContaining({ storeCode: 'RA', products: 2, costMinor: 74250 + 12000, retailMinor: 99000 + 16000 }),
      expect.objectContaining({ storeCode: 'RB', products: 0, costMinor: 0, retailMinor: 0 }),
    ]);
  });

  it('low-stock lists store by store in code order, each store by SKU, and stops at the limit', async () => {
    const stores = [await t.makeStore('LZ-3'), await t.makeStore('LZ-1'), await t.makeStore('LZ-2')];
    const skus = ['LZ-C', 'LZ-A', 'LZ-B'];
    for (const sku of skus) {
      const p = (await t.call('POST', '/products', admin.token, { sku, name: sku, unit: 'pc', priceMinor: 100, reorderLevel: 10, category: 'lz' })).body;
      for (const store of stores) expect((await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: p.id, kind: 'IN', qty: 3 })).status).toBe(201);
    }
    const expected = ['LZ-1', 'LZ-2', 'LZ-3'].flatMap((code) => ['LZ-A', 'LZ-B', 'LZ-C'].map((sku) => `${code}/${sku}`));
    const rows = (r: { body: { items: { storeCode: string; sku: string }[] } }) => r.body.items.map((i) => `${i.storeCode}/${i.sku}`);
    const all = await t.call('GET', '/reports/low-stock?category=lz', admin.token);
    expect(rows(all)).toEqual(expected);
    expect(all.body.truncated).toBe(false);
    const cut = await t.call('GET', '/reports/low-stock?category=lz&limit=4', admin.token);
    expect(rows(cut)).toEqual(expected.slice(0, 4));
    expect(cut.body.truncated).toBe(true);
    const one = await t.call('GET', `/reports/low-stock?category=lz&storeId=${stores[2]!.id}`, admin.token);
    expect(rows(one)).toEqual(expected.slice(3, 6));
    expect((await t.call('GET', '/reports/low-stock?category=lz', managerA.token)).body.items).toEqual([]);
  });

  it("a cut page's total comes from the stores' counters and still leaves archived products out", async () => {
    const stores = [await t.makeStore('TC-1'), await t.makeStore('TC-2')];
    const make = async (sku: string) => (await t.call('POST', '/products', admin.token, { sku, name: sku, unit: 'pc', priceMinor: 100, reorderLevel: 10 })).body as { id: string };
    const [kept, gone] = [await make('TC-KEPT'), await make('TC-GONE')];
    for (const store of stores) {
      for (const [p, qty] of [[kept, 3], [gone, 2]] as const) {
        expect((await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: p.id, kind: 'IN', qty })).status).toBe(201);
      }
      expect((await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: gone.id, kind: 'SALE', qty: -5 })).status).toBe(201); // out: -3
    }
    expect((await t.call('PATCH', `/products/${gone.id}`, admin.token, { archived: true })).status).toBe(200);
    // What the report lists, counted row by row (the query the counters replace).
    const oracle = async (kind: 'low' | 'out', storeId?: string) =>
      (
        await t.db.db
          .selectFrom('stock as k')
          .innerJoin('products as p', 'p.id', 'k.product_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('p.archived', '=', false)
          .where((eb) => eb('k.qty', '<=', eb.ref('k.reorder_level')))
          .where('k.qty', kind === 'out' ? '<=' : '>', 0)
          .$if(storeId !== undefined, (q) => q.where('k.store_id', '=', storeId!))
          .executeTakeFirstOrThrow()
      ).n;
    for (const kind of ['low', 'out'] as const) {
      const path = kind === 'low' ? '/reports/low-stock' : '/reports/out-of-stock';
      const cut = await t.call('GET', `${path}?limit=1`, admin.token);
      expect(cut.status).toBe(200);
      expect(cut.body.items).toHaveLength(1);
      // Out of stock also counts the carried products a store has no row of (every store misses the others' products).
      const never = kind === 'out' ? (await t.call('GET', '/reports/never-stocked?limit=1', admin.token)).body.total : 0;
      expect(cut.body.total).toBe(Number(await oracle(kind)) + never);
      expect(cut.headers.get('x-total-count')).toBe(String(cut.body.total));
    }
    const low = await t.call('GET', `/reports/low-stock?limit=1&storeId=${stores[1]!.id}`, admin.token);
    expect({ total: low.body.total, truncated: low.body.truncated }).toEqual({ total: Number(await oracle('low', stores[1]!.id)), truncated: false });
    const out = await t.call('GET', `/reports/out-of-stock?storeId=${stores[1]!.id}`, admin.token);
    // The archived product's -3 is not listed; what is, is carried and never stocked there.
    expect(out.body.items.map((r: { sku: string }) => r.sku)).not.toContain('TC-GONE');
    expect(out.body.items.every((r: { neverStocked: boolean }) => r.neverStocked)).toBe(true);
  });

  it('exports CSV by Accept header or ?format=csv, with formula injection defused', async () => {
    const viaQuery = await t.call('GET', `/reports/sales?${range}&groupBy=product&format=csv`, admin.token);
    expect(viaQuery.headers.get('content-type')).toContain('text/csv');
    const lines = viaQuery.text.trim().split('\r\n');
    expect(lines[0]).toBe('sku,productName,unit,productId,lines,qty,revenue (INR),cost (INR),margin (INR),returnedQty,returns (INR)');
    expect(lines[1]).toMatch(/^RICE,"Rice, basmati",g,/);
    expect(lines[2]).toMatch(/^SOAP,'=cmd\|calc,pc,/);
    const viaAccept = await t.call('GET', '/reports/low-stock', admin.token, undefined, { Accept: 'text/csv' });
    expect(viaAccept.text.split('\r\n')[0]).toBe('storeCode,storeName,sku,productName,unit,category,qty,reorderLevel,shortBy,updatedAt,storeId,productId');
  });

  it('validates ranges', async () => {
    const res = await t.call('GET', '/reports/sales?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z', admin.token);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('from');
  });
});

describe('sales by day and time zones', () => {
  let t: TestApp;
  let admin: TestUser;
  useTestApp((ctx) => ({ t, admin } = ctx));

  it("by day, each sale counts on its own store's day; a fixed offset asked for applies to all, and the answer says which", async () => {
    // A sale at 20:00 UTC is 01:00 the next day in Lahore (+05:00) and 01:30 in India (+05:30); at 18:45 UTC it is still
    // 23:45 the same day in Lahore but 00:15 the next day in India.
    const lahore = await t.makeStore('RL');
    const A = await t.makeStore('RA');
    const soap = (await t.call('POST', '/products', admin.token, { sku: 'SOAP', name: 'Soap', unit: 'pc', priceMinor: 4000 })).body;
    await t.call('POST', '/stock-movements', admin.token, { storeId: A.id, productId: soap.id, kind: 'SALE', qty: -2, occurredAt: '2026-11-01T10:00:00Z' });
    await t.call('PATCH', `/stores/${lahore.id}`, admin.token, { timeZone: 'Asia/Karachi' });
    await t.call('POST', '/stock-movements', admin.token, { storeId: lahore.id, productId: soap.id, kind: 'SALE', qty: -1, occurredAt: '2026-11-05T18:45:00Z' });
    await t.call('POST', '/stock-movements', admin.token, { storeId: A.id, productId: soap.id, kind: 'SALE', qty: -1, occurredAt: '2026-11-05T18:45:00Z' });
    const byStoreDay = await t.call('GET', `/reports/sales?${range}&groupBy=day&productId=${soap.id}`, admin.token);
    expect(byStoreDay.body.dayBoundary).toBe('store');
    expect(byStoreDay.body.items.map((r: { day: string; qty: number }) => [r.day, r.qty])).toEqual([
      ['2026-11-01', 2],
      ['2026-11-05', 1], // Lahore, 23:45
      ['2026-11-06', 1], // India, 00:15
    ]);
    const utc = await t.call('GET', `/reports/sales?${range}&groupBy=day&productId=${soap.id}&tzOffsetMinutes=0`, admin.token);
    expect(utc.body.dayBoundary).toBe('utc+0m');
    expect(utc.body.items.map((r: { day: string; qty: number }) => [r.day, r.qty])).toEqual([
      ['2026-11-01', 2],
      ['2026-11-05', 2],
    ]);
  });
});
