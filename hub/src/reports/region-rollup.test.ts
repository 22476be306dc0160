import { uuidv7 } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

/*
 * Issue 24: stock value and alerts roll up by region, and drill region → store → product.
 * The expected figures come from SQL written here from the definitions (value at the store's
 * moving-average cost, else the catalog cost; grams priced per kg), not from the hub's query.
 */
let t: TestApp;
let admin: TestUser;
let manager: TestUser;
const S: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

useTestApp(async (ctx) => {
  ({ t, admin } = ctx);
  for (const [code, region] of [['A', 'North'], ['B', 'North'], ['C', 'South'], ['D', null]] as const) {
    S[code] = (await t.makeStore(`RR-${code}`)).id;
    await t.db.db.updateTable('stores').set({ region }).where('id', '=', S[code]).execute();
  }
  manager = await t.makeUser('manager', [S.A, S.C]);
  const product = async (sku: string, unit: string, priceMinor: number, costMinor: number) =>
    (await t.call('POST', '/products', admin.token, { sku, name: `${sku} name`, unit, priceMinor, costMinor, reorderLevel: unit === 'pc' ? 5 : 2000 })).body as { id: string };
  const rice = await product('RR-RICE', 'g', 12000, 9000);
  const soap = await product('RR-SOAP', 'pc', 4000, 3000);
  const oil = await product('RR-OIL', 'ml', 30000, 25000);
  const mv = async (storeId: string, productId: string, kind: string, qty: number, unitCostMinor?: number) => {
    const r = await t.call('POST', '/stock-movements', admin.token, { storeId, productId, kind, qty, ...(unitCostMinor ? { unitCostMinor } : {}) });
    expect([r.status, r.body?.error?.message]).toEqual([201, undefined]);
  };
  await mv(S.A, rice.id, 'IN', 12_345, 9500);
  await mv(S.A, soap.id, 'IN', 3);
  await mv(S.B, soap.id, 'IN', 40);
  await mv(S.B, oil.id, 'IN', 1_500);
  await mv(S.C, rice.id, 'IN', 700);
  await mv(S.C, oil.id, 'IN', 250);
  await mv(S.D, soap.id, 'IN', 9);
  await mv(S.D, rice.id, 'IN', 500);
  await mv(S.D, rice.id, 'SALE', -800); // negative stock: a conflict, never negative value
  const alert = (storeId: string, productId: string, kind: 'low' | 'out', state: 'open' | 'acknowledged' | 'closed') => ({ store_id: storeId, id: uuidv7(), product_id: productId, kind, state, qty: 1 });
  await t.db.db
    .insertInto('alerts')
    .values([
      alert(S.A, soap.id, 'low', 'open'),
      alert(S.A, rice.id, 'out', 'acknowledged'),
      alert(S.B, oil.id, 'low', 'open'),
      alert(S.B, soap.id, 'low', 'closed'),
      alert(S.C, rice.id, 'low', 'open'),
      alert(S.C, oil.id, 'out', 'open'),
      alert(S.D, rice.id, 'out', 'open'),
    ])
    .execute();
});

/** Stock value by an expression, from the definitions. */
async function expectedValue(group: 'region' | 'store' | 'product', where = sql`TRUE`) {
  const key = { region: sql`s.region`, store: sql`s.code`, product: sql`p.sku` }[group];
  const { rows } = await sql<{ key: string | null; cost: string; retail: string; products: number }>`
    SELECT ${key} AS key, count(*)::int AS products,
      sum(round(k.qty * coalesce(c.cost_minor, p.cost_minor) / (CASE p.unit WHEN 'pc' THEN 1.0 ELSE 1000.0 END))) AS cost,
      sum(round(k.qty * p.price_minor / (CASE p.unit WHEN 'pc' THEN 1.0 ELSE 1000.0 END))) AS retail
    FROM stock k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = k.store_id
    LEFT JOIN product_costs c ON c.store_id = k.store_id AND c.product_id = k.product_id
    WHERE k.qty > 0 AND ${where}
    GROUP BY 1 ORDER BY 1`.execute(t.db.db);
  return rows.map((r) => ({ key: r.key, products: r.products, costMinor: Number(r.cost), retailMinor: Number(r.retail) }));
}

