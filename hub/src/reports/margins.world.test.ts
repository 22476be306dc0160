import { lineTotalMinor, localDay, movingAverageCost, type BaseUnit, type CostEvent, type DeadStockRow, type MarginRow, type ShrinkageRow, type StockValueRow } from '@bazaar/shared';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollupCosts } from '../costs/costs.rollup';
import { generateWorld } from '../dev/world/generate';
import { kyselyTarget } from '../dev/world/pg-target';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { rollupSales } from './sales-rollup';
import { rollupShrinkage } from './shrinkage-rollup';
import { addDays } from './trends.periods';

/**
 * The margins and valuation reports against a reference computed here from the raw movement log
 * of a generated world (3 stores × 40 products, ~3,100 movements over 20 days), on real PostgreSQL.
 * The world's receipts are re-priced ±10 % per movement so the moving average actually moves, and
 * half its removals lose their stamped cost so the store's moving average has to stand in.
 */
let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

interface Mv { store_id: string; product_id: string; kind: string; qty: number; unit_price_minor: number | null; unit_cost_minor: number | null; reason: string | null; hlc: string; id: string; occurred_at: Date }
interface Product { id: string; sku: string; unit: BaseUnit; category: string | null; price_minor: number; cost_minor: number; archived: boolean }
let log: Mv[] = [];
let products = new Map<string, Product>();
let storeIds: string[] = [];
let stock: { store_id: string; product_id: string; qty: number }[] = [];
const zone = 'Asia/Kolkata';
const key = (s: string, p: string) => `${s}/${p}`;
const byMergeOrder = (a: Mv, b: Mv) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reference moving-average cost per (store, product): the shared rule over the log, from the catalog cost. */
function referenceCosts(): Map<string, number> {
  const events = new Map<string, CostEvent[]>();
  for (const m of log) {
    const e: CostEvent = m.kind === 'IN' && m.unit_cost_minor !== null ? { id: m.id, at: m.hlc, kind: 'receipt', qty: m.qty, costMinor: m.unit_cost_minor } : m.kind === 'COUNT' ? { id: m.id, at: m.hlc, kind: 'count', qty: m.qty } : { id: m.id, at: m.hlc, kind: 'delta', qty: m.qty };
    const list = events.get(key(m.store_id, m.product_id)) ?? [];
    list.push(e);
    events.set(key(m.store_id, m.product_id), list);
  }
  const out = new Map<string, number>();
  for (const [k, list] of events) out.set(k, movingAverageCost(list, { onHandQty: 0, costMinor: products.get(k.split('/')[1]!)!.cost_minor }).costMinor);
  return out;
}

let costs = new Map<string, number>();
const costOf = (s: string, p: string) => costs.get(key(s, p)) ?? products.get(p)!.cost_minor;
const dayOf = (m: Mv) => localDay(m.occurred_at.getTime(), zone);

beforeAll(async () => {
  const db = t.deps.db;
  await generateWorld(kyselyTarget(db), { stores: 3, products: 40, movements: 3 * 40 + 3_000, days: 20, seed: 19 });
  await sql`UPDATE movements SET unit_cost_minor = unit_cost_minor * (90 + abs(hashtext(id::text)) % 21) / 100 WHERE kind = 'IN'`.execute(db);
  await sql`UPDATE movements SET unit_cost_minor = NULL WHERE kind = 'REMOVE' AND abs(hashtext(id::text)) % 2 = 0`.execute(db);
  const rows = await db.selectFrom('movements').select(['store_id', 'product_id', 'kind', 'qty', 'unit_price_minor', 'unit_cost_minor', 'reason', 'hlc', 'id', 'occurred_at']).where('status', '=', 'applied').execute();
  log = rows.map((r) => ({ ...r, qty: Number(r.qty), unit_price_minor: r.unit_price_minor === null ? null : Number(r.unit_price_minor), unit_cost_minor: r.unit_cost_minor === null ? null : Number(r.unit_cost_minor), occurred_at: new Date(r.occurred_at) }));
  log.sort(byMergeOrder);
  products = new Map((await db.selectFrom('products').select(['id', 'sku', 'unit', 'category', 'price_minor', 'cost_minor', 'archived']).execute()).map((p) => [p.id, { ...p, unit: p.unit as BaseUnit, price_minor: Number(p.price_minor), cost_minor: Number(p.cost_minor) }]));
  storeIds = (await db.selectFrom('stores').select('id').orderBy('code').execute()).map((s) => s.id);
  stock = (await db.selectFrom('stock').select(['store_id', 'product_id', 'qty']).execute()).map((k) => ({ ...k, qty: Number(k.qty) }));
  const days = [...new Set(log.map((m) => m.occurred_at.toISOString().slice(0, 10)).flatMap((d) => [d, addDays(d, 1)]))];
  await rollupSales(db, days);
  for (const s of storeIds) await rollupCosts(db, s);
  await rollupShrinkage(db, days);
  costs = referenceCosts();
}, 300_000);

