import { alertRollupGroups, alertRollupSchema, type AlertRollup } from '@bazaar/shared';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds } from '../auth/principal';
import type { AppDeps } from '../http/app-env';
import { oneGet } from '../openapi/one-get.routes';

const alertRollupQuery = z.strictObject({
  /** region → store → product: groupBy=region, then groupBy=store&region=…, then GET /alerts?storeId=…. */
  groupBy: z.enum(alertRollupGroups).default('region'),
  region: z.string().trim().min(1).max(100).optional(),
});

/** Alerts roll up by region like sales and stock value (the alerts themselves are GET /alerts). */
export function createAlertRollupRoutes(deps: AppDeps) {
  const doc = { summary: 'Live low and out-of-stock alerts counted per region, or per store of a region, in the caller’s stores', tag: 'reports', query: alertRollupQuery, responses: { 200: alertRollupSchema } };
  return oneGet('/alerts', doc, (c) => requireUser(c, ['admin', 'manager']), async (c, me, q) => {
    const visible = visibleStoreIds(me);
    const byStore = q.groupBy === 'store';
    const { rows } =
      visible !== null && visible.length === 0
        ? { rows: [] }
        : await sql<AlertRollup['items'][number]>`
          SELECT s.region, count(DISTINCT s.id)::int AS stores,
            ${byStore ? sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName",` : sql``}
            count(*) FILTER (WHERE a.kind = 'low')::int AS low, count(*) FILTER (WHERE a.kind = 'out')::int AS out
          FROM alerts a JOIN stores s ON s.id = a.store_id
          WHERE a.state <> 'closed' AND a.kind IN ('low', 'out') AND NOT s.archived
            ${visible !== null ? sql`AND a.store_id = ANY(${visible}::uuid[])` : sql``}
            ${q.region !== undefined ? sql`AND lower(s.region) = lower(${q.region})` : sql``}
          GROUP BY ${byStore ? sql`s.region, s.id, s.code, s.name` : sql`s.region`}
          ORDER BY ${byStore ? sql`count(*) DESC, s.code` : sql`s.region NULLS LAST`}`.execute(deps.readDb);
    const totals = rows.reduce((t, r) => ({ low: t.low + r.low, out: t.out + r.out }), { low: 0, out: 0 });
    return c.json({ groupBy: q.groupBy, items: rows, totals }, 200);
  });
}
