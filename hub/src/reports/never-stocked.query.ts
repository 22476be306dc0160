import type { NeverStockedRow } from '@bazaar/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.types';

export interface NeverStockedScope {
  /** Stores in scope; null = every store. */
  stores: string[] | null;
  category?: string | undefined;
  supplierId?: string | undefined;
  limit: number;
}

/**
 * Per store, how many carried (active) products it has no stock row of, as a select-list
 * expression over `stores s` left-joined to `store_stock_counts n` and to `archivedRowsPerStore`
 * as `a`: active products − (its stock rows − its rows of archived products). Archived stores
 * carry nothing. The Overview's "Out" and the out-of-stock report count these with the stocked-out rows.
 */
export const neverStockedOfStore = sql<number>`(CASE WHEN s.archived THEN 0 ELSE greatest((SELECT count(*) FROM products WHERE NOT archived) - coalesce(n.products, 0) + coalesce(a.rows, 0), 0) END)::int`;

/** Stock rows of archived products per store (the `a` of neverStockedOfStore). */
export function archivedRowsPerStore(db: Kysely<Database>) {
  return db
    .selectFrom('products as p')
    .innerJoin('stock as k', 'k.product_id', 'p.id')
    .where('p.archived', '=', true)
    .groupBy('k.store_id')
    .select(['k.store_id', sql<number>`count(*)`.as('rows')])
    .as('a');
}

/**
 * Never-stocked pairs at chain scale (1,000 stores × 1,000 products) without the cross product:
 * a store misses (carried products) − (its stock rows of carried products). Only stores that
 * miss something are listed, each store's missing products by an anti-join on the stock primary
 * key, stopping at the limit; one statement. Measured on 1,000 × 1,000 with 2 % missing.
 */
export async function neverStockedPage(db: Kysely<Database>, q: NeverStockedScope): Promise<{ items: NeverStockedRow[]; total: number }> {
  const { stores } = q;
  const inScope = stores === null ? sql`TRUE` : stores.length ? sql`s.id = ANY(${stores}::uuid[])` : sql`FALSE`;
  const filtered = q.category !== undefined || q.supplierId !== undefined;
  const products: RawBuilder<unknown> = sql.join(
    [
      sql`NOT p.archived`,
      ...(q.category !== undefined ? [sql`lower(p.category) = lower(${q.category})`] : []),
      ...(q.supplierId !== undefined ? [sql`p.supplier_id = ${q.supplierId}::uuid`] : []),
    ],
    sql` AND `,
  );
  // Per store, how many carried products it holds a stock row of: without a product filter, the
  // maintained counter less its rows of archived products (index probes per archived product);
  // with one, those products' stock rows (stock_product_idx per product).
  const held = !filtered
    ? sql`SELECT n.store_id, n.products - coalesce(a.rows, 0) AS held FROM store_stock_counts n
          LEFT JOIN (SELECT k.store_id, count(*) AS rows FROM products p JOIN stock k ON k.product_id = p.id WHERE p.archived GROUP BY k.store_id) a ON a.store_id = n.store_id`
    : sql`SELECT k.store_id, count(*) AS held FROM products p JOIN stock k ON k.product_id = p.id WHERE ${products} GROUP BY k.store_id`;
  const { rows } = await sql<{ store_id: string | null; code: string | null; name: string | null; total: number; product_id: string | null; sku: string | null; product_name: string | null; unit: NeverStockedRow['unit'] | null; category: string | null }>`
    WITH gaps AS MATERIALIZED (
      SELECT s.id, s.code, s.name, (c.carried - coalesce(h.held, 0))::int AS missing
      FROM stores s
      CROSS JOIN (SELECT count(*) AS carried FROM products p WHERE ${products}) c
      LEFT JOIN (${held}) h ON h.store_id = s.id
      WHERE NOT s.archived AND ${inScope}
    ),
    page AS (
      SELECT g.id AS store_id, g.code, g.name, x.id AS product_id, x.sku, x.name AS product_name, x.unit, x.category
      FROM (SELECT * FROM gaps WHERE missing > 0 ORDER BY code, id LIMIT ${q.limit}) g
      CROSS JOIN LATERAL (
        SELECT p.id, p.sku, p.name, p.unit, p.category FROM products p
        WHERE ${products} AND NOT EXISTS (SELECT 1 FROM stock k WHERE k.store_id = g.id AND k.product_id = p.id)
        ORDER BY p.sku LIMIT ${q.limit}
      ) x
      ORDER BY g.code, g.id, x.sku
      LIMIT ${q.limit}
    )
    -- The page's rows, each with the total; one row of nulls with the total when the page is empty.
    SELECT page.*, t.total FROM (SELECT coalesce(sum(missing), 0)::int AS total FROM gaps) t LEFT JOIN page ON TRUE
    ORDER BY page.code, page.store_id, page.sku`.execute(db);
  const items = rows
    .filter((r) => r.product_id !== null)
    .map((r) => ({
      storeId: r.store_id!,
      storeCode: r.code!,
      storeName: r.name!,
      productId: r.product_id!,
      sku: r.sku!,
      productName: r.product_name!,
      unit: r.unit!,
      category: r.category,
    }));
  return { items, total: rows[0]?.total ?? 0 };
}
