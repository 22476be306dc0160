import { removalReasonWord, shrinkageQuerySchema, shrinkageReportSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { csvTranslator } from './csv-words';
import { dayRange } from './margins.routes';
import { scope } from './reports.routes';

const shrinkage = route({
  summary: 'Shrinkage in money at cost: removals by reason, and counts that found less than the log, by store and reason (store-local days)',
  description:
    'Read from the daily rollup (shrinkage-rollup.ts). A removal costs what it carried (the counter’s moving-average cost), else the store’s moving-average cost; a count’s shortfall is the stock the merge rule gives just before it less the counted quantity, at the moving-average cost.',
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
    const group = { 'store-reason': sql`s.id, s.code, s.name, x.reason`, reason: sql`x.reason`, store: sql`s.id, s.code, s.name` }[q.groupBy];
    const keys = { 'store-reason': sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName", x.reason`, reason: sql`x.reason`, store: sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName"` }[q.groupBy];
    const order = { 'store-reason': sql`s.code, x.reason`, reason: sql`sum(x.cost_minor) DESC, x.reason`, store: sql`s.code` }[q.groupBy];
    const { rows } =
      stores !== null && stores.length === 0
        ? { rows: [] }
        : await sql<Record<string, unknown> & { events: number; cost: string }>`
          SELECT ${keys}, sum(x.events)::int AS events, sum(x.cost_minor) AS cost
          FROM shrinkage_daily x JOIN stores s ON s.id = x.store_id
          ${q.category !== undefined ? sql`JOIN products p ON p.id = x.product_id AND lower(p.category) = lower(${q.category})` : sql``}
          WHERE x.day BETWEEN ${range.from}::date AND ${range.to}::date
            ${stores !== null ? sql`AND x.store_id = ANY(${stores}::uuid[])` : sql``}
          GROUP BY ${group}
          ORDER BY ${order}
          LIMIT ${q.limit}`.execute(db);
    const items = rows.map(({ cost, ...r }) => ({ ...r, costMinor: Number(cost) }));
    if (wantsCsv(c)) {
      const cols = { 'store-reason': ['storeCode', 'storeName', 'reason'], reason: ['reason'], store: ['storeCode', 'storeName'] }[q.groupBy];
      // The reason in the reader's words ("Damaged", "Count found less"), as the Margins screen writes it.
      const words = await csvTranslator(c, db);
      const named = items.map((r) => ('reason' in r ? { ...r, reason: removalReasonWord(words, r.reason as string | null) } : r));
      return csvResponse(c, `shrinkage-by-${q.groupBy}.csv`, toCsv<Record<string, unknown>>([...cols, 'events', 'costMinor'], named, await csvMoney(db)));
    }
    return c.json({ ...range, groupBy: q.groupBy, items, totalCostMinor: items.reduce((a, r) => a + r.costMinor, 0) }, 200);
  });
}
