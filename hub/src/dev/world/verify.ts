import { mergeStock, type MovementKind } from '@bazaar/shared';
import type { Conn } from './sink';

export interface ConsistencyReport {
  stockRows: number;
  /** Stock rows whose qty differs from the merge rule over their movements (set-based, every row). */
  mismatchedRows: number;
  /** Rows checked one by one with the shared mergeStock oracle. */
  sampled: number;
  sampleMismatches: { storeId: string; productId: string; stock: number; mergeRule: number }[];
  /** Devices whose seqs are not 1..last_seq without gaps. */
  seqGaps: number;
  /** Stores whose maintained low/out counters (store_stock_counts) differ from a recount; null before migration 0004. */
  countMismatches: number | null;
}

/**
 * Is the stock table what the merge rule says of the movements? Every row set-based in SQL,
 * and a sample through the shared mergeStock itself (the oracle every implementation answers to).
 */
export async function checkConsistency(conn: Conn, sample = 200): Promise<ConsistencyReport> {
  const [all] = await conn.query<{ rows: number; bad: number }>(`
    WITH lc AS (
      SELECT DISTINCT ON (store_id, product_id) store_id, product_id, hlc, id, qty
      FROM movements WHERE kind = 'COUNT' AND status = 'applied'
      ORDER BY store_id, product_id, hlc DESC, id DESC
    ),
    d AS (
      SELECT m.store_id, m.product_id, sum(m.qty) AS delta
      FROM movements m LEFT JOIN lc ON lc.store_id = m.store_id AND lc.product_id = m.product_id
      WHERE m.kind <> 'COUNT' AND m.status = 'applied' AND (lc.id IS NULL OR (m.hlc, m.id) > (lc.hlc, lc.id))
      GROUP BY m.store_id, m.product_id
    )
    SELECT count(*)::int AS rows,
           count(*) FILTER (WHERE s.qty <> coalesce(lc.qty, 0) + coalesce(d.delta, 0)
                              OR s.last_count_movement_id IS DISTINCT FROM lc.id)::int AS bad
    FROM stock s
    LEFT JOIN lc ON lc.store_id = s.store_id AND lc.product_id = s.product_id
    LEFT JOIN d ON d.store_id = s.store_id AND d.product_id = s.product_id`);

  const picks = await conn.query<{ store_id: string; product_id: string; qty: number }>(
    `SELECT store_id, product_id, qty::float8 AS qty FROM stock TABLESAMPLE SYSTEM (10) LIMIT $1`,
    [sample],
  );
  const sampleMismatches: ConsistencyReport['sampleMismatches'] = [];
  for (const p of picks) {
    const ms = await conn.query<{ id: string; kind: MovementKind; qty: number; hlc: string }>(
      `SELECT id, kind, qty::float8 AS qty, hlc FROM movements WHERE store_id = $1 AND product_id = $2 AND status = 'applied'`,
      [p.store_id, p.product_id],
    );
    const merged = mergeStock(ms.map((m) => ({ id: m.id, kind: m.kind, qty: Number(m.qty), hlc: m.hlc })));
    if (merged.qty !== Number(p.qty)) sampleMismatches.push({ storeId: p.store_id, productId: p.product_id, stock: Number(p.qty), mergeRule: merged.qty });
  }

  const [gaps] = await conn.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM (
      SELECT d.id FROM devices d LEFT JOIN movements m ON m.device_id = d.id
      GROUP BY d.id, d.last_seq
      HAVING count(m.id) <> d.last_seq OR coalesce(max(m.seq), 0) <> d.last_seq OR coalesce(min(m.seq), 1) <> 1
    ) g`);
  const [countsTable] = await conn.query<{ t: string | null }>(`SELECT to_regclass('store_stock_counts')::text AS t`);
  let countMismatches: number | null = null;
  if (countsTable?.t) {
    const [counts] = await conn.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM (
        SELECT s.id, count(k.product_id) AS products,
          count(k.product_id) FILTER (WHERE k.qty > 0 AND k.qty <= k.reorder_level) AS low, count(k.product_id) FILTER (WHERE k.qty <= 0) AS out
        FROM stores s LEFT JOIN stock k ON k.store_id = s.id
        GROUP BY s.id
      ) r LEFT JOIN store_stock_counts c ON c.store_id = r.id
      WHERE (coalesce(c.products, 0), coalesce(c.low, 0), coalesce(c.out_of_stock, 0)) <> (r.products, r.low, r.out)`);
    countMismatches = counts?.n ?? 0;
  }
  return { stockRows: all?.rows ?? 0, mismatchedRows: all?.bad ?? 0, sampled: picks.length, sampleMismatches, seqGaps: gaps?.n ?? 0, countMismatches };
}