describe('moving-average costs from the log', () => {
  it('the rollup equals the shared rule over every (store, product) history, and the merge order gives the stock', async () => {
    const rolled = await t.deps.db.selectFrom('product_costs').select(['store_id', 'product_id', 'cost_minor']).execute();
    expect(rolled.length).toBeGreaterThan(20);
    const receiptsOf = new Set(log.filter((m) => m.kind === 'IN' && m.unit_cost_minor !== null).map((m) => key(m.store_id, m.product_id)));
    expect(new Set(rolled.map((r) => key(r.store_id, r.product_id)))).toEqual(receiptsOf);
    for (const r of rolled) expect([key(r.store_id, r.product_id), Number(r.cost_minor)]).toEqual([key(r.store_id, r.product_id), costs.get(key(r.store_id, r.product_id))]);
    // Some averages moved off the catalog cost, or the test would prove nothing.
    expect(rolled.filter((r) => Number(r.cost_minor) !== products.get(r.product_id)!.cost_minor).length).toBeGreaterThan(10);
    // Rebuilding one product after its log changed converges to the same rule.
    const one = rolled[0]!;
    await rollupCosts(t.deps.db, one.store_id, [one.product_id]);
    const again = await t.deps.db.selectFrom('product_costs').select('cost_minor').where('store_id', '=', one.store_id).where('product_id', '=', one.product_id).executeTakeFirstOrThrow();
    expect(Number(again.cost_minor)).toBe(costs.get(key(one.store_id, one.product_id)));
  });
});

