import {
  DomainError,
  limitSchema,
  pageSchema,
  skuSchema,
  stockCountsPageSchema,
  stockListItemSchema,
  stockStatusSchema,
  stockSummaryItemSchema,
  uuidSchema,
  type StockCountsPage,
  type StockListItem,
  type StockSummaryItem,
} from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, pageOf } from '../http/cursor';
import { dateQuery, sameText } from '../http/route-helpers';
import { stockSearch } from './stock.search';
import { route } from '../openapi/openapi.route';
import { cachedAnswer, type CachePolicy } from '../platform/cache/cached-answer';
import { toStockRow } from './stock.mappers';
import { listNames, productAtEveryStore } from './stock.every-store';
import { archivedRowsPerStore, neverStockedOfStore } from '../reports/never-stocked.query';

/** Multi-store totals: read-heavy, invalidated by every write that moves stock or renames products. */
const SUMMARY_CACHE: CachePolicy = { ns: 'stock', ttlSeconds: 60 };

export const stockQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  /** Stores of one region (stores.region). */
  region: z.string().trim().min(1).max(100).optional(),
  productId: uuidSchema.optional(),
  sku: skuSchema.optional(),
  supplierId: uuidSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  status: stockStatusSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  updatedFrom: dateQuery.optional(),
  updatedTo: dateQuery.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
  /** With productId: every store in scope, a store without a row at 0 (the assortment is every active product). */
  everyStore: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const summaryQuery = stockQuery.omit({ status: true, updatedFrom: true, updatedTo: true, everyStore: true });
export const countsQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  region: z.string().trim().min(1).max(100).optional(),
  /** Only stores with at least one low or out row. */
  needsStock: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** A whole chain in one or two pages: counts are small rows. */
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  cursor: z.string().optional(),
});
const tag = 'stock';
const list = route({ summary: 'Stock per store and product', tag, query: stockQuery, responses: { 200: pageSchema(stockListItemSchema) } });
const counts = route({ summary: 'Low and out-of-stock counts per visible store, with totals (maintained counters); neverStocked = carried products with no stock row (out of stock too, GET /reports/never-stocked)', tag, query: countsQuery, responses: { 200: stockCountsPageSchema } });
const summary = route({ summary: 'Totals per product across visible stores', tag, query: summaryQuery, responses: { 200: pageSchema(stockSummaryItemSchema) } });

const pairCursor = z.tuple([z.uuid(), z.uuid()]);
const codeCursor = z.tuple([z.string().min(1).max(100), z.uuid()]);
const productCursor = z.tuple([z.uuid()]);

type ListRow = Parameters<typeof toStockRow>[0] & Pick<StockListItem, 'sku' | 'unit' | 'category'> & { product_name: string; supplier_id: string | null; store_code: string; store_name: string };
const listItem = (r: ListRow): StockListItem => ({
  ...toStockRow(r),
  sku: r.sku,
  productName: r.product_name,
  unit: r.unit,
  category: r.category,
  supplierId: r.supplier_id,
  storeCode: r.store_code,
  storeName: r.store_name,
});

