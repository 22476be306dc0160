import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { sameText } from '../http/route-helpers';

/** What a stock list row names beside the stock (products as p, stores as s). */
export const listNames = ['p.sku', 'p.name as product_name', 'p.unit', 'p.category', 'p.supplier_id', 's.code as store_code', 's.name as store_name'] as const;

export interface EveryStoreQuery {
  productId: string;
  storeId?: string;
  region?: string;
  status?: 'ok' | 'low' | 'out';
  limit: number;
}

/**
 * One product at every store in scope, in the shape of GET /stocks rows. Every active product is
 * in every active store's assortment, so a store without a stock row carries it at 0 (out), with
 * the product's reorder level, unchanged since the later of the store's and the product's
 * creation; an archived store shows only if it still has a row. Ordered by store id, paged after
 * `after` (the same (store, product) cursor as the list).
 */
export async function productAtEveryStore(db: Kysely<Database>, visible: readonly string[] | null, query: EveryStoreQuery, after: readonly [string, string] | undefined) {
  const qty = sql<number>`coalesce(k.qty, 0)`;
  const reorder = sql<number>`coalesce(k.reorder_level, p.reorder_level)`;
  let q = db
    .selectFrom('stores as s')
    .innerJoin('products as p', (j) => j.on('p.id', '=', query.productId))
    .leftJoin('stock as k', (j) => j.onRef('k.store_id', '=', 's.id').on('k.product_id', '=', query.productId))
    .select([
      's.id as store_id',
      'p.id as product_id',
      qty.as('qty'),
      reorder.as('reorder_level'),
      'k.last_count_hlc',
      'k.last_count_qty',
      'k.last_count_variance',
      sql<Date>`coalesce(k.updated_at, greatest(s.created_at, p.created_at))`.as('updated_at'),
      ...listNames,
    ])
    .where((eb) => eb.or([eb('s.archived', '=', false), eb('k.store_id', 'is not', null)]))
    .orderBy('s.id')
    .limit(query.limit + 1);
  if (visible !== null) q = q.where('s.id', 'in', visible.length ? [...visible] : ['00000000-0000-0000-0000-000000000000']);
  if (after) q = q.where('s.id', '>', after[0]);
  if (query.region) q = q.where(sameText('s.region', query.region));
  if (query.storeId) q = q.where('s.id', '=', query.storeId);
  if (query.status === 'out') q = q.where(sql<boolean>`${qty} <= 0`);
  if (query.status === 'low') q = q.where(sql<boolean>`${qty} <= ${reorder} AND ${qty} > 0`);
  if (query.status === 'ok') q = q.where(sql<boolean>`${qty} > ${reorder} AND ${qty} > 0`);
  return q.execute();
}