describe('margins, stock value, dead stock and shrinkage match the reference', () => {
  const allDays = () => log.map(dayOf).sort();
  const range = () => ({ from: addDays(allDays().at(-1)!, -9), to: allDays().at(-1)! });

  it('sales and margin by product, category, store and week', async () => {
    const { from, to } = range();
    const ref = new Map<string, { revenue: number; cost: number; qty: number }>();
    for (const m of log) {
      if (m.kind !== 'SALE' || dayOf(m) < from || dayOf(m) > to) continue;
      const p = products.get(m.product_id)!;
      const sign = m.qty > 0 ? -1 : 1;
      const r = ref.get(m.product_id) ?? { revenue: 0, cost: 0, qty: 0 };
      r.revenue += sign * lineTotalMinor(m.unit_price_minor ?? p.price_minor, Math.abs(m.qty), p.unit);
      r.cost += sign * lineTotalMinor(m.unit_cost_minor ?? p.cost_minor, Math.abs(m.qty), p.unit);
      r.qty -= m.qty;
      ref.set(m.product_id, r);
    }
    const res = await t.call('GET', `/reports/margins?groupBy=product&from=${from}&to=${to}&limit=10000`, admin.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as MarginRow[];
    expect(new Map(items.map((r) => [r.productId!, { revenue: r.revenueMinor, cost: r.costMinor, qty: r.qty! }]))).toEqual(ref);
    for (const r of items) expect(r.marginMinor).toBe(r.revenueMinor - r.costMinor);
    const margins = items.map((r) => r.marginMinor);
    expect(margins).toEqual([...margins].sort((a, b) => b - a));
    const total = [...ref.values()].reduce((a, r) => a + r.revenue - r.cost, 0);
    expect(res.body.totals.marginMinor).toBe(total);

    const byCategory = new Map<string | null, number>();
    for (const [pid, r] of ref) byCategory.set(products.get(pid)!.category, (byCategory.get(products.get(pid)!.category) ?? 0) + r.revenue - r.cost);
    const cat = (await t.call('GET', `/reports/margins?groupBy=category&from=${from}&to=${to}`, admin.token)).body.items as MarginRow[];
    expect(new Map(cat.map((r) => [r.category ?? null, r.marginMinor]))).toEqual(byCategory);

    const store = (await t.call('GET', `/reports/margins?groupBy=store&from=${from}&to=${to}`, admin.token)).body.items as MarginRow[];
    expect(store.reduce((a, r) => a + r.marginMinor, 0)).toBe(total);
    expect(store.length).toBe(3);
    const week = (await t.call('GET', `/reports/margins?groupBy=week&from=${from}&to=${to}`, admin.token)).body.items as MarginRow[];
    expect(week.reduce((a, r) => a + r.marginMinor, 0)).toBe(total);
    expect(week.map((r) => new Date(`${r.period}T00:00:00Z`).getUTCDay())).toEqual(week.map(() => 1));
  });

  it('stock value at moving-average cost and at retail, per store', async () => {
    const ref = new Map<string, { cost: number; retail: number; products: number }>();
    for (const k of stock) {
      if (k.qty <= 0) continue;
      const p = products.get(k.product_id)!;
      const r = ref.get(k.store_id) ?? { cost: 0, retail: 0, products: 0 };
      r.cost += lineTotalMinor(costOf(k.store_id, k.product_id), k.qty, p.unit);
      r.retail += lineTotalMinor(p.price_minor, k.qty, p.unit);
      r.products += 1;
      ref.set(k.store_id, r);
    }
    const res = await t.call('GET', '/reports/stock-value', admin.token);
    expect(res.status).toBe(200);
    expect(new Map((res.body.items as StockValueRow[]).map((r) => [r.storeId!, { cost: r.costMinor, retail: r.retailMinor, products: r.products }]))).toEqual(ref);
    const byCat = (await t.call('GET', '/reports/stock-value?groupBy=category', admin.token)).body;
    expect(byCat.totals).toEqual(res.body.totals);
  });

  it('dead stock: on hand with no sale in the last 3 store days, biggest cost first', async () => {
    const today = localDay(Date.now(), zone);
    const sold = new Map<string, string>();
    for (const m of log) if (m.kind === 'SALE' && dayOf(m) <= today) sold.set(key(m.store_id, m.product_id), [sold.get(key(m.store_id, m.product_id)) ?? '', dayOf(m)].sort().at(-1)!);
    const ref = stock
      .filter((k) => k.qty > 0 && !products.get(k.product_id)!.archived)
      .filter((k) => (sold.get(key(k.store_id, k.product_id)) ?? '') <= addDays(today, -3))
      .map((k) => ({ key: key(k.store_id, k.product_id), cost: lineTotalMinor(costOf(k.store_id, k.product_id), k.qty, products.get(k.product_id)!.unit), lastSoldOn: sold.get(key(k.store_id, k.product_id)) ?? null }));
    expect(ref.length).toBeGreaterThan(0);
    const res = await t.call('GET', '/reports/dead-stock?days=3&limit=10000', admin.token);
    expect(res.status).toBe(200);
    const items = res.body.items as DeadStockRow[];
    expect(new Map(items.map((r) => [key(r.storeId, r.productId), { cost: r.costMinor, lastSoldOn: r.lastSoldOn }]))).toEqual(new Map(ref.map((r) => [r.key, { cost: r.cost, lastSoldOn: r.lastSoldOn }])));
    expect(items.map((r) => r.costMinor)).toEqual([...items.map((r) => r.costMinor)].sort((a, b) => b - a));
    expect(res.body.totalCostMinor).toBe(ref.reduce((a, r) => a + r.cost, 0));
    const firstTwo = await t.call('GET', '/reports/dead-stock?days=3&limit=2', admin.token);
    expect(firstTwo.body).toMatchObject({ truncated: ref.length > 2, totalCostMinor: res.body.totalCostMinor });
  });

  it('shrinkage: removals by reason and the shortfall of counts, per store, at cost', async () => {
    const { from, to } = range();
    const ref = new Map<string, { events: number; cost: number }>();
    const add = (s: string, reason: string, cost: number) => {
      const r = ref.get(`${s}/${reason}`) ?? { events: 0, cost: 0 };
      ref.set(`${s}/${reason}`, { events: r.events + 1, cost: r.cost + cost });
    };
    // The merge rule walked in order: the stock just before each movement.
    const running = new Map<string, number>();
    for (const m of log) {
      const k = key(m.store_id, m.product_id);
      const before = running.get(k) ?? 0;
      const p = products.get(m.product_id)!;
      const inRange = dayOf(m) >= from && dayOf(m) <= to;
      if (m.kind === 'REMOVE' && m.qty < 0 && inRange) add(m.store_id, m.reason ?? 'other', lineTotalMinor(m.unit_cost_minor ?? costOf(m.store_id, m.product_id), -m.qty, p.unit));
      if (m.kind === 'COUNT' && m.qty < before && inRange) add(m.store_id, 'count', lineTotalMinor(costOf(m.store_id, m.product_id), before - m.qty, p.unit));
      running.set(k, m.kind === 'COUNT' ? m.qty : before + m.qty);
    }
    for (const k of stock) expect(running.get(key(k.store_id, k.product_id)) ?? 0).toBe(k.qty);
    expect([...ref.keys()].some((k) => k.endsWith('/count'))).toBe(true);
    const res = await t.call('GET', `/reports/shrinkage?from=${from}&to=${to}&limit=10000`, admin.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as ShrinkageRow[];
    expect(new Map(items.map((r) => [`${r.storeId}/${r.reason}`, { events: r.events, cost: r.costMinor }]))).toEqual(ref);
    const byReason = (await t.call('GET', `/reports/shrinkage?from=${from}&to=${to}&groupBy=reason`, admin.token)).body;
    expect(byReason.totalCostMinor).toBe(res.body.totalCostMinor);
    // The file people open names each reason as the Margins screen does, in the reader's language.
    const reasonsIn = async (lang: string) =>
      (await t.call('GET', `/reports/shrinkage?from=${from}&to=${to}&groupBy=reason&format=csv`, admin.token, undefined, { 'accept-language': lang })).text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l: string) => l.split(',')[0] ?? '');
    const codes = (byReason.items as ShrinkageRow[]).map((r) => r.reason);
    const en = await reasonsIn('en');
    expect(en).toHaveLength(codes.length);
    expect(en.some((w: string) => (codes as string[]).includes(w))).toBe(false);
    expect(en).toContain('Counted short');
    expect(await reasonsIn('ur')).toContain('گنتی میں کم');
    if (codes.includes('damage')) expect(await reasonsIn('hi')).toContain('क्षतिग्रस्त');
  });

  it('each report answers a manager for their own store only, refuses staff, and speaks CSV', async () => {
    const manager = await t.makeUser('manager', [storeIds[0]!]);
    for (const path of ['/reports/margins?groupBy=store', '/reports/stock-value', '/reports/dead-stock?days=3', '/reports/shrinkage']) {
      const res = await t.call('GET', path, manager.token);
      expect(res.status, path).toBe(200);
      const seen = new Set((res.body.items as { storeId?: string }[]).map((r) => r.storeId));
      expect([...seen].every((s) => s === storeIds[0]), path).toBe(true);
      const other = await t.call('GET', `${path}${path.includes('?') ? '&' : '?'}storeId=${storeIds[1]}`, manager.token);
      expect(other.status, path).toBe(404);
      const staff = await t.makeUser('staff', [storeIds[0]!]);
      expect((await t.call('GET', path, staff.token)).status, path).toBe(403);
    }
    const csv = await t.call('GET', '/reports/margins?groupBy=store&format=csv', admin.token);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('storeCode,storeName,revenue (INR),cost (INR),margin (INR),marginBasisPoints,returns (INR)');
  });
});
