import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';

export const rollupSalesJob = z.object({
  /** UTC days, YYYY-MM-DD. */
  days: z.array(z.iso.date()).min(1).max(400),
});

/**
 * Rebuilds sales_daily for whole UTC days from the movement log: SALE movements (negative
 * qty) become units sold and revenue. Delete-and-insert per day in one transaction, so a rerun
 * (late movements arrive for days already rolled up) converges, and reports read a small table.
 */
export async function rollupSales(db: Kysely<Database>, days: readonly string[]): Promise<number> {
  let rows = 0;
  for (const day of [...new Set(days)].sort()) {
    rows += await db.transaction().execute(async (trx) => {
      await sql`DELETE FROM sales_daily WHERE day = ${day}::date`.execute(trx);
      const r = await sql`
        INSERT INTO sales_daily (store_id, day, product_id, qty_sold, revenue_paise, sales, updated_at)
        SELECT m.store_id, ${day}::date, m.product_id, sum(-m.qty), sum(-m.qty * coalesce(m.unit_price_paise, 0)), count(*), now()
        FROM movements m
        WHERE m.kind = 'SALE' AND m.status = 'applied'
          AND m.occurred_at >= (${day}::date::timestamp AT TIME ZONE 'UTC')
          AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')
        GROUP BY m.store_id, m.product_id`.execute(trx);
      return Number(r.numAffectedRows ?? 0);
    });
  }
  return rows;
}

/** Today and yesterday (UTC): what the periodic rollup refreshes. */
export function recentDays(now: Date): string[] {
  const today = now.toISOString().slice(0, 10);
  const y = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  return [y, today];
}
