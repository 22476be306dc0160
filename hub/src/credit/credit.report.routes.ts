import { addDays, receivablesQuerySchema, receivablesReportSchema, todayIn, type Ageing, type ReceivablesReport } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvResponse, toCsv, wantsCsv } from '../reports/csv';
import { customerFigures, storesOf, type CustomerFigures } from './credit.figures';

const report = route({
  summary: 'Receivables: what customers owe per store and in total, ageing (0–30, 31–60, 61–90, 90+ days), top balances, money collected per day (CSV: one row per store)',
  tag: 'reports',
  query: receivablesQuerySchema,
  responses: { 200: { schema: receivablesReportSchema, csv: true } },
});

const zero = (): Ageing => ({ d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 });

function totalsOf(rows: readonly CustomerFigures[]) {
  const ageing = zero();
  for (const r of rows) for (const k of Object.keys(ageing) as (keyof Ageing)[]) ageing[k] += r.ageing[k];
  const owing = rows.filter((r) => r.balancePaise !== 0);
  return { customers: owing.length, balancePaise: rows.reduce((a, r) => a + r.balancePaise, 0), overduePaise: rows.reduce((a, r) => a + r.overdue.overduePaise, 0), ageing };
}

const csvColumns = ['storeCode', 'storeName', 'customers', 'balance', 'overdue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;

/** Head office's receivables (admins all stores, managers theirs), each store on its own calendar. */
export function createReceivablesRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/receivables', report, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const query = report.query(c);
    if (query.storeId) assertStoreAccess(me, query.storeId);
    const stores = await storesOf(db, visibleStoreIds(me), query.storeId);
    const nowMs = deps.clock.now();
    const rows = await customerFigures(db, stores, nowMs);
    const perStore = stores.map((s) => ({ storeId: s.id, storeCode: s.code, storeName: s.name, timeZone: s.timeZone, ...totalsOf(rows.filter((r) => r.store.id === s.id)) }));
    if (wantsCsv(c)) {
      const money = (p: number) => p / 100;
      return csvResponse(c, 'receivables.csv', toCsv(csvColumns, perStore.map((s) => ({ storeCode: s.storeCode, storeName: s.storeName, customers: s.customers, balance: money(s.balancePaise), overdue: money(s.overduePaise), d0_30: money(s.ageing.d0_30), d31_60: money(s.ageing.d31_60), d61_90: money(s.ageing.d61_90), d90plus: money(s.ageing.d90plus) }))));
    }
    const top = rows
      .filter((r) => r.balancePaise > 0)
      .sort((a, b) => b.balancePaise - a.balancePaise || a.customer.name.localeCompare(b.customer.name))
      .slice(0, query.top)
      .map((r) => ({ customerId: r.customer.id, name: r.customer.name, phone: r.customer.phone, storeCode: r.store.code, storeName: r.store.name, balancePaise: r.balancePaise, overduePaise: r.overdue.overduePaise, daysOverdue: r.overdue.daysOverdue }));
    // Payments received per store day (each store's own calendar), the last `days` days.
    const collections = new Map<string, number>();
    for (const s of stores) {
      const today = todayIn(nowMs, s.timeZone);
      const first = addDays(today, 1 - query.days);
      const { rows: paid } = await sql<{ day: string; paid: string }>`
        SELECT to_char(occurred_at AT TIME ZONE ${s.timeZone}, 'YYYY-MM-DD') AS day, -sum(amount_paise) AS paid
        FROM credit_entries WHERE store_id = ${s.id}::uuid AND kind = 'payment'
          AND occurred_at >= (${first}::date::timestamp AT TIME ZONE ${s.timeZone})
        GROUP BY 1`.execute(db);
      for (const p of paid) collections.set(p.day, (collections.get(p.day) ?? 0) + Number(p.paid));
    }
    const body: ReceivablesReport = {
      stores: perStore,
      total: totalsOf(rows),
      top,
      collections: [...collections.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, paidPaise]) => ({ day, paidPaise })),
    };
    return c.json(body, 200);
  });
}
