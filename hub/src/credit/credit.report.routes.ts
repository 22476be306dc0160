import { receivablesQuerySchema, receivablesReportSchema, type Ageing, type ReceivablesReport } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvMoney, csvResponse, toCsv, wantsCsv, type CsvMoney } from '../reports/csv';
import { customerFigures, storesOf, type CustomerFigures, type StoreRef } from './credit.figures';

const report = route({
  summary: 'Receivables: what customers owe per store and in total, ageing (0–30, 31–60, 61–90, 90+ days), top balances, money collected per store and day (CSV: `part` = stores, top or collections)',
  tag: 'reports',
  query: receivablesQuerySchema,
  responses: { 200: { schema: receivablesReportSchema, csv: true } },
});

const zero = (): Ageing => ({ d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 });

function totalsOf(rows: readonly CustomerFigures[]) {
  const ageing = zero();
  for (const r of rows) for (const k of Object.keys(ageing) as (keyof Ageing)[]) ageing[k] += r.ageing[k];
  const owing = rows.filter((r) => r.balanceMinor !== 0);
  return { customers: owing.length, balanceMinor: rows.reduce((a, r) => a + r.balanceMinor, 0), overdueMinor: rows.reduce((a, r) => a + r.overdue.overdueMinor, 0), ageing };
}

/**
 * Payments received per store and store day, the last `days` days ending on each store's today
 * (its own time zone), in one statement over the (store_id, occurred_at) index: the instant bound
 * is a day wider than any zone, the day bound is exact.
 */
async function collectionsByStore(db: Kysely<Database>, stores: readonly StoreRef[], nowMs: number, days: number) {
  if (stores.length === 0) return [];
  const now = new Date(nowMs);
  const { rows } = await sql<{ store_id: string; day: string; paid: string }>`
    SELECT e.store_id, to_char(e.occurred_at AT TIME ZONE s.time_zone, 'YYYY-MM-DD') AS day, -sum(e.amount_minor) AS paid
    FROM credit_entries e JOIN stores s ON s.id = e.store_id
    WHERE e.store_id IN (${sql.join(stores.map((st) => sql`${st.id}::uuid`))}) AND e.kind = 'payment'
      AND e.occurred_at >= ${new Date(nowMs - (days + 1) * 86_400_000)}::timestamptz
      AND (e.occurred_at AT TIME ZONE s.time_zone)::date > (${now}::timestamptz AT TIME ZONE s.time_zone)::date - ${days}::int
    GROUP BY 1, 2`.execute(db);
  const byId = new Map(stores.map((st) => [st.id, st]));
  return rows
    .map((r) => {
      const st = byId.get(r.store_id)!;
      return { storeId: st.id, storeCode: st.code, storeName: st.name, day: r.day, paidMinor: Number(r.paid) };
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.storeCode < b.storeCode ? -1 : 1));
}

/** The CSV of one table of the report (`part`), money in the hub's currency's major units (named in the header), stores by code and name. */
function csvOf(part: 'stores' | 'top' | 'collections', r: ReceivablesReport, m: CsvMoney): string {
  if (part === 'top') {
    const cols = ['storeCode', 'storeName', 'customer', 'phone', 'balance', 'overdue', 'daysOverdue'] as const;
    return toCsv(cols, r.top.map((x) => ({ storeCode: x.storeCode, storeName: x.storeName, customer: x.name, phone: x.phone, balance: x.balanceMinor, overdue: x.overdueMinor, daysOverdue: x.daysOverdue })), { ...m, columns: ['balance', 'overdue'] });
  }
  if (part === 'collections') {
    const cols = ['day', 'storeCode', 'storeName', 'collected'] as const;
    return toCsv(cols, r.collectionsByStore.map((x) => ({ day: x.day, storeCode: x.storeCode, storeName: x.storeName, collected: x.paidMinor })), { ...m, columns: ['collected'] });
  }
  const cols = ['storeCode', 'storeName', 'customers', 'balance', 'overdue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
  return toCsv(cols, r.stores.map((s) => ({ storeCode: s.storeCode, storeName: s.storeName, customers: s.customers, balance: s.balanceMinor, overdue: s.overdueMinor, d0_30: s.ageing.d0_30, d31_60: s.ageing.d31_60, d61_90: s.ageing.d61_90, d90plus: s.ageing.d90plus })), { ...m, columns: ['balance', 'overdue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] });
}

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
    const top = rows
      .filter((r) => r.balanceMinor > 0)
      .sort((a, b) => b.balanceMinor - a.balanceMinor || a.customer.name.localeCompare(b.customer.name))
      .slice(0, query.top)
      .map((r) => ({ customerId: r.customer.id, name: r.customer.name, phone: r.customer.phone, storeCode: r.store.code, storeName: r.store.name, balanceMinor: r.balanceMinor, overdueMinor: r.overdue.overdueMinor, daysOverdue: r.overdue.daysOverdue }));
    const byStore = await collectionsByStore(db, stores, nowMs, query.days);
    const collections = new Map<string, number>();
    for (const p of byStore) collections.set(p.day, (collections.get(p.day) ?? 0) + p.paidMinor);
    const body: ReceivablesReport = {
      stores: perStore,
      total: totalsOf(rows),
      top,
      collections: [...collections.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, paidMinor]) => ({ day, paidMinor })),
      collectionsByStore: byStore,
    };
    if (wantsCsv(c)) return csvResponse(c, `receivables-${query.part}.csv`, csvOf(query.part, body, await csvMoney(db)));
    return c.json(body, 200);
  });
}
