import { DomainError, marginsQuerySchema, marginsReportSchema, stockValueQuerySchema, stockValueReportSchema, type MarginsQuery, type StockValueQuery } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { sql, type RawBuilder } from 'kysely';
import { requireUser } from '../auth/auth.middleware';
import type { UserPrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { cachedAnswer, type CachePolicy } from '../platform/cache/cached-answer';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { scope } from './reports.routes';
import { addDays } from './trends.periods';

const tag = 'reports';
const margins = route({
  summary: 'Sales, cost and gross margin by product, category, store, day, week or month (store-local days, net of returns)',
  description: 'Read from the daily rollup; a sale costs what the counter stamped on it (the moving-average cost when it sold).',
  tag,
  query: marginsQuerySchema,
  responses: { 200: { schema: marginsReportSchema, csv: true } },
});
const stockValue = route({
  summary: 'Stock on hand at moving-average cost and at retail, by store or category',
  tag,
  query: stockValueQuerySchema,
  responses: { 200: { schema: stockValueReportSchema, csv: true } },
});

const PRODUCT_ROWS = 200;
/** What each stock-value grouping selects, groups and orders by (every grouping joins the store). */
const STOCK_VALUE_GROUPS: Record<StockValueQuery['groupBy'], { select: RawBuilder<unknown>; group: RawBuilder<unknown>; order: RawBuilder<unknown>; csv: string[] }> = {
  store: { select: sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName", s.region`, group: sql`s.id, s.code, s.name, s.region`, order: sql`s.code`, csv: ['storeCode', 'storeName', 'region'] },
  category: { select: sql`p.category`, group: sql`p.category`, order: sql`p.category`, csv: ['category'] },
  region: { select: sql`s.region, count(DISTINCT s.id)::int AS stores`, group: sql`s.region`, order: sql`s.region NULLS LAST`, csv: ['region', 'stores'] },
  product: {
    select: sql`p.id AS "productId", p.sku, p.name AS "productName", p.unit, sum(k.qty) AS qty`,
    group: sql`p.id, p.sku, p.name, p.unit`,
    order: sql`sum(${valueSql(sql.ref('k.qty'), sql`coalesce(pc.cost_minor, p.cost_minor)`, sql.ref('p.unit'))}) DESC, p.sku`,
    csv: ['sku', 'productName', 'unit', 'qty'],
  },
};

const REPORT_CACHE: CachePolicy = { ns: 'stock', ttlSeconds: 60 };
const MAX_DAYS = 366;

/** Weighed goods are priced per kg or L: grams × price / 1000, half up (lineTotalMinor), in SQL. */
export function valueSql(qty: RawBuilder<unknown> | ReturnType<typeof sql.ref>, price: RawBuilder<unknown> | ReturnType<typeof sql.ref>, unit: ReturnType<typeof sql.ref>) {
  return sql<number>`((${qty} * ${price} + (CASE WHEN ${unit} = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN ${unit} = 'pc' THEN 1 ELSE 1000 END))`;
}

/** The report's days: inclusive, default the 30 ending today (UTC), at most a year. */
export function dayRange(q: { from?: string | undefined; to?: string | undefined }, now: number): { from: string; to: string } {
  const to = q.to ?? new Date(now).toISOString().slice(0, 10);
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw new DomainError('VALIDATION_FAILED', 'query.from: must be on or before to');
  if (addDays(from, MAX_DAYS - 1) < to) throw new DomainError('VALIDATION_FAILED', `query.to: the range may span at most ${MAX_DAYS} days`);
  return { from, to };
}

const bp = (margin: number, revenue: number) => (revenue === 0 ? null : Math.round((margin * 10_000) / revenue));

/** Margins and stock value (issue 19), for managers of their stores and admins. */
export function createMarginsRoutes(deps: AppDeps) {
  const db = deps.readDb;
  const cached = (c: Context<AppEnv>, me: UserPrincipal, query: unknown, run: () => Promise<Response>) =>
    wantsCsv(c) ? run() : cachedAnswer(c, deps.platform, REPORT_CACHE, me, query, run);

  async function marginRows(q: MarginsQuery, stores: string[] | null, range: { from: string; to: string }) {
    // By store or period with no category: the per-store rollup (one row per store and day).
    const perStore = q.category === undefined && q.groupBy !== 'product' && q.groupBy !== 'category';
    const period = { day: sql`sd.day`, week: sql`date_trunc('week', sd.day)::date`, month: sql`date_trunc('month', sd.day)::date` };
    const key: Record<MarginsQuery['groupBy'], { select: RawBuilder<unknown>; group: RawBuilder<unknown>; order: RawBuilder<unknown> | null }> = {
      product: { select: sql`p.id AS "productId", p.sku, p.name AS "productName", p.unit, p.category`, group: sql`p.id, p.sku, p.name, p.unit, p.category`, order: sql`p.sku` },
      category: { select: sql`p.category`, group: sql`p.category`, order: sql`p.category` },
      store: { select: sql`s.id AS "storeId", s.code AS "storeCode", s.name AS "storeName"`, group: sql`s.id, s.code, s.name`, order: sql`s.code` },
      day: { select: sql`to_char(${period.day}, 'YYYY-MM-DD') AS period`, group: sql`1`, order: null },
      week: { select: sql`to_char(${period.week}, 'YYYY-MM-DD') AS period`, group: sql`1`, order: null },
      month: { select: sql`to_char(${period.month}, 'YYYY-MM-DD') AS period`, group: sql`1`, order: null },
    };
    const k = key[q.groupBy];
    const table = perStore ? sql`sales_daily_stores sd` : sql`sales_daily sd JOIN products p ON p.id = sd.product_id`;
    const rank = q.sort === 'revenue' ? sql`sum(sd.revenue_minor)` : sql`sum(sd.revenue_minor) - sum(sd.cost_minor)`;
    const order = k.order === null ? sql`1` : sql`${rank} DESC, ${k.order}`;
    const { rows } = await sql<Record<string, unknown> & { revenue: string; cost: string; returns: string; qty: string }>`
      SELECT ${k.select}, sum(sd.revenue_minor) AS revenue, sum(sd.cost_minor) AS cost, sum(sd.returns_minor) AS returns, sum(sd.qty_sold) AS qty
      FROM ${table} ${q.groupBy === 'store' ? sql`JOIN stores s ON s.id = sd.store_id` : sql``}
      WHERE sd.day BETWEEN ${range.from}::date AND ${range.to}::date
        ${stores !== null ? sql`AND sd.store_id = ANY(${stores}::uuid[])` : sql``}
        ${q.category !== undefined ? sql`AND lower(p.category) = lower(${q.category})` : sql``}
      GROUP BY ${k.group}
      ORDER BY ${order}
      LIMIT ${q.limit}`.execute(db);
    return rows.map(({ revenue, cost, returns, qty, ...r }) => {
      const revenueMinor = Number(revenue);
      const costMinor = Number(cost);
      const marginMinor = revenueMinor - costMinor;
      return { ...r, ...(q.groupBy === 'product' ? { qty: Number(qty) } : {}), revenueMinor, costMinor, marginMinor, marginBasisPoints: bp(marginMinor, revenueMinor), returnsMinor: Number(returns) };
    });
  }

  return new Hono<AppEnv>()
    .get('/margins', margins, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const q = margins.query(c);
      return cached(c, me, ['margins', q], async () => {
        const range = dayRange(q, deps.clock.now());
        const stores = scope(me, q.storeId);
        const items = stores !== null && stores.length === 0 ? [] : await marginRows(q, stores, range);
        if (wantsCsv(c)) {
          const keys = { product: ['sku', 'productName', 'unit', 'category', 'qty'], category: ['category'], store: ['storeCode', 'storeName'], day: ['period'], week: ['period'], month: ['period'] }[q.groupBy];
          return csvResponse(c, `margins-by-${q.groupBy}.csv`, toCsv<Record<string, unknown>>([...keys, 'revenueMinor', 'costMinor', 'marginMinor', 'marginBasisPoints', 'returnsMinor'], items, await csvMoney(db)));
        }
        const totals = items.reduce((t, r) => ({ revenueMinor: t.revenueMinor + r.revenueMinor, costMinor: t.costMinor + r.costMinor, marginMinor: t.marginMinor + r.marginMinor }), { revenueMinor: 0, costMinor: 0, marginMinor: 0 });
        return c.json({ ...range, groupBy: q.groupBy, items, totals }, 200);
      });
    })
    .get('/stock-value', stockValue, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const q = stockValue.query(c);
      return cached(c, me, ['stock-value', q], async () => {
        const stores = scope(me, q.storeId);
        const cost = valueSql(sql.ref('k.qty'), sql`coalesce(pc.cost_minor, p.cost_minor)`, sql.ref('p.unit'));
        const retail = valueSql(sql.ref('k.qty'), sql.ref('p.price_minor'), sql.ref('p.unit'));
        const by = STOCK_VALUE_GROUPS[q.groupBy];
        const { rows } =
          stores !== null && stores.length === 0
            ? { rows: [] }
            : await sql<Record<string, unknown> & { products: number; cost: string; retail: string; all_cost: string; all_retail: string }>`
              SELECT ${by.select},
                count(*)::int AS products, coalesce(sum(${cost}), 0) AS cost, coalesce(sum(${retail}), 0) AS retail,
                sum(coalesce(sum(${cost}), 0)) OVER () AS all_cost, sum(coalesce(sum(${retail}), 0)) OVER () AS all_retail
              FROM stock k
              JOIN products p ON p.id = k.product_id
              JOIN stores s ON s.id = k.store_id
              LEFT JOIN product_costs pc ON pc.store_id = k.store_id AND pc.product_id = k.product_id
              WHERE k.qty > 0
                ${stores !== null ? sql`AND k.store_id = ANY(${stores}::uuid[])` : sql``}
                ${q.category !== undefined ? sql`AND lower(p.category) = lower(${q.category})` : sql``}
                ${q.region !== undefined ? sql`AND lower(s.region) = lower(${q.region})` : sql``}
              GROUP BY ${by.group}
              ORDER BY ${by.order}
              ${q.groupBy === 'product' ? sql`LIMIT ${PRODUCT_ROWS}` : sql``}`.execute(db);
        const items = rows.map(({ cost, retail, qty, all_cost: _c, all_retail: _r, ...r }) => ({ ...r, ...(qty === undefined ? {} : { qty: Number(qty) }), costMinor: Number(cost), retailMinor: Number(retail) }));
        if (wantsCsv(c)) return csvResponse(c, `stock-value-by-${q.groupBy}.csv`, toCsv<Record<string, unknown>>([...by.csv, 'products', 'costMinor', 'retailMinor'], items, await csvMoney(db)));
        // Totals are the whole scope's, also when groupBy=product shows only the most valuable rows.
        const totals = { costMinor: Number(rows[0]?.all_cost ?? 0), retailMinor: Number(rows[0]?.all_retail ?? 0) };
        return c.json({ groupBy: q.groupBy, items, totals }, 200);
      });
    });
}
