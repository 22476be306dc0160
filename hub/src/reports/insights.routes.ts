import { DomainError, overviewCountsSchema, rankingSortSchema, storeRankingsSchema, suggestionsSchema } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds, type UserPrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { dateQuery } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { cachedAnswer, type CachePolicy } from '../platform/cache/cached-answer';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { storeCitySql, storeRankings } from './store-rankings.query';
import { csvStoreTime, storeZones } from '../stores/store-zones';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 366;
const text = z.string().trim().min(1).max(100);

export const rankingsQuery = z.strictObject({
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  region: text.optional(),
  city: text.optional(),
  sort: rankingSortSchema.default('sales'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv']).optional(),
});
export const suggestQuery = z.strictObject({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

const tag = 'reports';
const rankings = route({ summary: 'Stores ranked on the hub by sales, margin, stock value, low/out, shrinkage, count variance or last sync', tag, query: rankingsQuery, responses: { 200: { schema: storeRankingsSchema, csv: true } } });
const counts = route({ summary: 'Exact Overview counts in the caller’s scope', tag, responses: { 200: overviewCountsSchema } });
const regions = route({ summary: 'Regions of the stores in scope, with store counts (picker suggestions)', tag, query: suggestQuery, responses: { 200: suggestionsSchema } });
const cityQuery = suggestQuery.extend({ region: text.optional() });
const cities = route({ summary: 'Cities of the stores in scope (the last part of each location), optionally in one region, with store counts (picker suggestions)', tag, query: cityQuery, responses: { 200: suggestionsSchema } });
const categories = route({ summary: 'Product categories with product counts (picker suggestions)', tag, query: suggestQuery, responses: { 200: suggestionsSchema } });

const REPORT_CACHE: CachePolicy = { ns: 'stock', ttlSeconds: 60 };
const COUNTS_CACHE: CachePolicy = { ns: 'stock', ttlSeconds: 30 };
const RANKING_COLUMNS = ['rank', 'storeCode', 'storeName', 'region', 'salesMinor', 'marginMinor', 'marginPct', 'stockValueMinor', 'low', 'out', 'shrinkageMinor', 'countVarianceMinor', 'lastSyncAt', 'daysSinceSync', 'storeId'] as const;

/** `a%b` → `a\%b`: a typed prefix matches literally. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Rankings, Overview counts and picker suggestions: head office at chain scale, each answered by one query. */
export function createInsightsRoutes(deps: AppDeps) {
  const db = deps.readDb;
  const cached = (c: Context<AppEnv>, me: UserPrincipal, query: unknown, run: () => Promise<Response>) =>
    wantsCsv(c) ? run() : cachedAnswer(c, deps.platform, REPORT_CACHE, me, query, run);

  return new Hono<AppEnv>()
    .get('/store-rankings', rankings, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = rankings.query(c);
      return cached(c, me, ['rankings', query], async () => {
        const now = new Date(deps.clock.now());
        const to = query.to ? new Date(query.to) : now;
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
        if (from >= to) throw new DomainError('VALIDATION_FAILED', 'query.from: must be before to');
        if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) throw new DomainError('VALIDATION_FAILED', `query.to: the range may span at most ${MAX_RANGE_DAYS} days`);
        const result = await storeRankings(db, { stores: visibleStoreIds(me), region: query.region, city: query.city, from, to, sort: query.sort, dir: query.dir, limit: query.limit, offset: query.offset, now });
        if (wantsCsv(c)) {
          // Each store's last sync on its own clock, with its offset.
          const zones = await storeZones(db, result.items.map((r) => r.storeId));
          const rows = result.items.map((r) => ({ ...r, lastSyncAt: csvStoreTime(zones, r.storeId, r.lastSyncAt) }));
          return csvResponse(c, `store-rankings-${query.sort}-${query.dir}.csv`, toCsv(RANKING_COLUMNS, rows, await csvMoney(db)));
        }
        return c.json({ from: from.toISOString(), to: to.toISOString(), offset: query.offset, ...result }, 200);
      });
    })
    .get('/counts', counts, async (c) => {
      const me = requireUser(c);
      // Every write that changes a count bumps the namespace; the short TTL bounds "offline" (a clock, not a write).
      return cachedAnswer(c, deps.platform, COUNTS_CACHE, me, 'counts', async () => {
      const visible = visibleStoreIds(me);
      const head = me.role === 'admin' || me.role === 'manager';
      const none = visible !== null && visible.length === 0;
      const scoped = none ? sql`FALSE` : visible === null ? sql`TRUE` : sql`store_id IN (${sql.join(visible)})`;
      const storeScoped = none ? sql`FALSE` : visible === null ? sql`TRUE` : sql`id IN (${sql.join(visible)})`;
      const dayAgo = new Date(deps.clock.now() - DAY);
      const { rows } = await sql<{ products: number; stores: number; conflicts: number; devices: number; offline: number }>`
        SELECT
          (SELECT count(*)::int FROM products WHERE NOT archived) AS products,
          (SELECT count(*)::int FROM stores WHERE NOT archived AND ${storeScoped}) AS stores,
          (SELECT count(*)::int FROM conflicts WHERE status = 'open' AND ${scoped}) AS conflicts,
          (SELECT count(*)::int FROM devices WHERE revoked_at IS NULL AND ${scoped}) AS devices,
          (SELECT count(*)::int FROM devices WHERE revoked_at IS NULL AND ${scoped}
             AND coalesce(greatest(last_push_at, last_pull_at), created_at) < ${dayAgo}) AS offline`.execute(db);
      const r = rows[0]!;
      return c.json({ products: r.products, stores: r.stores, openConflicts: head ? r.conflicts : null, devices: head ? r.devices : null, countersOffline: head ? r.offline : null }, 200);
      });
    })
    .get('/regions', regions, async (c) => {
      const me = requireUser(c);
      const query = regions.query(c);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [] }, 200);
      return c.json({ items: await suggestions(db, 'stores', 'region', query, visible) }, 200);
    })
    .get('/cities', cities, async (c) => {
      const me = requireUser(c);
      const query = cities.query(c);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [] }, 200);
      const city = storeCitySql('s');
      const { rows } = await sql<{ value: string; count: number }>`
        SELECT ${city} AS value, count(*)::int AS count FROM stores s
        WHERE NOT s.archived AND ${city} IS NOT NULL
          AND ${visible === null ? sql`TRUE` : sql`s.id IN (${sql.join(visible)})`}
          AND ${query.region ? sql`lower(s.region) = lower(${query.region})` : sql`TRUE`}
          AND ${query.q ? sql`${city} ILIKE ${likePrefix(query.q)}` : sql`TRUE`}
        GROUP BY 1 ORDER BY 1 LIMIT ${query.limit}`.execute(db);
      return c.json({ items: rows }, 200);
    })
    .get('/categories', categories, async (c) => {
      requireUser(c);
      const query = categories.query(c);
      return c.json({ items: await suggestions(db, 'products', 'category', query, null) }, 200);
    });
}

/**
 * A dimension's values among live rows (stores in scope, or the catalog: every product is listed
 * for every store), with how many carry each. Filters match case-insensitively (sameText), so
 * "Grains" and "grains" are one suggestion, counted together.
 */
async function suggestions(db: Kysely<Database>, table: 'stores' | 'products', column: 'region' | 'category', query: z.output<typeof suggestQuery>, scope: string[] | null) {
  const col = sql.ref(column);
  const { rows } = await sql<{ value: string; count: number }>`
    SELECT min(${col}) AS value, count(*)::int AS count FROM ${sql.table(table)}
    WHERE NOT archived AND ${col} IS NOT NULL AND btrim(${col}) <> ''
      AND ${scope === null ? sql`TRUE` : sql`id IN (${sql.join(scope)})`}
      AND ${query.q ? sql`${col} ILIKE ${likePrefix(query.q)}` : sql`TRUE`}
    GROUP BY lower(${col}) ORDER BY lower(${col}) LIMIT ${query.limit}`.execute(db);
  return rows;
}
