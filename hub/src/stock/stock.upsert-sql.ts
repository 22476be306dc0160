import { sql, type RawBuilder } from 'kysely';

/** A stock row after a write, as the upsert returns it (with the quantity before). */
export interface StockRowOut {
  store_id: string;
  product_id: string;
  qty: number;
  prev_qty: number;
  reorder_level: number;
  last_count_hlc: string | null;
  last_count_movement_id: string | null;
  last_count_qty: number | null;
  last_count_variance: number | null;
  version: number;
  updated_at: Date | string;
}

/**
 * The merge rule's stock upsert as CTEs after a CTE named `batch` (store_id, product_id, id, hlc,
 * kind, qty: the newly applied movements), ending in `up` (the written rows); select the answer
 * with STOCK_ROWS. One statement for every touched stock row, new or not: a new row is written
 * once with its final quantity, and its reorder level starts from the product's default.
 *
 * `batchInLog`: whether this statement's snapshot sees the batch in the movements table (the
 * INSERT ran as a statement of its own before). When it does not (the INSERT is a CTE of the
 * same statement), the sums over the stored log add the batch's own part, which is only exact
 * for a batch without an applied COUNT: applyMovements uses that form only then.
 */
export function stockUpsertCtes(storeIds: readonly string[], storeVersions: readonly number[], batchInLog: boolean): RawBuilder<unknown> {
  const inBatch = (part: RawBuilder<unknown>) => (batchInLog ? sql`` : part);
  return sql`
    -- Each touched key with its stock row (none yet for a first movement) and its latest
    -- count from the log. Materialized so the lookups run once per key: inlined, the planner
    -- joins the batch first and repeats them for every movement.
    cur AS MATERIALIZED (
      SELECT k.store_id, k.product_id, s.store_id IS NULL AS is_new, coalesce(s.qty, 0) AS qty,
             s.last_count_movement_id, s.last_count_variance,
             c.id AS cid, c.hlc AS chlc, c.qty AS cqty
      FROM (SELECT DISTINCT store_id, product_id FROM batch) k
      LEFT JOIN stock s ON s.store_id = k.store_id AND s.product_id = k.product_id
      LEFT JOIN LATERAL (
        SELECT m.id, m.hlc, m.qty FROM movements m
        WHERE m.store_id = k.store_id AND m.product_id = k.product_id
          AND m.kind = 'COUNT' AND m.status = 'applied'
        ORDER BY m.hlc DESC, m.id DESC
        LIMIT 1
      ) c ON true
    ),
    -- The batch aggregated ONCE per key against that key's latest count, carrying the stock
    -- row's columns through the GROUP BY so nothing joins back to the aggregate. Correlated
    -- sub-selects over the batch (or a join back to an aggregate CTE, which the planner may
    -- re-run per row since it cannot estimate CTE sizes) cost keys x batch. Every cur key
    -- has batch rows, so the inner join keeps all of them. Without a count the row
    -- comparisons yield NULL (after_sum 0, any_before false), but calc reads neither then.
    agg AS (
      SELECT c.store_id, c.product_id, c.is_new, c.qty AS prev_qty, c.last_count_movement_id, c.last_count_variance,
        c.cid, c.chlc, c.cqty,
        coalesce(sum(b.qty), 0) AS all_sum,
        coalesce(sum(b.qty) FILTER (WHERE b.kind <> 'COUNT' AND (b.hlc, b.id) > (c.chlc, c.cid)), 0) AS after_sum,
        coalesce(bool_or((b.hlc, b.id) < (c.chlc, c.cid)), false) AS any_before,
        bool_or(b.kind = 'COUNT') AS batch_has_count,
        -- The batch's deltas before the latest count, for its variance (a backlog brings many).
        array_agg(b.hlc) FILTER (WHERE b.kind <> 'COUNT' AND (b.hlc, b.id) < (c.chlc, c.cid)) AS before_hlc,
        array_agg(b.id) FILTER (WHERE b.kind <> 'COUNT' AND (b.hlc, b.id) < (c.chlc, c.cid)) AS before_id,
        array_agg(b.qty) FILTER (WHERE b.kind <> 'COUNT' AND (b.hlc, b.id) < (c.chlc, c.cid)) AS before_qty
      FROM cur c JOIN batch b ON b.store_id = c.store_id AND b.product_id = c.product_id
      GROUP BY c.store_id, c.product_id, c.is_new, c.qty, c.last_count_movement_id, c.last_count_variance, c.cid, c.chlc, c.cqty
    ),
    calc AS (
      SELECT a.store_id, a.product_id, a.is_new, a.prev_qty, a.cid, a.chlc, a.cqty,
        CASE
          WHEN a.cid IS NULL THEN a.prev_qty + a.all_sum
          -- Rare: the batch brought a newer count, so sum the stored log after it.
          WHEN a.cid IS DISTINCT FROM a.last_count_movement_id THEN a.cqty + (
            SELECT coalesce(sum(m.qty), 0) FROM movements m
            WHERE m.store_id = a.store_id AND m.product_id = a.product_id
              AND m.status = 'applied' AND m.kind <> 'COUNT' AND (m.hlc, m.id) > (a.chlc, a.cid)) ${inBatch(sql`+ a.after_sum`)}
          ELSE a.prev_qty + a.after_sum
        END AS new_qty,
        CASE
          WHEN a.cid IS NULL THEN NULL
          -- Deltas landed before the latest count (an offline device catching up) and the
          -- batch brought no count of this key: the previous count is unchanged, so the
          -- variance just absorbs those of them after it.
          WHEN a.cid = a.last_count_movement_id AND a.any_before AND NOT a.batch_has_count
          THEN a.last_count_variance - (
            SELECT coalesce(sum(x.qty), 0)
            FROM unnest(a.before_hlc, a.before_id, a.before_qty) AS x(hlc, id, qty)
            LEFT JOIN LATERAL (
              SELECT m.id, m.hlc FROM movements m
              WHERE m.store_id = a.store_id AND m.product_id = a.product_id
                AND m.kind = 'COUNT' AND m.status = 'applied' AND (m.hlc, m.id) < (a.chlc, a.cid)
              ORDER BY m.hlc DESC, m.id DESC
              LIMIT 1
            ) pc ON true
            WHERE pc.id IS NULL OR (x.hlc COLLATE "C", x.id) > (pc.hlc, pc.id))
          -- Rare: a newer count, or a count landed before the latest one, so recompute the
          -- variance from the stored log between the previous count and the latest.
          WHEN a.cid IS DISTINCT FROM a.last_count_movement_id OR a.any_before
          THEN a.cqty - (
            SELECT coalesce(pc.qty, 0) + (
              SELECT coalesce(sum(m.qty), 0) FROM movements m
              WHERE m.store_id = a.store_id AND m.product_id = a.product_id
                AND m.status = 'applied' AND m.kind <> 'COUNT'
                AND (m.hlc, m.id) < (a.chlc, a.cid)
                AND (pc.id IS NULL OR (m.hlc, m.id) > (pc.hlc, pc.id))) ${inBatch(sql`+ (
              SELECT coalesce(sum(x.qty), 0) FROM unnest(a.before_hlc, a.before_id, a.before_qty) AS x(hlc, id, qty)
              WHERE pc.id IS NULL OR (x.hlc COLLATE "C", x.id) > (pc.hlc, pc.id))`)}
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (
              SELECT m.id, m.hlc, m.qty FROM movements m
              WHERE m.store_id = a.store_id AND m.product_id = a.product_id
                AND m.kind = 'COUNT' AND m.status = 'applied' AND (m.hlc, m.id) < (a.chlc, a.cid)
              ORDER BY m.hlc DESC, m.id DESC
              LIMIT 1
            ) pc ON true)
          ELSE a.last_count_variance
        END AS new_variance
      FROM agg a
    ),
    v AS (SELECT * FROM unnest(${storeIds}::uuid[], ${storeVersions}::bigint[]) AS v(store_id, version)),
    up AS (
      INSERT INTO stock AS s (store_id, product_id, qty, reorder_level, last_count_hlc, last_count_movement_id,
                              last_count_qty, last_count_variance, version, updated_at)
      SELECT calc.store_id, calc.product_id, calc.new_qty,
        -- Ignored for an existing row (DO UPDATE leaves its reorder level alone).
        CASE WHEN calc.is_new THEN coalesce((SELECT pr.reorder_level FROM products pr WHERE pr.id = calc.product_id), 0) ELSE 0 END,
        calc.chlc, calc.cid, calc.cqty, calc.new_variance, v.version, now()
      FROM calc JOIN v ON v.store_id = calc.store_id
      ORDER BY calc.store_id, calc.product_id
      ON CONFLICT (store_id, product_id) DO UPDATE SET
        qty = excluded.qty,
        last_count_hlc = excluded.last_count_hlc,
        last_count_movement_id = excluded.last_count_movement_id,
        last_count_qty = excluded.last_count_qty,
        last_count_variance = excluded.last_count_variance,
        version = excluded.version,
        updated_at = excluded.updated_at
      RETURNING s.store_id, s.product_id, s.qty, s.reorder_level, s.last_count_hlc, s.last_count_movement_id,
                s.last_count_qty, s.last_count_variance, s.version, s.updated_at
    )`;
}

/** The answer of a statement built on stockUpsertCtes: each written row with its quantity before. */
export const STOCK_ROWS = sql`SELECT up.*, calc.prev_qty FROM up JOIN calc ON calc.store_id = up.store_id AND calc.product_id = up.product_id`;
