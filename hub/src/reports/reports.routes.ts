import { DomainError, salesReportSchema, uuidSchema, valuationSchema, zonedStamp } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds, type UserPrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { dateQuery, iso, sameText } from '../http/route-helpers';
import { route, type Route } from '../openapi/openapi.route';
import { cachedAnswer, type CachePolicy } from '../platform/cache/cached-answer';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { neverStockedPage } from './never-stocked.query';
import { returnsSql, saleEffectSql, saleRevenueSql } from './sales-rollup';

const reportLimit = z.coerce.number().int().min(1).max(10_000).default(1000);
const format = z.enum(['json', 'csv']).optional();

export const stockReportQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  supplierId: uuidSchema.optional(),
  limit: reportLimit,
  format,
});

export const salesQuery = z.strictObject({
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  groupBy: z.enum(['day', 'store', 'product', 'region']).default('day'),
  /** groupBy=product|store|region: rank by quantity (the default) or by revenue. */
  sort: z.enum(['qty', 'revenue']).default('qty'),
  storeId: uuidSchema.optional(),
  region: z.string().trim().min(1).max(100).optional(),
  productId: uuidSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  /**
   * groupBy=day: without it each sale counts on its store's own day (the store's time zone);
   * with it, on the day at this fixed offset east of UTC (a viewer's clock), for every store.
   */
  tzOffsetMinutes: z.coerce.number().int().min(-720).max(840).optional(),
  limit: reportLimit,
  format,
});

export const valuationQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  format,
});

/** Reports change with every movement: the stock namespace, bumped by each write that moves stock. */
const REPORT_CACHE: CachePolicy = { ns: 'stock', ttlSeconds: 60 };

const tag = 'reports';
interface StockReportRow extends Record<string, unknown> {
  storeId: string;
  productId: string;
  qty: number;
  reorderLevel: number | null;
  shortBy: number | null;
  updatedAt: string | null;
  neverStocked: boolean;
}
const stockRows = z.object({ items: z.array(z.record(z.string(), z.unknown())) }).loose();
const lowStock = route({ summary: 'Low stock (0 < qty ≤ reorder level)', tag, query: stockReportQuery, responses: { 200: { schema: stockRows, csv: true } } });
const outOfStock = route({ summary: 'Out of stock: stock rows with qty ≤ 0, then carried products never stocked in the store (neverStocked: true, qty 0; their count in neverStocked and in total)', tag, query: stockReportQuery, responses: { 200: { schema: stockRows, csv: true } } });
const sales = route({ summary: 'Sales by day, store, product or region', tag, query: salesQuery, responses: { 200: { schema: salesReportSchema, csv: true } } });
const valuation = route({ summary: 'Stock value at cost and retail per store', tag, query: valuationQuery, responses: { 200: { schema: valuationSchema, csv: true } } });

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 366;

/** Stores this report may read: the visible ones, narrowed to storeId when given (404 outside). */
export function scope(me: UserPrincipal, storeId: string | undefined): string[] | null {
  const visible = visibleStoreIds(me);
  if (storeId) {
    if (visible !== null && !visible.includes(storeId)) throw new DomainError('NOT_FOUND', 'store not found');
    return [storeId];
  }
  return visible;
}

async function answer<T extends Record<string, unknown>>(c: Context<AppEnv>, db: Kysely<Database>, name: string, columns: readonly (keyof T & string)[], items: T[], extra: Record<string, unknown> = {}) {
  if (wantsCsv(c)) return csvResponse(c, `${name}.csv`, toCsv(columns, items, await csvMoney(db)));
  return c.json({ items, ...extra }, 200);
}

