import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';

export const rollupSalesJob = z.object({
  /** Calendar days, YYYY-MM-DD: each store's own day of that date, in its time zone. */
  days: z.array(z.iso.date()).min(1).max(400),
});

/**
 * The movements that make up sales, net of returns and voids (issue 17): every SALE, and every
 * ADJUST a bill wrote at a price (its batch id is the id of a bill of the same store). On the
 * counter a return puts goods back with a priced ADJUST (+qty), a void reverses each movement
 * of the bill with an ADJUST carrying that movement's price (+qty for a sale line, −qty for a
 * returned line), and a damaged return's write-off (REMOVE) and its reversal carry no price.
 * So sold quantity is −Σqty of these and revenue −Σqty × price: the movement log stays the one
 * source of sales, and returns count on the day they happen. The bill lookup is a primary-key
 * probe, made only for priced ADJUSTs with a batch id.
 */
export function saleEffectSql(m: string) {
  const c = (col: string) => sql.ref(`${m}.${col}`);
  return sql<boolean>`(${c('kind')} IN ('SALE', 'ADJUST') AND ${c('status')} = 'applied' AND (${c('kind')} = 'SALE' OR (
    ${c('unit_price_minor')} IS NOT NULL AND ${c('batch_id')} IS NOT NULL
    AND EXISTS (SELECT 1 FROM bills sb WHERE sb.store_id = ${c('store_id')} AND sb.id = ${c('batch_id')}))))`;
}

/**
 * One line's value in minor units (−qty × price, or cost): weighed and measured goods are priced per
 * kg or L, so grams × price is divided by 1,000, rounding half away from zero on each line, so
 * a line returned in full takes back exactly what it brought in.
 */
export function lineValueSql(m: string, p: string, of: 'price' | 'cost' = 'price') {
  const per = sql.raw(`(CASE WHEN ${p}.unit = 'pc' THEN 1 ELSE 1000 END)`);
  const half = sql.raw(`(CASE WHEN ${p}.unit = 'pc' THEN 0 ELSE 500 END)`);
  const qty = sql.ref(`${m}.qty`);
  const magnitude = sql`((abs(${qty}) * coalesce(${sql.ref(`${m}.unit_${of}_minor`)}, ${sql.ref(`${p}.${of}_minor`)}) + ${half}) / ${per})`;
  // Integer arithmetic throughout (sign() would turn it into floating point).
  return sql<number>`(CASE WHEN ${qty} > 0 THEN -${magnitude} ELSE ${magnitude} END)`;
}

/** Revenue (or cost) of sale-effect movements in minor units, line by line as the counter charges it (`lineTotalMinor`). */
export function saleRevenueSql(m: string, p: string, of: 'price' | 'cost' = 'price') {
  return sql<number>`coalesce(sum(${lineValueSql(m, p, of)}), 0)::bigint`;
}

/** What returns and voids took back: quantity and value (positive), of the sale-effect ADJUSTs. */
export function returnsSql(m: string, p: string) {
  const adjust = sql`${sql.ref(`${m}.kind`)} = 'ADJUST'`;
  return {
    qty: sql<number>`coalesce(sum(${sql.ref(`${m}.qty`)}) FILTER (WHERE ${adjust}), 0)::bigint`,
    minor: sql<number>`coalesce(-sum(${lineValueSql(m, p)}) FILTER (WHERE ${adjust}), 0)::bigint`,
    lines: sql<number>`count(*) FILTER (WHERE ${sql.ref(`${m}.kind`)} = 'SALE')::int`,
  };
}

/**
 * Rebuilds sales_daily (per store, day and product) and sales_daily_stores (per store and day,
 * what trends read) for whole days from the movement log: sales net of returns and voids
 * (saleEffectSql) become units sold, revenue, cost and what was returned. A store's day is its
 * own: from midnight to midnight in its time zone (23 or 25 hours across a clock change).
 * Delete-and-insert per day in one transaction, so a rerun (late movements arrive for days
 * already rolled up) converges, and reports read small tables.
 */
export async function rollupSales(db: Kysely<Database>, days: readonly string[]): Promise<number> {
  let rows = 0;
  const r = returnsSql('m', 'p');
  for (const day of [...new Set(days)].sort()) {
    rows += await db.transaction().execute(async (trx) => {
      await sql`DELETE FROM sales_daily WHERE day = ${day}::date`.execute(trx);
      await sql`DELETE FROM sales_daily_stores WHERE day = ${day}::date`.execute(trx);
      // The UTC window holds every zone's version of the day (offsets run from -12 h to +14 h), so
      // the time index narrows the scan before each store's own bounds are applied.
      const res = await sql`
        INSERT INTO sales_daily (store_id, day, product_id, qty_sold, revenue_minor, cost_minor, returned_qty, returns_minor, sales, updated_at)
        SELECT m.store_id, ${day}::date, m.product_id, sum(-m.qty), ${saleRevenueSql('m', 'p')}, ${saleRevenueSql('m', 'p', 'cost')}, ${r.qty}, ${r.minor}, ${r.lines}, now()
        FROM movements m
        JOIN stores s ON s.id = m.store_id
        JOIN products p ON p.id = m.product_id
        WHERE ${saleEffectSql('m')}
          AND m.occurred_at >= (${day}::date::timestamp AT TIME ZONE 'UTC') - interval '15 hours'
          AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC') + interval '15 hours'
          AND m.occurred_at >= (${day}::date::timestamp AT TIME ZONE s.time_zone)
          AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE s.time_zone)
        GROUP BY m.store_id, m.product_id`.execute(trx);
      await sql`
        INSERT INTO sales_daily_stores (store_id, day, qty_sold, revenue_minor, cost_minor, returned_qty, returns_minor, sales, updated_at)
        SELECT store_id, day, sum(qty_sold), sum(revenue_minor), sum(cost_minor), sum(returned_qty), sum(returns_minor), sum(sales), now()
        FROM sales_daily WHERE day = ${day}::date
        GROUP BY store_id, day`.execute(trx);
      return Number(res.numAffectedRows ?? 0);
    });
  }
  return rows;
}

/**
 * What the periodic rollup refreshes: yesterday, today and tomorrow by UTC, which covers today
 * and yesterday of every store whatever its zone (at 20:00 UTC it is already tomorrow in Lahore).
 */
export function recentDays(now: Date): string[] {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return [day(-1), day(0), day(1)];
}

/**
 * What the daily settling run refreshes: the last 35 days by UTC, so sales a counter pushes after
 * days offline (and returns of them) reach the rollups within a day.
 */
export function settleDays(now: Date, count = 35): string[] {
  return Array.from({ length: count }, (_, i) => new Date(now.getTime() - (count - 2 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** The days a periodic run at `now` refreshes: the recent ones, or (the first run of each UTC day) the settling window. */
export function rollupDaysAt(now: Date, everyMs: number): string[] {
  const day = (ms: number) => Math.floor(ms / 86_400_000);
  return day(now.getTime()) !== day(now.getTime() - everyMs) ? settleDays(now) : recentDays(now);
}
