import { shrinkageQuerySchema, shrinkageReportSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvResponse, toCsv, wantsCsv } from './csv';
import { dayRange, valueSql } from './margins.routes';
import { scope } from './reports.routes';

const shrinkage = route({
  summary: 'Shrinkage in money at cost: removals by reason, and counts that found less than the log, by store and reason (store-local days)',
  description:
    'A removal costs what it carried (the counter’s moving-average cost), else the store’s current moving-average cost; a count’s shortfall is the counted quantity less the stock the merge rule gives just before it, at the current moving-average cost.',
  tag: 'reports',
  query: shrinkageQuerySchema,
  responses: { 200: { schema: shrinkageReportSchema, csv: true } },
});

export function createShrinkageRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/shrinkage', shrinkage, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const q = shrinkage.query(c);
    const range = dayRange(q, deps.clock.now());
    const stores = scope(me, q.storeId);
    const inScope = sql`${stores !== null ? sql`AND m.store_id = ANY(${stores}::uuid[])` : sql``} ${q.category !== undefined ? sql`AND p.category = ${q.category}` : sql``}`;
    // Each store's own days; the UTC window around them (zones run from -12 h to +14 h) lets the time index narrow first.
    const inDays = sql`m.occurred_at >= (${range.from}::date::timestamp AT TIME ZONE 'UTC') - interval '15 hours'
      AND m.occurred_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'UTC') + interval '15 hours'
      AND m.occurred_at >= (${range.from}::date::timestamp AT TIME ZONE s.time_zone)
      AND m.occurred_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE s.time_zone)`;
    const current = sql`coalesce(pc.cost_paise, p.cost_paise)`;
    const removalCost = valueSql(sql`(-m.qty)`, sql`coalesce(m.unit_cost_paise, ${current})`, sql.ref('p.unit'));
    const shortCost = valueSql(sql`(before.qty - m.qty)`, current, sql.ref('p.unit'));
    const group = { 'store-reason': sql`s.id, s.code, s.name, x.reason`, reason: sql`x.reason`, store: sql`s.id, s.code, s.name` }[q.groupBy];
    const keys = { 'store-reason': sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName", x.reason`, reason: sql`x.reason`, store: sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName"` }[q.groupBy];
    const order = { 'store-reason': sql`s.code, x.reason`, reason: sql`sum(x.cost) DESC, x.reason`, store: sql`s.code` }[q.groupBy];
    const { rows } =
      stores !== null && stores.length === 0
        ? { rows: [] }
        : await sql<Record<string, unknown> & { events: number; cost: string }>`
          WITH x AS (
            SELECT m.store_id, coalesce(m.reason, 'other') AS reason, ${removalCost} AS cost
            FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
            LEFT JOIN product_costs pc ON pc.store_id = m.store_id AND pc.product_id = m.product_id
            WHERE m.kind = 'REMOVE' AND m.status = 'applied' AND m.qty < 0 AND ${inDays} ${inScope}
            UNION ALL
            SELECT m.store_id, 'count', ${shortCost}
            FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
            LEFT JOIN product_costs pc ON pc.store_id = m.store_id AND pc.product_id = m.product_id
            -- The stock just before the count: the count before it plus the deltas between (the merge rule).
            CROSS JOIN LATERAL (
              SELECT coalesce(prev.qty, 0) + coalesce((
                SELECT sum(d.qty) FROM movements d
                WHERE d.store_id = m.store_id AND d.product_id = m.product_id AND d.status = 'applied' AND d.kind <> 'COUNT'
                  AND (d.hlc, d.id) < (m.hlc, m.id) AND (prev.hlc IS NULL OR (d.hlc, d.id) > (prev.hlc, prev.id))), 0)::bigint AS qty
              FROM (SELECT NULL) one
              LEFT JOIN LATERAL (
                SELECT c.qty, c.hlc, c.id FROM movements c
                WHERE c.store_id = m.store_id AND c.product_id = m.product_id AND c.kind = 'COUNT' AND c.status = 'applied' AND (c.hlc, c.id) < (m.hlc, m.id)
                ORDER BY c.hlc DESC, c.id DESC LIMIT 1) prev ON true) before
            WHERE m.kind = 'COUNT' AND m.status = 'applied' AND m.qty < before.qty AND ${inDays} ${inScope})
          SELECT ${keys}, count(*)::int AS events, sum(x.cost) AS cost
          FROM x JOIN stores s ON s.id = x.store_id
          GROUP BY ${group}
          ORDER BY ${order}
          LIMIT ${q.limit}`.execute(db);
    const items = rows.map(({ cost, ...r }) => ({ ...r, costPaise: Number(cost) }));
    if (wantsCsv(c)) {
      const cols = { 'store-reason': ['storeCode', 'storeName', 'reason'], reason: ['reason'], store: ['storeCode', 'storeName'] }[q.groupBy];
      return csvResponse(c, `shrinkage-by-${q.groupBy}.csv`, toCsv<Record<string, unknown>>([...cols, 'events', 'costPaise'], items));
    }
    return c.json({ ...range, groupBy: q.groupBy, items, totalCostPaise: items.reduce((a, r) => a + r.costPaise, 0) }, 200);
  });
}