/** Head-office reports (managers for their stores, admins for all); JSON or CSV. */
export function createReportsRoutes(deps: AppDeps) {
  const db = deps.readDb;
  // After the role check and the query parse: a cached answer reaches only whom the route accepts.
  const cached = (c: Context<AppEnv>, me: UserPrincipal, query: unknown, run: () => Promise<Response>) =>
    wantsCsv(c) ? run() : cachedAnswer(c, deps.platform, REPORT_CACHE, me, query, run);

  async function countStockRows(kind: 'low' | 'out', stores: string[] | null, query: z.output<typeof stockReportQuery>): Promise<number> {
    if (query.category === undefined && query.supplierId === undefined) {
      // Unfiltered by product: the stores' maintained counters (store_stock_counts, exact by
      // triggers) hold the low / out rows of every product; the report leaves archived products
      // out, so their rows are subtracted (index-only per archived product). Counting the
      // partial index instead read every low row of the chain: 2.5 s at 10,000 stores.
      const counter = kind === 'out' ? sql.ref('n.out_of_stock') : sql.ref('n.low');
      const { rows } = await sql<{ n: number }>`
        SELECT ((SELECT coalesce(sum(${counter}), 0) FROM store_stock_counts n ${stores !== null ? sql`WHERE n.store_id = ANY(${stores}::uuid[])` : sql``})
              - (SELECT count(*) FROM products p JOIN stock k ON k.product_id = p.id
                 WHERE p.archived AND k.qty <= k.reorder_level AND ${kind === 'out' ? sql`k.qty <= 0` : sql`k.qty > 0`}
                 ${stores !== null ? sql`AND k.store_id = ANY(${stores}::uuid[])` : sql``}))::int AS n`.execute(db);
      return rows[0]!.n;
    }
    const r = await db
      .selectFrom('stock as k')
      .innerJoin('products as p', 'p.id', 'k.product_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(sql<boolean>`k.qty <= k.reorder_level`)
      .where('k.qty', kind === 'out' ? '<=' : '>', 0)
      .where('p.archived', '=', false)
      .$if(stores !== null, (w) => w.where('k.store_id', 'in', stores!))
      .$if(query.category !== undefined, (w) => w.where(sameText('p.category', query.category!)))
      .$if(query.supplierId !== undefined, (w) => w.where('p.supplier_id', '=', query.supplierId!))
      .executeTakeFirstOrThrow();
    return r.n;
  }

  async function stockReport(c: Context<AppEnv>, kind: 'low' | 'out', def: Route<typeof stockReportQuery, undefined>) {
    const me = requireUser(c, ['admin', 'manager']);
    const query = def.query(c);
    return cached(c, me, [kind, query], async () => {
      const stores = scope(me, query.storeId);
      if (stores !== null && stores.length === 0) return answer(c, db, `${kind}-stock`, [], []);
      // Store by store in code order, each store's rows by SKU, stopping once the limit is
      // filled: the stores come from store_stock_counts (only those with such rows) and each
      // store's rows from the partial index stock_low_idx. Sorting every low row of a chain
      // first took 1.3 s at 1,000 stores x 5,000 products; this reads the first few stores.
      const q = db
        .selectFrom((eb) =>
          eb
            .selectFrom('stores as s')
            .innerJoin('store_stock_counts as n', 'n.store_id', 's.id')
            .select(['s.id', 's.code', 's.name', 's.time_zone'])
            .where(kind === 'out' ? 'n.out_of_stock' : 'n.low', '>', 0)
            .$if(stores !== null, (w) => w.where('s.id', 'in', stores!))
            .orderBy('s.code')
            .orderBy('s.id')
            .as('s'),
        )
        .innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('stock as k')
              .innerJoin('products as p', 'p.id', 'k.product_id')
              .select(['p.id as productId', 'p.sku', 'p.name as productName', 'p.unit', 'p.category', 'k.qty', 'k.reorder_level as reorderLevel', 'k.updated_at'])
              .whereRef('k.store_id', '=', 's.id')
              // Partial index stock_low_idx covers both: qty <= reorder_level.
              .where(sql<boolean>`k.qty <= k.reorder_level`)
              .where('k.qty', kind === 'out' ? '<=' : '>', 0)
              .where('p.archived', '=', false)
              .$if(query.category !== undefined, (w) => w.where(sameText('p.category', query.category!)))
              .$if(query.supplierId !== undefined, (w) => w.where('p.supplier_id', '=', query.supplierId!))
              .orderBy('p.sku')
              .limit(query.limit)
              .as('x'),
          (join) => join.onTrue(),
        )
        .select(['s.id as storeId', 's.code as storeCode', 's.name as storeName', 's.time_zone', 'x.productId', 'x.sku', 'x.productName', 'x.unit', 'x.category', 'x.qty', 'x.reorderLevel', 'x.updated_at'])
        .orderBy('s.code')
        .orderBy('s.id')
        .orderBy('x.sku')
        .limit(query.limit);
      // JSON carries instants (ISO, UTC); CSV the store's wall time with its offset, as people read it.
      const csv = wantsCsv(c);
      const stocked = (await q.execute()).map(({ updated_at, time_zone, ...r }): StockReportRow => ({
        ...r,
        shortBy: r.reorderLevel - r.qty,
        updatedAt: csv ? zonedStamp(updated_at, time_zone) : iso(updated_at),
        neverStocked: false,
      }));
      // A full page may be all there is: count the matching rows (partial index) to say how many exist.
      const stockedTotal = stocked.length < query.limit ? stocked.length : await countStockRows(kind, stores, query);
      // Out of stock also means carried but never stocked (no stock row): the same pairs as
      // GET /reports/never-stocked, after the stocked rows, in the total (the Overview's "Out").
      const never = kind === 'out' ? await neverStockedPage(db, { stores, category: query.category, supplierId: query.supplierId, limit: Math.max(query.limit - stocked.length, 1) }) : { items: [], total: 0 };
      const rows: StockReportRow[] = [
        ...stocked,
        ...never.items.slice(0, query.limit - stocked.length).map((r) => ({ ...r, qty: 0, reorderLevel: null, shortBy: null, updatedAt: null, neverStocked: true })),
      ];
      const total = stockedTotal + never.total;
      const truncated = total > rows.length;
      c.header('X-Total-Count', String(total));
      c.header('X-Truncated', String(truncated));
      const columns = ['storeCode', 'storeName', 'sku', 'productName', 'unit', 'category', 'qty', 'reorderLevel', 'shortBy', 'updatedAt', ...(kind === 'out' ? (['neverStocked'] as const) : []), 'storeId', 'productId'] as const;
      return answer(c, db, `${kind}-stock`, columns, rows, { truncated, total, ...(kind === 'out' ? { neverStocked: never.total } : {}) });
    });
  }

  return new Hono<AppEnv>()
    .get('/low-stock', lowStock, (c) => stockReport(c, 'low', lowStock))
    .get('/out-of-stock', outOfStock, (c) => stockReport(c, 'out', outOfStock))
    .get('/sales', sales, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = sales.query(c);
      return cached(c, me, query, async () => {
        const to = query.to ? new Date(query.to) : new Date(deps.clock.now());
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
        if (from >= to) throw new DomainError('VALIDATION_FAILED', 'query.from: must be before to');
        if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) throw new DomainError('VALIDATION_FAILED', `query.to: the range may span at most ${MAX_RANGE_DAYS} days`);
        const stores = scope(me, query.storeId);
        // Which day a sale counts on, said with the answer: each store's own, or one fixed offset for all.
        const dayBoundary = query.tzOffsetMinutes === undefined ? 'store' : `utc${query.tzOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(query.tzOffsetMinutes)}m`;
        const range = { from: from.toISOString(), to: to.toISOString(), groupBy: query.groupBy, ...(query.groupBy === 'day' ? { dayBoundary } : {}) };
        if (stores !== null && stores.length === 0) return answer(c, db, 'sales', [], [], range);

        // Weighed goods are priced per kg / L: divide by 1000 with half-up rounding, per line (lineTotalMinor).
        const revenue = saleRevenueSql('m', 'p');
        const cost = saleRevenueSql('m', 'p', 'cost');
        const base = db
          .selectFrom('movements as m')
          .innerJoin('products as p', 'p.id', 'm.product_id')
          // Sales net of returns and voids: SALEs and the priced ADJUSTs of bills (sales-rollup.ts).
          .where(saleEffectSql('m'))
          .where('m.occurred_at', '>=', from)
          .where('m.occurred_at', '<', to)
          .$if(stores !== null, (q) => q.where('m.store_id', 'in', stores!))
          .$if(query.region !== undefined, (q) => q.where((eb) => eb.exists(eb.selectFrom('stores as rs').select(sql`1`.as('one')).whereRef('rs.id', '=', 'm.store_id').where(sameText('rs.region', query.region!)))))
          .$if(query.productId !== undefined, (q) => q.where('m.product_id', '=', query.productId!))
          .$if(query.category !== undefined, (q) => q.where(sameText('p.category', query.category!)));
        const returned = returnsSql('m', 'p');
        const measures = [
          returned.lines.as('lines'),
          sql<number>`sum(-m.qty)::bigint`.as('qty'),
          revenue.as('revenueMinor'),
          cost.as('costMinor'),
          returned.qty.as('returnedQty'),
          returned.minor.as('returnsMinor'),
        ] as const;

        // The ranking measure: quantity, or revenue (loose goods counted in grams would swamp a quantity ranking).
        const rankBy = query.sort === 'revenue' ? revenue : sql`sum(-m.qty)`;
        let items: Record<string, unknown>[];
        if (query.groupBy === 'day') {
          const day =
            query.tzOffsetMinutes === undefined
              ? sql<string>`to_char(m.occurred_at AT TIME ZONE s.time_zone, 'YYYY-MM-DD')`
              : sql<string>`to_char((m.occurred_at AT TIME ZONE 'UTC') + make_interval(mins => ${query.tzOffsetMinutes}), 'YYYY-MM-DD')`;
          // GROUP BY 1: the day expression may carry a parameter, so repeating it would not match the select list.
          items = await base.innerJoin('stores as s', 's.id', 'm.store_id').select([day.as('day'), ...measures]).groupBy(sql`1`).orderBy(sql`1`).limit(query.limit).execute();
        } else if (query.groupBy === 'store') {
          items = await base
            .innerJoin('stores as s', 's.id', 'm.store_id')
            .select(['s.id as storeId', 's.code as storeCode', 's.name as storeName', ...measures])
            .groupBy(['s.id', 's.code', 's.name'])
            .$if(query.sort === 'revenue', (q) => q.orderBy(rankBy, 'desc'))
            .orderBy('s.code')
            .limit(query.limit)
            .execute();
        } else if (query.groupBy === 'region') {
          items = await base
            .innerJoin('stores as s', 's.id', 'm.store_id')
            .select(['s.region as region', sql<number>`count(DISTINCT s.id)::int`.as('stores'), ...measures])
            .groupBy('s.region')
            .orderBy(rankBy, 'desc')
            .orderBy('s.region')
            .limit(query.limit)
            .execute();
        } else {
          items = await base
            .select(['p.id as productId', 'p.sku', 'p.name as productName', 'p.unit', ...measures])
            .groupBy(['p.id', 'p.sku', 'p.name', 'p.unit'])
            .orderBy(rankBy, 'desc')
            .orderBy('p.sku')
            .limit(query.limit)
            .execute();
        }
        items = items.map((r) => ({
          ...r,
          qty: Number(r.qty),
          revenueMinor: Number(r.revenueMinor),
          costMinor: Number(r.costMinor),
          marginMinor: Number(r.revenueMinor) - Number(r.costMinor),
          returnedQty: Number(r.returnedQty),
          returnsMinor: Number(r.returnsMinor),
        }));
        const keys = { day: ['day'], store: ['storeCode', 'storeName', 'storeId'], product: ['sku', 'productName', 'unit', 'productId'], region: ['region', 'stores'] }[query.groupBy];
        return answer(c, db, `sales-by-${query.groupBy}`, [...keys, 'lines', 'qty', 'revenueMinor', 'costMinor', 'marginMinor', 'returnedQty', 'returnsMinor'], items, range);
      });
    })
    .get('/valuation', valuation, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = valuation.query(c);
      return cached(c, me, query, async () => {
        const stores = scope(me, query.storeId);
        if (stores !== null && stores.length === 0) return answer(c, db, 'valuation', [], [], { totalCostMinor: 0, totalRetailMinor: 0 });
        const divisor = sql`(CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END)`;
        let q = db
          .selectFrom('stock as k')
          .innerJoin('products as p', 'p.id', 'k.product_id')
          .innerJoin('stores as s', 's.id', 'k.store_id')
          .select([
            's.id as storeId',
            's.code as storeCode',
            's.name as storeName',
            sql<number>`count(*) FILTER (WHERE k.qty > 0)::int`.as('products'),
            // Negative stock is a conflict to resolve, not negative value: only positive stock counts.
            sql<number>`coalesce(sum((k.qty * p.cost_minor) / ${divisor}) FILTER (WHERE k.qty > 0), 0)::bigint`.as('costMinor'),
            sql<number>`coalesce(sum((k.qty * p.price_minor) / ${divisor}) FILTER (WHERE k.qty > 0), 0)::bigint`.as('retailMinor'),
          ])
          .groupBy(['s.id', 's.code', 's.name'])
          .orderBy('s.code');
        if (stores !== null) q = q.where('k.store_id', 'in', stores);
        if (query.category) q = q.where(sameText('p.category', query.category));
        const items = (await q.execute()).map((r) => ({ ...r, costMinor: Number(r.costMinor), retailMinor: Number(r.retailMinor) }));
        return answer(c, db, 'valuation', ['storeCode', 'storeName', 'products', 'costMinor', 'retailMinor', 'storeId'], items, {
          totalCostMinor: items.reduce((a, r) => a + r.costMinor, 0),
          totalRetailMinor: items.reduce((a, r) => a + r.retailMinor, 0),
      });
      });
    });
}
