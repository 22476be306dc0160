import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';

export const rollupSalesJob = z.object({
  /** Calendar days, YYYY-MM-DD: each store's own day of that date, in its time zone. */
  days: z.array(z.iso.date()).min(1).max(400),
});

/**
 * Revenue (or cost) of sale movements in paise, line by line as the counter charges it (`lineTotalPaise`):
 * weighed and measured goods are priced per kg or L, so their grams × price is divided by 1,000
 * with half-up rounding on each line before the sum.
 */
export function saleRevenueSql(m: string, p: string, of: 'price' | 'cost' = 'price') {
  const per = sql.raw(`(CASE WHEN ${p}.unit = 'pc' THEN 1 ELSE 1000 END)`);
  const half = sql.raw(`(CASE WHEN ${p}.unit = 'pc' THEN 0 ELSE 500 END)`);
  return sql<number>`sum(((-${sql.ref(`${m}.qty`)}) * coalesce(${sql.ref(`${m}.unit_${of}_paise`)}, ${sql.ref(`${p}.${of}_paise`)}) + ${half}) / ${per})::bigint`;
}

/**
 * Rebuilds sales_daily for whole days from the movement log: SALE movements (negative qty)
 * become units sold and revenue. A store's day is its own: from midnight to midnight in its time
 * zone (23 or 25 hours across a clock change). Delete-and-insert per day in one transaction, so
 * a rerun (late movements arrive for days already rolled up) converges, and reports read a
 * small table.
 */
export async function rollupSales(db: Kysely<Database>, days: readonly string[]): Promise<number> {
  let rows = 0;
  for (const day of [...new Set(days)].sort()) {
    rows += await db.transaction().execute(async (trx) => {
      await sql`DELETE FROM sales_daily WHERE day = ${day}::date`.execute(trx);
      // The UTC window holds every zone's version of the day (offsets run from -12 h to +14 h), so
      // the time index narrows the scan before each store's own bounds are applied.
      const r = await sql`
        INSERT INTO sales_daily (store_id, day, product_id, qty_sold, revenue_paise, sales, updated_at)
        SELECT m.store_id, ${day}::date, m.product_id, sum(-m.qty), ${saleRevenueSql('m', 'p')}, count(*), now()
        FROM movements m
        JOIN stores s ON s.id = m.store_id
        JOIN products p ON p.id = m.product_id
        WHERE m.kind = 'SALE' AND m.status = 'applied'
          AND m.occurred_at >= (${day}::date::timestamp AT TIME ZONE 'UTC') - interval '15 hours'
          AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC') + interval '15 hours'
          AND m.occurred_at >= (${day}::date::timestamp AT TIME ZONE s.time_zone)
          AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE s.time_zone)
        GROUP BY m.store_id, m.product_id`.execute(trx);
      return Number(r.numAffectedRows ?? 0);
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
