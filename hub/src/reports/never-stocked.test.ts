import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
let manager: TestUser;
const S = { A: '', B: '', C: '' };
const P = { tea: '', soap: '', dal: '', old: '' };

useTestApp(async (ctx) => {
  ({ t, admin } = ctx);
  for (const k of ['A', 'B', 'C'] as const) S[k] = (await t.makeStore(`NS-${k}`)).id;
  manager = await t.makeUser('manager', [S.B]);
  for (const k of ['tea', 'soap', 'dal', 'old'] as const) P[k] = (await t.makeProduct({ sku: k.toUpperCase() })).id;
  await t.db.db.updateTable('products').set({ category: 'Pulses' }).where('id', '=', P.dal).execute();
  const move = async (storeId: string, productId: string, qty: number) =>
    expect((await t.call('POST', '/stock-movements', admin.token, { storeId, productId, kind: 'IN', qty })).status).toBe(201);
  // A stocks everything (and a product archived later); B only tea, sold out; C nothing at all.
  for (const p of [P.tea, P.soap, P.dal, P.old]) await move(S.A, p, 5);
  await move(S.B, P.tea, 5);
  expect((await t.call('POST', '/stock-movements', admin.token, { storeId: S.B, productId: P.tea, kind: 'SALE', qty: -5 })).status).toBe(201);
  await t.call('PATCH', `/products/${P.old}`, admin.token, { archived: true });
});

const pairs = (items: { storeCode: string; sku: string }[]) => items.map((r) => `${r.storeCode}:${r.sku}`);

describe('never stocked: what a store carries (every active product) and has no stock row of', () => {
  it('lists every such pair store by store, each by SKU, with an exact total; archived products are not carried', async () => {
    const res = await t.call('GET', '/reports/never-stocked', admin.token);
    expect(res.status).toBe(200);
    expect(pairs(res.body.items)).toEqual(['NS-B:DAL', 'NS-B:SOAP', 'NS-C:DAL', 'NS-C:SOAP', 'NS-C:TEA']);
    expect([res.body.total, res.body.truncated]).toEqual([5, false]);
    // A sold-out row is out of stock already, not "never stocked"; the out-of-stock report lists it first, then the never-stocked pairs.
    const out = await t.call('GET', '/reports/out-of-stock', admin.token);
    expect(pairs(out.body.items)).toEqual(['NS-B:TEA', 'NS-B:DAL', 'NS-B:SOAP', 'NS-C:DAL', 'NS-C:SOAP', 'NS-C:TEA']);
    expect(out.body.items.map((r: { neverStocked: boolean }) => r.neverStocked)).toEqual([false, true, true, true, true, true]);
    expect([out.body.total, out.body.neverStocked, out.body.truncated]).toEqual([6, 5, false]);
  });

  it("the Overview's Out (GET /stocks/counts) counts never-stocked pairs, as the out-of-stock report and its CSV do", async () => {
    const counts = await t.call('GET', '/stocks/counts', admin.token);
    expect(counts.status).toBe(200);
    const byCode = Object.fromEntries(counts.body.items.map((i: { storeCode: string; out: number; neverStocked: number }) => [i.storeCode, [i.out, i.neverStocked]]));
    expect(byCode).toEqual({ 'NS-A': [0, 0], 'NS-B': [1, 2], 'NS-C': [0, 3] });
    // C holds no stock row at all and still needs stock (A needs it only where it runs low).
    expect(counts.body.totals).toMatchObject({ out: 1, neverStocked: 5, storesNeedingStock: 3 });
    expect((await t.call('GET', '/stocks/counts?needsStock=false', admin.token)).body.items).toEqual([]);
    await t.db.db.updateTable('stock').set({ reorder_level: 0 }).where('store_id', '=', S.A).execute();
    expect((await t.call('GET', '/stocks/counts?needsStock=true', admin.token)).body.items.map((i: { storeCode: string }) => i.storeCode)).toEqual(['NS-B', 'NS-C']);
    const report = await t.call('GET', '/reports/out-of-stock', admin.token);
    expect(report.body.total).toBe(counts.body.totals.out + counts.body.totals.neverStocked);
    const csv = (await t.call('GET', '/reports/out-of-stock?format=csv', admin.token)).text as string;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('storeCode,storeName,sku,productName,unit,category,qty,reorderLevel,shortBy,updatedAt,neverStocked,storeId,productId');
    expect(lines).toHaveLength(1 + counts.body.totals.out + counts.body.totals.neverStocked);
    // A manager's figures cover their store only, the same on both.
    const mine = await t.call('GET', '/stocks/counts', manager.token);
    expect(mine.body.totals).toMatchObject({ out: 1, neverStocked: 2 });
    expect((await t.call('GET', '/reports/out-of-stock', manager.token)).body.total).toBe(3);
    // A limit cuts the never-stocked pairs after the stocked-out rows; the total still counts them.
    const cut = await t.call('GET', '/reports/out-of-stock?limit=2', admin.token);
    expect([pairs(cut.body.items), cut.body.total, cut.body.truncated]).toEqual([['NS-B:TEA', 'NS-B:DAL'], 6, true]);
    // A supplier's products only: none of these has one.
    const supplierId = crypto.randomUUID();
    expect((await t.call('GET', `/reports/out-of-stock?supplierId=${supplierId}`, admin.token)).body.total).toBe(0);
  });

  it('stops at the limit and says how many there are; filters by store and by category in any case', async () => {
    const cut = await t.call('GET', '/reports/never-stocked?limit=2', admin.token);
    expect([pairs(cut.body.items), cut.body.total, cut.body.truncated]).toEqual([['NS-B:DAL', 'NS-B:SOAP'], 5, true]);
    expect(pairs((await t.call('GET', `/reports/never-stocked?storeId=${S.C}`, admin.token)).body.items)).toEqual(['NS-C:DAL', 'NS-C:SOAP', 'NS-C:TEA']);
    const pulses = await t.call('GET', '/reports/never-stocked?category=pulses', admin.token);
    expect([pairs(pulses.body.items), pulses.body.total]).toEqual([['NS-B:DAL', 'NS-C:DAL'], 2]);
  });

  it("shows a manager only their stores, refuses staff, and exports CSV", async () => {
    const mine = await t.call('GET', '/reports/never-stocked', manager.token);
    expect([pairs(mine.body.items), mine.body.total]).toEqual([['NS-B:DAL', 'NS-B:SOAP'], 2]);
    expect((await t.call('GET', `/reports/never-stocked?storeId=${S.C}`, manager.token)).status).toBe(404);
    const staff = await t.makeUser('staff', [S.B]);
    expect((await t.call('GET', '/reports/never-stocked', staff.token)).status).toBe(403);
    const csv = await t.call('GET', '/reports/never-stocked?format=csv', admin.token);
    const lines = (csv.text as string).trim().split('\r\n');
    expect(lines[0]).toBe('storeCode,storeName,sku,productName,unit,category,storeId,productId');
    expect(lines).toHaveLength(6);
  });

  it('a first stock-in takes the pair off the list', async () => {
    expect((await t.call('POST', '/stock-movements', admin.token, { storeId: S.C, productId: P.soap, kind: 'IN', qty: 1 })).status).toBe(201);
    const res = await t.call('GET', '/reports/never-stocked', admin.token);
    expect([pairs(res.body.items), res.body.total]).toEqual([['NS-B:DAL', 'NS-B:SOAP', 'NS-C:DAL', 'NS-C:TEA'], 4]);
  });
});
