import { neverStockedReportSchema, uuidSchema, type NeverStockedRow } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvResponse, toCsv, wantsCsv } from './csv';
import { scope } from './reports.routes';

const query = z.strictObject({
  storeId: uuidSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  format: z.enum(['json', 'csv']).optional(),
});

const neverStocked = route({
  summary: 'Out of stock because never stocked: products a store carries (every active catalog product) with no stock row there',
  description:
    'A store carries every active catalog product (the counter sells from the whole catalog and shows "Out" for one it has no stock of). ' +
    'Rows are store by store in code order, each store by SKU, up to limit; total counts every such pair in scope.',
  tag: 'reports',
  query,
  responses: { 200: { schema: neverStockedReportSchema, csv: true } },
});

const columns = ['storeCode', 'storeName', 'sku', 'productName', 'unit', 'category', 'storeId', 'productId'] as const;

/**
 * Never-stocked pairs at chain scale (1,000 stores × 1,000 products) without the cross product:
 * a store misses (carried products) − (its stock rows of carried products). Only stores that
 * miss something are listed, each store's missing products by an anti-join on the stock primary
 * key, stopping at the limit; one statement. Measured on 1,000 × 1,000 with 2 % missing.
 */
export function createNeverStockedRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/never-stocked', neverStocked, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const q = neverStocked.query(c);
    const stores = scope(me, q.storeId);
    const inScope = stores === null ? sql`TRUE` : stores.length ? sql`s.id = ANY(${stores}::uuid[])` : sql`FALSE`;
    const inCategory = q.category === undefined ? sql`TRUE` : sql`lower(p.category) = lower(${q.category})`;
    // Per store, how many carried products it holds a stock row of: without a category, the
    // maintained counter less its rows of archived products (index probes per archived product);
    // with one, that category's stock rows (stock_product_idx per product of the category).
    const held =
      q.category === undefined
        ? sql`SELECT n.store_id, n.products - coalesce(a.rows, 0) AS held FROM store_stock_counts n
              LEFT JOIN (SELECT k.store_id, count(*) AS rows FROM products p JOIN stock k ON k.product_id = p.id WHERE p.archived GROUP BY k.store_id) a ON a.store_id = n.store_id`
        : sql`SELECT k.store_id, count(*) AS held FROM products p JOIN stock k ON k.product_id = p.id WHERE NOT p.archived AND ${inCategory} GROUP BY k.store_id`;
    const { rows } = await sql<{ store_id: string | null; code: string | null; name: string | null; total: number; product_id: string | null; sku: string | null; product_name: string | null; unit: NeverStockedRow['unit'] | null; category: string | null }>`
      WITH gaps AS MATERIALIZED (
        SELECT s.id, s.code, s.name, (c.carried - coalesce(h.held, 0))::int AS missing
        FROM stores s
        CROSS JOIN (SELECT count(*) AS carried FROM products p WHERE NOT p.archived AND ${inCategory}) c
        LEFT JOIN (${held}) h ON h.store_id = s.id
        WHERE NOT s.archived AND ${inScope}
      ),
      page AS (
        SELECT g.id AS store_id, g.code, g.name, x.id AS product_id, x.sku, x.name AS product_name, x.unit, x.category
        FROM (SELECT * FROM gaps WHERE missing > 0 ORDER BY code, id LIMIT ${q.limit}) g
        CROSS JOIN LATERAL (
          SELECT p.id, p.sku, p.name, p.unit, p.category FROM products p
          WHERE NOT p.archived AND ${inCategory} AND NOT EXISTS (SELECT 1 FROM stock k WHERE k.store_id = g.id AND k.product_id = p.id)
          ORDER BY p.sku LIMIT ${q.limit}
        ) x
        ORDER BY g.code, g.id, x.sku
        LIMIT ${q.limit}
      )
      -- The page's rows, each with the total; one row of nulls with the total when the page is empty.
      SELECT page.*, t.total FROM (SELECT coalesce(sum(missing), 0)::int AS total FROM gaps) t LEFT JOIN page ON TRUE
      ORDER BY page.code, page.store_id, page.sku`.execute(db);
    const found = rows.filter((r) => r.product_id !== null);
    const items: NeverStockedRow[] = found.map((r) => ({
      storeId: r.store_id!,
      storeCode: r.code!,
      storeName: r.name!,
      productId: r.product_id!,
      sku: r.sku!,
      productName: r.product_name!,
      unit: r.unit!,
      category: r.category,
    }));
    const total = rows[0]?.total ?? 0;
    c.header('X-Total-Count', String(total));
    c.header('X-Truncated', String(total > items.length));
    if (wantsCsv(c)) return csvResponse(c, 'never-stocked.csv', toCsv(columns, items));
    return c.json({ items, total, truncated: total > items.length }, 200);
  });
}