describe('stock value by region, then store, then product', () => {
  it('rolls the chain’s stock value up by region as independent SQL does', async () => {
    const res = await t.call('GET', '/reports/stock-value?groupBy=region', admin.token);
    expect(res.status).toBe(200);
    const want = await expectedValue('region');
    const got = (res.body.items as { region: string | null; products: number; costMinor: number; retailMinor: number }[]).map((r) => ({ key: r.region, products: r.products, costMinor: r.costMinor, retailMinor: r.retailMinor }));
    expect(got.sort((a, b) => String(a.key).localeCompare(String(b.key)))).toEqual(want.sort((a, b) => String(a.key).localeCompare(String(b.key))));
    expect(res.body.items.map((r: { region: string | null; stores: number }) => [r.region, r.stores])).toEqual([['North', 2], ['South', 1], [null, 1]]);
    expect(res.body.totals.costMinor).toBe(want.reduce((a, r) => a + r.costMinor, 0));
  });

  it('drills a region into its stores and a store into its most valuable products', async () => {
    const stores = await t.call('GET', '/reports/stock-value?groupBy=store&region=North', admin.token);
    expect(stores.body.items.map((r: { storeCode: string }) => r.storeCode)).toEqual(['RR-A', 'RR-B']);
    const wantStores = await expectedValue('store', sql`s.region = 'North'`);
    expect(stores.body.items.map((r: { storeCode: string; costMinor: number; region: string }) => ({ key: r.storeCode, cost: r.costMinor, region: r.region }))).toEqual(wantStores.map((r) => ({ key: r.key, cost: r.costMinor, region: 'North' })));
    const products = await t.call('GET', `/reports/stock-value?groupBy=product&storeId=${S.B}`, admin.token);
    const wantProducts = await expectedValue('product', sql`s.id = ${S.B}`);
    wantProducts.sort((a, b) => b.costMinor - a.costMinor);
    expect(products.body.items.map((r: { sku: string; costMinor: number; qty: number }) => [r.sku, r.costMinor])).toEqual(wantProducts.map((r) => [r.key, r.costMinor]));
    expect(products.body.items.map((r: { qty: number }) => r.qty)).toEqual([40, 1_500]);
    expect(products.body.totals.costMinor).toBe(wantProducts.reduce((a, r) => a + r.costMinor, 0));
  });

  it('keeps a manager to their stores, and exports the region rows as CSV', async () => {
    const mine = await t.call('GET', '/reports/stock-value?groupBy=region', manager.token);
    const want = await expectedValue('region', sql`s.id IN (${S.A}, ${S.C})`);
    expect(mine.body.items.map((r: { region: string; costMinor: number }) => [r.region, r.costMinor])).toEqual(want.map((r) => [r.key, r.costMinor]));
    const csv = await t.call('GET', '/reports/stock-value?groupBy=region&format=csv', admin.token);
    const lines = String(csv.text ?? csv.body).trim().split(/\r\n/);
    expect(lines[0]).toBe('region,stores,products,cost (INR),retail (INR)');
    expect(lines).toHaveLength(4);
  });
});

describe('alerts by region, then store', () => {
  /** Live low/out alerts per region or store, from the definitions. */
  async function expectedAlerts(by: 'region' | 'code', where = sql`TRUE`) {
    const { rows } = await sql<{ key: string | null; low: number; out: number }>`
      SELECT s.${sql.raw(by)} AS key, count(*) FILTER (WHERE a.kind = 'low')::int AS low, count(*) FILTER (WHERE a.kind = 'out')::int AS out
      FROM alerts a JOIN stores s ON s.id = a.store_id
      WHERE a.state IN ('open', 'acknowledged') AND ${where} GROUP BY 1 ORDER BY 1`.execute(t.db.db);
    return rows;
  }

  it('counts live low and out alerts per region, then per store of a region', async () => {
    const res = await t.call('GET', '/reports/alerts?groupBy=region', admin.token);
    expect(res.status).toBe(200);
    const sortKey = (r: { key: string | null }) => String(r.key);
    const got = (res.body.items as { region: string | null; low: number; out: number }[]).map((r) => ({ key: r.region, low: r.low, out: r.out }));
    expect(got.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual((await expectedAlerts('region')).sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    expect(res.body.totals).toEqual({ low: 3, out: 3 });
    const north = await t.call('GET', '/reports/alerts?groupBy=store&region=North', admin.token);
    const want = await expectedAlerts('code', sql`s.region = 'North'`);
    expect(north.body.items.map((r: { storeCode: string; low: number; out: number }) => ({ key: r.storeCode, low: r.low, out: r.out })).sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key))).toEqual(want);
  });

  it('keeps a manager to their stores and refuses staff', async () => {
    const mine = await t.call('GET', '/reports/alerts', manager.token);
    expect(mine.body.items.map((r: { region: string; low: number; out: number }) => [r.region, r.low, r.out])).toEqual([['North', 1, 1], ['South', 1, 1]]);
    const staff = await t.makeUser('staff', [S.A]);
    expect((await t.call('GET', '/reports/alerts', staff.token)).status).toBe(403);
    expect((await t.call('GET', '/reports/alerts?groupBy=product', admin.token)).status).toBe(400);
  });
});
