import { deadStockQuerySchema, deadStockReportSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { valueSql } from './margins.routes';
import { scope } from './reports.routes';

const deadStock = route({
  summary: 'Dead stock: products with stock on hand and no sale in the last N days of each store, most money tied up first',
  description: 'Sales come from the daily rollup; stock is valued at the store’s moving-average cost and at retail.',
  tag: 'reports',
  query: deadStockQuerySchema,
  responses: { 200: { schema: deadStockReportSchema, csv: true } },
});

const columns = ['storeCode', 'storeName', 'sku', 'productName', 'unit', 'category', 'qty', 'costMinor', 'retailMinor', 'lastSoldOn', 'storeId', 'productId'] as const;

export function createDeadStockRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/dead-stock', deadStock, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const q = deadStock.query(c);
    const stores = scope(me, q.storeId);
    const now = new Date(deps.clock.now());
    const cost = valueSql(sql.ref('k.qty'), sql`coalesce(pc.cost_minor, p.cost_minor)`, sql.ref('p.unit'));
    const retail = valueSql(sql.ref('k.qty'), sql.ref('p.price_minor'), sql.ref('p.unit'));
    // A store's today is its own; "sold" is a day of the rollup with a sale line in it.
    const today = sql`(${now}::timestamptz AT TIME ZONE s.time_zone)::date`;
    const { rows } =
      stores !== null && stores.length === 0
        ? { rows: [] }
        : await sql<{ store_id: string; code: string; store_name: string; product_id: string; sku: string; name: string; unit: 'pc' | 'g' | 'ml'; category: string | null; qty: string; cost: string; retail: string; last_sold: string | null; total: string; dead: number }>`
          WITH sold AS MATERIALIZED (
            -- What sold in each store's last N days, once (a per-row probe made the report 3x slower).
            SELECT DISTINCT sd.store_id, sd.product_id FROM sales_daily sd JOIN stores s ON s.id = sd.store_id
            WHERE sd.sales > 0 AND sd.day > ${today} - ${q.days}::int AND sd.day <= ${today}
              ${stores !== null ? sql`AND sd.store_id = ANY(${stores}::uuid[])` : sql``}),
          dead AS (
            SELECT k.store_id, s.code, s.name AS store_name, k.product_id, p.sku, p.name, p.unit, p.category, k.qty, ${cost} AS cost, ${retail} AS retail, ${today} AS today
            FROM stock k
            JOIN stores s ON s.id = k.store_id
            JOIN products p ON p.id = k.product_id
            LEFT JOIN product_costs pc ON pc.store_id = k.store_id AND pc.product_id = k.product_id
            LEFT JOIN sold ON sold.store_id = k.store_id AND sold.product_id = k.product_id
            WHERE k.qty > 0 AND NOT p.archived
              ${stores !== null ? sql`AND k.store_id = ANY(${stores}::uuid[])` : sql``}
              ${q.category !== undefined ? sql`AND lower(p.category) = lower(${q.category})` : sql``}
              AND sold.store_id IS NULL)
          SELECT d.*, l.last_sold
          FROM (SELECT dead.*, sum(cost) OVER () AS total, count(*) OVER ()::int AS dead FROM dead ORDER BY cost DESC, code, sku LIMIT ${q.limit}) d
          -- The last sale only for the rows answered: one backward probe of sales_daily_store_product_day_idx each.
          LEFT JOIN LATERAL (
            SELECT to_char(max(sd.day), 'YYYY-MM-DD') AS last_sold FROM sales_daily sd
            WHERE sd.store_id = d.store_id AND sd.product_id = d.product_id AND sd.sales > 0 AND sd.day > d.today - 366 AND sd.day <= d.today) l ON true
          ORDER BY d.cost DESC, d.code, d.sku`.execute(db);
    const items = rows.map((r) => ({
      storeId: r.store_id,
      storeCode: r.code,
      storeName: r.store_name,
      productId: r.product_id,
      sku: r.sku,
      productName: r.name,
      unit: r.unit,
      category: r.category,
      qty: Number(r.qty),
      costMinor: Number(r.cost),
      retailMinor: Number(r.retail),
      lastSoldOn: r.last_sold,
    }));
    if (wantsCsv(c)) return csvResponse(c, 'dead-stock.csv', toCsv(columns, items, await csvMoney(db)));
    return c.json({ days: q.days, items, truncated: (rows[0]?.dead ?? 0) > items.length, totalCostMinor: Number(rows[0]?.total ?? 0) }, 200);
  });
}
