import type { MovementKind } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import { lockScopes } from '../db/change-version';

/** One movement to store: from the web (no device) or from a device push. */
export interface MovementInput {
  id: string;
  storeId: string;
  deviceId: string | null;
  seq: number | null;
  hlc: string;
  kind: MovementKind;
  productId: string;
  /** Signed delta; for COUNT the counted absolute. */
  qty: number;
  unitPricePaise: number | null;
  unitCostPaise: number | null;
  reason: string | null;
  note: string | null;
  supplierId: string | null;
  batchId: string | null;
  userId: string | null;
  occurredAt: string | Date;
  /** Device movements: the stamp the device's clock first issued (hlc is the one ordered by). */
  deviceHlc?: string | null;
  /** Device movements: the device's own clock reading (occurredAt is the corrected time). */
  deviceTime?: string | Date | null;
  /** Rejected movements are kept for review but never touch stock. Default applied. */
  status?: 'applied' | 'rejected';
  rejectReason?: string | null;
}

export interface StockChange {
  storeId: string;
  productId: string;
  qty: number;
  prevQty: number;
  reorderLevel: number;
  lastCountHlc: string | null;
  lastCountMovementId: string | null;
  lastCountQty: number | null;
  lastCountVariance: number | null;
  version: number;
  updatedAt: Date;
}

export interface ApplyResult {
  /** Ids this call stored (the rest were duplicates by id). */
  inserted: { id: string; storeId: string; productId: string; status: 'applied' | 'rejected' }[];
  /** Stock rows touched by the newly applied movements, after the change. */
  stock: StockChange[];
}

/**
 * THE hub implementation of the shared merge rule, for a whole batch in a handful of
 * statements (no per-movement round trips): stock = latest COUNT by (hlc, id) plus the
 * deltas after it; deltas before it are absorbed into its variance.
 *
 * Incremental in the common case (a delta after the latest count just adds). Deltas that
 * land before the latest count (a device catching up) move that count's variance by their
 * sum after the previous count. Only when a batch brings a newer COUNT does it sum the log
 * after that count, and only when a batch brings a count older than the latest does it
 * recompute the latest count's variance from the log between the previous count and it.
 * Tested against mergeStock (stock.apply.test.ts).
 *
 * Concurrency: lockScopes() bumps each store's change counter first, which holds that
 * store's counter row lock until commit, so writers of one store are serialised and every
 * statement below sees all previously committed movements (READ COMMITTED takes a fresh
 * snapshot per statement). Duplicates by id are skipped by ON CONFLICT (id) DO NOTHING; a
 * (device_id, seq) that is already stored is an error, not a duplicate (pushBatch only inserts
 * seqs above the device's acknowledged one, under its row lock). Must run
 * inside a transaction.
 */