export function createStockRoutes(deps: AppDeps) {
  // The primary, not the replica: people check stock right after recording a movement.
  const db = deps.db;

  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, pairCursor);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      if (query.everyStore) {
        if (!query.productId) throw new DomainError('VALIDATION_FAILED', 'query.everyStore: needs productId');
        const rows = await productAtEveryStore(db, visible, { ...query, productId: query.productId }, after);
        return c.json(pageOf(rows, query.limit, listItem, (r) => [r.store_id, r.product_id]), 200);
      }
      let q = db
        .selectFrom('stock as k')
        .innerJoin('products as p', 'p.id', 'k.product_id')
        .innerJoin('stores as s', 's.id', 'k.store_id')
        .select([
          'k.store_id',
          'k.product_id',
          'k.qty',
          'k.reorder_level',
          'k.last_count_hlc',
          'k.last_count_qty',
          'k.last_count_variance',
          'k.updated_at',
          ...listNames,
        ])
        .orderBy('k.store_id')
        .orderBy('k.product_id')
        .limit(query.limit + 1);
      if (visible !== null) q = q.where('k.store_id', 'in', visible);
      if (after) q = q.where(sql<boolean>`(k.store_id, k.product_id) > (${after[0]}::uuid, ${after[1]}::uuid)`);
      if (query.region) q = q.where(sameText('s.region', query.region));
      if (query.storeId) q = q.where('k.store_id', '=', query.storeId);
      if (query.productId) q = q.where('k.product_id', '=', query.productId);
      if (query.sku) q = q.where('p.sku', '=', query.sku);
      if (query.supplierId) q = q.where('p.supplier_id', '=', query.supplierId);
      if (query.category) q = q.where(sameText('p.category', query.category));
      if (query.q) q = q.where(stockSearch(query.q, 'with-store'));
      if (query.updatedFrom) q = q.where('k.updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('k.updated_at', '<', new Date(query.updatedTo));
      // `qty <= reorder_level` lets the planner use the partial index stock_low_idx for low/out.
      if (query.status === 'out') q = q.where(sql<boolean>`k.qty <= k.reorder_level AND k.qty <= 0`);
      if (query.status === 'low') q = q.where(sql<boolean>`k.qty <= k.reorder_level AND k.qty > 0`);
      if (query.status === 'ok') q = q.where(sql<boolean>`k.qty > k.reorder_level AND k.qty > 0`);
      const rows = await q.execute();
      return c.json(pageOf(rows, query.limit, listItem, (r) => [r.store_id, r.product_id]), 200);
    })
    // Low/out counts per store, read from store_stock_counts (kept exact by triggers on stock,
    // migration 0004): a row per store instead of counting millions of stock rows.
    .get('/counts', counts, async (c) => {
      const me = requireUser(c);
      const query = counts.query(c);
      const after = decodeCursor(query.cursor, codeCursor);
      const visible = visibleStoreIds(me);
      const empty: StockCountsPage = { items: [], totals: { stores: 0, products: 0, low: 0, out: 0, neverStocked: 0, storesNeedingStock: 0 }, nextCursor: null };
      if (visible !== null && visible.length === 0) return c.json(empty, 200);
      const filtered = db
        .selectFrom('stores as s')
        .leftJoin('store_stock_counts as n', 'n.store_id', 's.id')
        .leftJoin(archivedRowsPerStore(db), 'a.store_id', 's.id')
        .$if(visible !== null, (q) => q.where('s.id', 'in', visible!))
        .$if(query.storeId !== undefined, (q) => q.where('s.id', '=', query.storeId!))
        .$if(query.region !== undefined, (q) => q.where(sameText('s.region', query.region!)))
        .$if(query.needsStock === true, (q) => q.where(sql<boolean>`coalesce(n.low + n.out_of_stock, 0) + ${neverStockedOfStore} > 0`))
        .$if(query.needsStock === false, (q) => q.where(sql<boolean>`coalesce(n.low + n.out_of_stock, 0) + ${neverStockedOfStore} = 0`));
      const [rows, totals] = await Promise.all([
        filtered
          .select(['s.id', 's.code', 's.name', 's.region'])
          .select([
            sql<number>`coalesce(n.products, 0)`.as('products'),
            sql<number>`coalesce(n.low, 0)`.as('low'),
            sql<number>`coalesce(n.out_of_stock, 0)`.as('out'),
            neverStockedOfStore.as('never_stocked'),
          ])
          .$if(after !== undefined, (q) => q.where(sql<boolean>`(s.code, s.id) > (${after![0]}, ${after![1]}::uuid)`))
          .orderBy('s.code')
          .orderBy('s.id')
          .limit(query.limit + 1)
          .execute(),
        filtered
          .select([
            sql<number>`count(*)::int`.as('stores'),
            sql<number>`coalesce(sum(n.products), 0)::bigint`.as('products'),
            sql<number>`coalesce(sum(n.low), 0)::bigint`.as('low'),
            sql<number>`coalesce(sum(n.out_of_stock), 0)::bigint`.as('out'),
            sql<number>`coalesce(sum(${neverStockedOfStore}), 0)::bigint`.as('never_stocked'),
            sql<number>`count(*) FILTER (WHERE coalesce(n.low + n.out_of_stock, 0) + ${neverStockedOfStore} > 0)::int`.as('needing'),
          ])
          .executeTakeFirstOrThrow(),
      ]);
      const page = pageOf(
        rows,
        query.limit,
        (r) => ({ storeId: r.id, storeCode: r.code, storeName: r.name, region: r.region, products: Number(r.products), low: Number(r.low), out: Number(r.out), neverStocked: Number(r.never_stocked) }),
        (r) => [r.code, r.id],
      );
      const body: StockCountsPage = {
        ...page,
        totals: { stores: totals.stores, products: Number(totals.products), low: Number(totals.low), out: Number(totals.out), neverStocked: Number(totals.never_stocked), storesNeedingStock: totals.needing },
      };
      return c.json(body, 200);
    })
    .get('/summary', summary, async (c) => {
      const me = requireUser(c);
      const query = summary.query(c);
      return cachedAnswer(c, deps.platform, SUMMARY_CACHE, me, query, async () => {
        const after = decodeCursor(query.cursor, productCursor);
        const visible = visibleStoreIds(me);
        if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
        let q = db
          .selectFrom('stock as k')
          .innerJoin('products as p', 'p.id', 'k.product_id')
          .select([
            'p.id',
            'p.sku',
            'p.name',
            'p.unit',
            sql<number>`sum(k.qty)::bigint`.as('total_qty'),
            sql<number>`count(*)::int`.as('stores'),
            sql<number>`count(*) FILTER (WHERE k.qty > 0 AND k.qty <= k.reorder_level)::int`.as('low_stores'),
            sql<number>`count(*) FILTER (WHERE k.qty <= 0)::int`.as('out_stores'),
          ])
          .groupBy(['p.id', 'p.sku', 'p.name', 'p.unit'])
          .orderBy('p.id')
          .limit(query.limit + 1);
        if (visible !== null) q = q.where('k.store_id', 'in', visible);
        if (after) q = q.where('p.id', '>', after[0]);
        if (query.region) q = q.where('k.store_id', 'in', db.selectFrom('stores').select('id').where(sameText('region', query.region)));
        if (query.storeId) q = q.where('k.store_id', '=', query.storeId);
        if (query.productId) q = q.where('p.id', '=', query.productId);
        if (query.sku) q = q.where('p.sku', '=', query.sku);
        if (query.supplierId) q = q.where('p.supplier_id', '=', query.supplierId);
        if (query.category) q = q.where(sameText('p.category', query.category));
        if (query.q) q = q.where(stockSearch(query.q, 'products-only'));
        const rows = await q.execute();
        return c.json(
          pageOf(
            rows,
            query.limit,
            (r): StockSummaryItem => ({
              productId: r.id,
              sku: r.sku,
              productName: r.name,
              unit: r.unit,
              totalQty: Number(r.total_qty),
              stores: r.stores,
              lowStores: r.low_stores,
              outStores: r.out_stores,
            }),
            (r) => [r.id],
          ),
          200,
        );
      });
    });
}
