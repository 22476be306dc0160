import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { valueSql } from './margins.routes';

/**
 * Stock lost on one store-local day, per store, product and reason, in minor units at cost: each
 * removal (REMOVE) at the cost it carried, else the store's moving-average cost; and each count
 * that found less than the merge rule gives just before it (the count before it plus the deltas
 * between), the shortfall at the moving-average cost. `m` is the movement, `s` its store.
 */
function lossesSql(inDay: ReturnType<typeof sql>) {
  const current = sql`coalesce(pc.cost_minor, p.cost_minor)`;
  return sql`
    SELECT m.store_id, m.product_id, coalesce(m.reason, 'other') AS reason, ${valueSql(sql`(-m.qty)`, sql`coalesce(m.unit_cost_minor, ${current})`, sql.ref('p.unit'))} AS cost
    FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
    LEFT JOIN product_costs pc ON pc.store_id = m.store_id AND pc.product_id = m.product_id
    WHERE m.kind = 'REMOVE' AND m.status = 'applied' AND m.qty < 0 AND ${inDay}
    UNION ALL
    SELECT m.store_id, m.product_id, 'count', ${valueSql(sql`(before.qty - m.qty)`, current, sql.ref('p.unit'))}
    FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
    LEFT JOIN product_costs pc ON pc.store_id = m.store_id AND pc.product_id = m.product_id
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
    WHERE m.kind = 'COUNT' AND m.status = 'applied' AND m.qty < before.qty AND ${inDay}`;
}

/**
 * Rebuilds shrinkage_daily for whole days from the movement log (each store's own day, as
 * sales_daily is): delete and insert per day in one transaction, so a rerun after late movements
 * converges. Run with the sales rollup; the shrinkage report reads it.
 */
export async function rollupShrinkage(db: Kysely<Database>, days: readonly string[]): Promise<number> {
  let rows = 0;
  for (const day of [...new Set(days)].sort()) {
    const inDay = sql`m.occurred_at >= (${day}::date::timestamp AT TIME ZONE 'UTC') - interval '15 hours'
      AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC') + interval '15 hours'
      AND m.occurred_at >= (${day}::date::timestamp AT TIME ZONE s.time_zone)
      AND m.occurred_at < ((${day}::date + 1)::timestamp AT TIME ZONE s.time_zone)`;
    rows += await db.transaction().execute(async (trx) => {
      await sql`DELETE FROM shrinkage_daily WHERE day = ${day}::date`.execute(trx);
      const res = await sql`
        INSERT INTO shrinkage_daily (store_id, day, product_id, reason, events, cost_minor, updated_at)
        SELECT x.store_id, ${day}::date, x.product_id, x.reason, count(*), sum(x.cost), now()
        FROM (${lossesSql(inDay)}) x
        GROUP BY x.store_id, x.product_id, x.reason`.execute(trx);
      return Number(res.numAffectedRows ?? 0);
    });
  }
  return rows;
}
