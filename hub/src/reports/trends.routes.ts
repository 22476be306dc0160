import { DomainError, productRegionSplitSchema, salesTrendSchema, trendGrainSchema, uuidSchema } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds, type UserPrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { cachedAnswer, type CachePolicy } from '../platform/cache/cached-answer';
import { addDays, addMonths } from './trends.periods';
import { salesTrend } from './trends.query';

const day = z.iso.date({ message: 'must be a calendar day, YYYY-MM-DD' });
const text = z.string().trim().min(1).max(100);

export const trendsQuery = z.strictObject({
  grain: trendGrainSchema.default('day'),
  /** Inclusive calendar days; by default the last 30 days, 12 weeks or 12 months up to today. */
  from: day.optional(),
  to: day.optional(),
  storeId: uuidSchema.optional(),
  region: text.optional(),
});
export const productRegionsQuery = z.strictObject({ productId: uuidSchema, from: day.optional(), to: day.optional() });

const tag = 'reports';
const trends = route({
  summary: 'Sales and margin by day, week or month for a store, a region or the chain, with the previous period and the same period last year',
  description: 'Read from the daily rollup (each store’s own day, net of returns and voids), refreshed every few minutes; `asOf` says when.',
  tag,
  query: trendsQuery,
  responses: { 200: salesTrendSchema },
});
const productRegions = route({ summary: 'One product’s sales split by region across the stores in scope (daily rollup)', tag, query: productRegionsQuery, responses: { 200: productRegionSplitSchema } });

/** The rollup changes with every run, and a run follows movements: the stock namespace, like the other reports. */
const TREND_CACHE: CachePolicy = { ns: 'stock', ttlSeconds: 120 };

/** Stores a trend may cover: the visible ones, narrowed to storeId when given (404 outside). */
function scope(me: UserPrincipal, storeId: string | undefined): string[] | null {
  const visible = visibleStoreIds(me);
  if (storeId) {
    if (visible !== null && !visible.includes(storeId)) throw new DomainError('NOT_FOUND', 'store not found');
    return [storeId];
  }
  return visible;
}

/** Trends and a product across regions: head office's comparisons, read from the daily rollups. */
export function createTrendsRoutes(deps: AppDeps) {
  const db = deps.readDb;
  const today = () => new Date(deps.clock.now()).toISOString().slice(0, 10);
  const cached = (c: Context<AppEnv>, me: UserPrincipal, query: unknown, run: () => Promise<Response>) => cachedAnswer(c, deps.platform, TREND_CACHE, me, query, run);

  return new Hono<AppEnv>()
    .get('/trends', trends, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = trends.query(c);
      return cached(c, me, ['trends', query], async () => {
        const to = query.to ?? today();
        const from = query.from ?? (query.grain === 'day' ? addDays(to, -29) : query.grain === 'week' ? addDays(to, -7 * 11) : addMonths(to, -11));
        const stores = scope(me, query.storeId);
        try {
          return c.json(await salesTrend(db, { grain: query.grain, from, to, stores, storeId: query.storeId ?? null, region: query.region ?? null }), 200);
        } catch (e) {
          if (e instanceof RangeError) throw new DomainError('VALIDATION_FAILED', `query.from: ${e.message}`);
          throw e;
        }
      });
    })
    .get('/product-regions', productRegions, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = productRegions.query(c);
      return cached(c, me, ['product-regions', query], async () => {
        const last = query.to ?? today();
        const from = query.from ?? addDays(last, -29);
        const to = addDays(last, 1);
        if (from >= to) throw new DomainError('VALIDATION_FAILED', 'query.from: must not be after to');
        if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new DomainError('VALIDATION_FAILED', 'query.to: the range may span at most 366 days');
        const visible = visibleStoreIds(me);
        const scoped = visible === null ? sql`TRUE` : visible.length ? sql`d.store_id IN (${sql.join(visible)})` : sql`FALSE`;
        // The (product_id, day) index of sales_daily: one product's rows of the period, whatever the chain's size.
        const { rows } = await sql<{ region: string | null; stores: number; qty: string; revenue: string; cost: string; returns: string }>`
          SELECT s.region, count(DISTINCT d.store_id)::int AS stores, sum(d.qty_sold) AS qty, sum(d.revenue_minor) AS revenue,
            sum(d.cost_minor) AS cost, sum(d.returns_minor) AS returns
          FROM sales_daily d JOIN stores s ON s.id = d.store_id
          WHERE d.product_id = ${query.productId} AND d.day >= ${from}::date AND d.day < ${to}::date AND ${scoped}
          GROUP BY s.region
          ORDER BY sum(d.revenue_minor) DESC, s.region NULLS LAST`.execute(db);
        const items = rows.map((r) => ({
          region: r.region,
          stores: r.stores,
          qty: Number(r.qty),
          revenueMinor: Number(r.revenue),
          marginMinor: Number(r.revenue) - Number(r.cost),
          returnsMinor: Number(r.returns),
        }));
        const total = items.reduce((a, r) => ({ stores: a.stores + r.stores, qty: a.qty + r.qty, revenueMinor: a.revenueMinor + r.revenueMinor, marginMinor: a.marginMinor + r.marginMinor, returnsMinor: a.returnsMinor + r.returnsMinor }), { stores: 0, qty: 0, revenueMinor: 0, marginMinor: 0, returnsMinor: 0 });
        return c.json({ productId: query.productId, from, to, items, total }, 200);
      });
    });
}
