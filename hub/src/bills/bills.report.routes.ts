import { billReportGroupSchema, billReportSchema, paymentMethodSchema, paymentMethodWord } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvMoney, csvResponse, toCsv, wantsCsv } from '../reports/csv';
import { csvTranslator } from '../reports/csv-words';
import { billFilters, filteredBills } from './bills.filters';

const { status: _status, ...filters } = billFilters;
const reportQuery = z.strictObject({ ...filters, groupBy: billReportGroupSchema.default('method'), format: z.enum(['json', 'csv']).optional() });

const report = route({
  summary: 'Sales from bills by payment method, cashier or hour of the store’s day, net of returns, without voided bills',
  tag: 'reports',
  query: reportQuery,
  responses: { 200: { schema: billReportSchema, csv: true } },
});

interface Row {
  key: string | null;
  bills: number;
  net: string;
}

export function createBillReportRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/', report, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const query = report.query(c);
    const visible = visibleStoreIds(me);
    let items: { key: string | null; bills: number; netMinor: number }[] = [];
    if (visible === null || visible.length > 0) {
      // Returns are bills with negative totals (and refunds): counting them nets them out.
      const kept = filteredBills(db, visible, query)
        .where('b.status', '=', 'completed')
        .select(['b.id', 'b.total_minor', 'b.occurred_at', 's.time_zone', sql`b.doc`.as('doc')]);
      const statement =
        query.groupBy === 'method'
          ? sql<Row>`SELECT p->>'method' AS key, count(DISTINCT x.id)::int AS bills, sum((p->>'amountMinor')::bigint)::text AS net
              FROM (${kept}) x CROSS JOIN LATERAL jsonb_array_elements(x.doc->'payments') p GROUP BY 1 ORDER BY sum((p->>'amountMinor')::bigint) DESC, 1`
          : query.groupBy === 'cashier'
            ? sql<Row>`SELECT x.doc->'cashier'->>'name' AS key, count(*)::int AS bills, sum(x.total_minor)::text AS net
                FROM (${kept}) x GROUP BY 1 ORDER BY sum(x.total_minor) DESC, 1 NULLS LAST`
            : sql<Row>`SELECT to_char(x.occurred_at AT TIME ZONE x.time_zone, 'HH24') AS key, count(*)::int AS bills, sum(x.total_minor)::text AS net
                FROM (${kept}) x GROUP BY 1 ORDER BY 1`;
      items = (await statement.execute(db)).rows.map((r) => ({ key: r.key, bills: r.bills, netMinor: Number(r.net) }));
    }
    if (wantsCsv(c)) {
      // A payment method in the reader's words ("Cash", "نقد"), as the Bills screen writes it.
      const words = await csvTranslator(c, db);
      const named = items.map((r) => {
        const method = paymentMethodSchema.safeParse(r.key);
        return query.groupBy === 'method' && method.success ? { ...r, key: paymentMethodWord(words, method.data) } : r;
      });
      return csvResponse(c, `bills-by-${query.groupBy}.csv`, toCsv(['key', 'bills', 'netMinor'], named, await csvMoney(db)));
    }
    const totalMinor = items.reduce((a, r) => a + r.netMinor, 0);
    return c.json({ groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, items, totalMinor }, 200);
  });
}