export async function applyMovements(trx: Transaction<Database>, movements: readonly MovementInput[]): Promise<ApplyResult> {
  if (movements.length === 0) return { inserted: [], stock: [] };
  const versions = await lockScopes(
    trx,
    movements.map((m) => m.storeId),
  );

  const col = <T>(f: (m: MovementInput) => T) => movements.map(f);
  // Answers one row: how many were stored, and which only when some were not (duplicates are
  // rare, and 1,000 returned rows cost more to parse than the rest of the answer).
  const { rows: counted } = await sql<{ n: number; ids: string[] | null }>`
    WITH ins AS (
    INSERT INTO movements (id, store_id, device_id, seq, hlc, kind, product_id, qty, unit_price_paise, unit_cost_paise,
                           reason, note, supplier_id, batch_id, user_id, occurred_at, status, reject_reason, device_hlc, device_time)
    SELECT * FROM unnest(
      ${col((m) => m.id)}::uuid[], ${col((m) => m.storeId)}::uuid[], ${col((m) => m.deviceId)}::uuid[],
      ${col((m) => m.seq)}::bigint[], ${col((m) => m.hlc)}::text[], ${col((m) => m.kind)}::text[],
      ${col((m) => m.productId)}::uuid[], ${col((m) => m.qty)}::bigint[], ${col((m) => m.unitPricePaise)}::bigint[],
      ${col((m) => m.unitCostPaise)}::bigint[], ${col((m) => m.reason)}::text[], ${col((m) => m.note)}::text[],
      ${col((m) => m.supplierId)}::uuid[], ${col((m) => m.batchId)}::uuid[], ${col((m) => m.userId)}::uuid[],
      ${col((m) => (m.occurredAt instanceof Date ? m.occurredAt.toISOString() : m.occurredAt))}::timestamptz[],
      ${col((m) => m.status ?? 'applied')}::text[], ${col((m) => m.rejectReason ?? null)}::text[],
      ${col((m) => m.deviceHlc ?? null)}::text[],
      ${col((m) => (m.deviceTime instanceof Date ? m.deviceTime.toISOString() : (m.deviceTime ?? null)))}::timestamptz[]
    )
    -- One arbiter, not all three unique indexes: a tenth of the insert's time.
    ON CONFLICT (id) DO NOTHING
    RETURNING id)
    SELECT count(*)::int AS n, CASE WHEN count(*) < ${movements.length}::int THEN array_agg(id) END AS ids FROM ins`.execute(trx);
  const { n, ids } = counted[0]!;
  const stored = n === movements.length ? null : new Set(ids ?? []);
  // Of one id given twice, the first is the one stored (unnest order); the second conflicted.
  const seen = new Set<string>();
  const inserted = movements.filter((m) => {
    if (seen.has(m.id)) return false;
    seen.add(m.id);
    return stored === null || stored.has(m.id);
  });

  const result: ApplyResult = {
    inserted: inserted.map((m) => ({ id: m.id, storeId: m.storeId, productId: m.productId, status: m.status ?? 'applied' })),
    stock: [],
  };
  const appliedIds = inserted.filter((m) => (m.status ?? 'applied') === 'applied').map((m) => m.id);
  if (appliedIds.length === 0) return result;

  const storeIds = [...versions.keys()];
  const storeVersions = storeIds.map((s) => versions.get(s)!);

  // One statement for every touched stock row, new or not: a new row is written once with its
  // final quantity (no insert-then-update, no second pass over the batch), and its reorder
  // level starts from the product's default. The movements INSERT above is a statement of its
  // own on purpose: this one's snapshot must see the batch in the log (latest count, sums).
  const { rows } = await sql<{
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
    updated_at: Date;
  }>`
    WITH batch AS (
      SELECT m.store_id, m.product_id, m.id, m.hlc, m.kind, m.qty
      FROM movements m
      WHERE m.id = ANY(${appliedIds}::uuid[]) AND m.status = 'applied'
    ),
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
              AND m.status = 'applied' AND m.kind <> 'COUNT' AND (m.hlc, m.id) > (a.chlc, a.cid))
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
                AND (pc.id IS NULL OR (m.hlc, m.id) > (pc.hlc, pc.id)))
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
    )
    SELECT up.*, calc.prev_qty FROM up JOIN calc ON calc.store_id = up.store_id AND calc.product_id = up.product_id`.execute(trx);

  result.stock = rows
    .map((r) => ({
      storeId: r.store_id,
      productId: r.product_id,
      qty: Number(r.qty),
      prevQty: Number(r.prev_qty),
      reorderLevel: Number(r.reorder_level),
      lastCountHlc: r.last_count_hlc,
      lastCountMovementId: r.last_count_movement_id,
      lastCountQty: r.last_count_qty === null ? null : Number(r.last_count_qty),
      lastCountVariance: r.last_count_variance === null ? null : Number(r.last_count_variance),
      version: Number(r.version),
      updatedAt: r.updated_at,
    }))
    .sort((a, b) => (a.storeId + a.productId < b.storeId + b.productId ? -1 : 1));
  return result;
}
