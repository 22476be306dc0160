import type { MovementKind } from '@bazaar/shared';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import { lockScopes } from '../db/change-version';
import { prepared } from '../db/db.prepared';
import { STOCK_ROWS, stockUpsertCtes, type StockRowOut } from './stock.upsert-sql';

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
  unitPriceMinor: number | null;
  unitCostMinor: number | null;
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
  /** The batch and expiry day (YYYY-MM-DD) of goods coming in (migration 0014). */
  lot?: string | null;
  expiresOn?: string | null;
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
  /** The `alongside` columns, when they rode in the statement (not for a batch with a COUNT). */
  alongside?: Record<string, unknown>;
}

/** Other writes and reads of the caller to run inside the movements statement: "name AS (…)" CTEs and the columns they answer. */
export interface Alongside {
  ctes: RawBuilder<unknown>;
  columns: RawBuilder<unknown>;
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
 * Round trips: one statement (insert + upsert) for a batch without an applied COUNT, two for
 * one with (the upsert must then see the batch in the log), after the counters (lockScopes,
 * unless the caller passes the versions it took in an earlier statement of the transaction).
 *
 * Concurrency: lockScopes() bumps each store's change counter first, which holds that
 * store's counter row lock until commit, so writers of one store are serialised and every
 * statement below sees all previously committed movements (READ COMMITTED takes a fresh
 * snapshot per statement). Duplicates by id are skipped by ON CONFLICT (store_id, id) DO NOTHING (ids are unique per
 * store, the key a distribution by store_id can enforce); a (store_id, device_id, seq) that is already stored is an error, not a duplicate (pushBatch only inserts
 * seqs above the device's acknowledged one, under its row lock). Must run
 * inside a transaction.
 */
export async function applyMovements(
  trx: Transaction<Database>,
  movements: readonly MovementInput[],
  /** prepared: run as named prepared statements (db.prepared.ts); for small batches only. */
  opts: { versions?: ReadonlyMap<string, number>; prepared?: boolean; alongside?: Alongside } = {},
): Promise<ApplyResult> {
  if (movements.length === 0) return { inserted: [], stock: [] };
  // The store counters: bumped here, or already by the caller in an earlier statement (the sync
  // push takes them with its device row). Either way this call's statements start after the locks.
  const versions =
    opts.versions ??
    (await lockScopes(
      trx,
      movements.map((m) => m.storeId),
    ));
  const storeIds = [...new Set(movements.map((m) => m.storeId))].sort();
  const storeVersions = storeIds.map((s) => {
    const v = versions.get(s);
    if (v === undefined) throw new Error(`applyMovements: no version taken for store ${s}`);
    return v;
  });
  // Of one id given twice, the first is the one stored (unnest order); the second conflicted.
  const seen = new Set<string>();
  const unique = movements.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));

  const countsInBatch = unique.some((m) => m.kind === 'COUNT' && (m.status ?? 'applied') === 'applied');
  const { stored, rows, alongside } = countsInBatch
    ? await insertThenUpsert(trx, unique, storeIds, storeVersions)
    : await insertAndUpsert(trx, unique, storeIds, storeVersions, opts.prepared ?? false, opts.alongside);
  const inserted = unique.filter((m) => stored === null || stored.has(m.id));
  await writeBatchFacts(trx, inserted);
  return {
    inserted: inserted.map((m) => ({ id: m.id, storeId: m.storeId, productId: m.productId, status: m.status ?? 'applied' })),
    ...(alongside ? { alongside } : {}),
    stock: rows
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
        updatedAt: new Date(r.updated_at),
      }))
      .sort((a, b) => (a.storeId + a.productId < b.storeId + b.productId ? -1 : 1)),
  };
}

/**
 * Lot and expiry of the stock-ins just inserted, in their own statement and only when a batch
 * carries any: the insert every push runs stays as it was, and a push without batches pays nothing.
 */
async function writeBatchFacts(trx: Transaction<Database>, inserted: readonly MovementInput[]): Promise<void> {
  const dated = inserted.filter((m) => (m.lot ?? null) !== null || (m.expiresOn ?? null) !== null);
  if (!dated.length) return;
  await sql`
    UPDATE movements m SET lot = u.lot, expires_on = u.expires_on
    FROM unnest(${dated.map((m) => m.storeId)}::uuid[], ${dated.map((m) => m.id)}::uuid[], ${dated.map((m) => m.lot ?? null)}::text[], ${dated.map((m) => m.expiresOn ?? null)}::text[])
      AS u(store_id, id, lot, expires_on)
    WHERE m.store_id = u.store_id AND m.id = u.id`.execute(trx);
}

/** The movements as one unnest row source: (id, store_id, …, device_time), hlc in the "C" collation. */
function movementRows(movements: readonly MovementInput[]): RawBuilder<unknown> {
  const col = <T>(f: (m: MovementInput) => T) => movements.map(f);
  return sql`
    SELECT u.id, u.store_id, u.device_id, u.seq, u.hlc COLLATE "C" AS hlc, u.kind, u.product_id, u.qty, u.unit_price_minor, u.unit_cost_minor,
           u.reason, u.note, u.supplier_id, u.batch_id, u.user_id, u.occurred_at, u.status, u.reject_reason, u.device_hlc, u.device_time
    FROM unnest(
      ${col((m) => m.id)}::uuid[], ${col((m) => m.storeId)}::uuid[], ${col((m) => m.deviceId)}::uuid[],
      ${col((m) => m.seq)}::bigint[], ${col((m) => m.hlc)}::text[], ${col((m) => m.kind)}::text[],
      ${col((m) => m.productId)}::uuid[], ${col((m) => m.qty)}::bigint[], ${col((m) => m.unitPriceMinor)}::bigint[],
      ${col((m) => m.unitCostMinor)}::bigint[], ${col((m) => m.reason)}::text[], ${col((m) => m.note)}::text[],
      ${col((m) => m.supplierId)}::uuid[], ${col((m) => m.batchId)}::uuid[], ${col((m) => m.userId)}::uuid[],
      ${col((m) => (m.occurredAt instanceof Date ? m.occurredAt.toISOString() : m.occurredAt))}::timestamptz[],
      ${col((m) => m.status ?? 'applied')}::text[], ${col((m) => m.rejectReason ?? null)}::text[],
      ${col((m) => m.deviceHlc ?? null)}::text[],
      ${col((m) => (m.deviceTime instanceof Date ? m.deviceTime.toISOString() : (m.deviceTime ?? null)))}::timestamptz[]
    ) AS u(id, store_id, device_id, seq, hlc, kind, product_id, qty, unit_price_minor, unit_cost_minor,
           reason, note, supplier_id, batch_id, user_id, occurred_at, status, reject_reason, device_hlc, device_time)`;
}

// One arbiter, not all three unique indexes: a tenth of the insert's time.
const INSERT_MOVEMENTS = sql`
    INSERT INTO movements (id, store_id, device_id, seq, hlc, kind, product_id, qty, unit_price_minor, unit_cost_minor,
                           reason, note, supplier_id, batch_id, user_id, occurred_at, status, reject_reason, device_hlc, device_time)`;

interface Written {
  /** Ids stored, or null when every one was (duplicates are rare: their ids come back only then). */
  stored: Set<string> | null;
  rows: StockRowOut[];
  alongside?: Record<string, unknown>;
}

/**
 * The common case (no applied COUNT in the batch): the insert and the stock upsert in ONE
 * statement. The upsert's snapshot does not see the rows the INSERT CTE writes, so it reads the
 * batch from the same row source (joined to what was stored, so a duplicate id never counts)
 * and the stored log for the rest (stockUpsertCtes with batchInLog false).
 */
async function insertAndUpsert(
  trx: Transaction<Database>,
  movements: readonly MovementInput[],
  storeIds: string[],
  storeVersions: number[],
  named: boolean,
  alongside: Alongside | undefined,
): Promise<Written> {
  const { rows } = await sql<{ n: number; ids: string[] | null; stock: StockRowOut[] | null } & Record<string, unknown>>`${prepared(named)}
    WITH src AS (${movementRows(movements)}),
    ins AS (${INSERT_MOVEMENTS} SELECT * FROM src ON CONFLICT (store_id, id) DO NOTHING RETURNING id),
    batch AS (SELECT s.store_id, s.product_id, s.id, s.hlc, s.kind, s.qty FROM src s JOIN ins ON ins.id = s.id WHERE s.status = 'applied'),
    ${alongside ? sql`${alongside.ctes},` : sql``}
    ${stockUpsertCtes(storeIds, storeVersions, false)}
    SELECT (SELECT count(*)::int FROM ins) AS n,
           CASE WHEN (SELECT count(*) FROM ins) < ${movements.length}::int THEN (SELECT array_agg(id) FROM ins) END AS ids,
           (SELECT json_agg(r) FROM (${STOCK_ROWS}) r) AS stock${alongside ? sql`, ${alongside.columns}` : sql``}`.execute(trx);
  const { n, ids, stock, ...rest } = rows[0]!;
  return { stored: n === movements.length ? null : new Set(ids ?? []), rows: stock ?? [], ...(alongside ? { alongside: rest } : {}) };
}

/**
 * A batch that brings a COUNT: the insert first, on its own, so that the upsert's snapshot sees
 * the batch in the log (the latest count and the sums after it).
 */
async function insertThenUpsert(trx: Transaction<Database>, movements: readonly MovementInput[], storeIds: string[], storeVersions: number[]): Promise<Written> {
  // Answers one row: how many were stored, and which only when some were not (duplicates are
  // rare, and 1,000 returned rows cost more to parse than the rest of the answer).
  const { rows: counted } = await sql<{ n: number; ids: string[] | null }>`
    WITH ins AS (${INSERT_MOVEMENTS} ${movementRows(movements)} ON CONFLICT (store_id, id) DO NOTHING RETURNING id)
    SELECT count(*)::int AS n, CASE WHEN count(*) < ${movements.length}::int THEN array_agg(id) END AS ids FROM ins`.execute(trx);
  const { n, ids } = counted[0]!;
  const stored = n === movements.length ? null : new Set(ids ?? []);
  const appliedIds = movements.filter((m) => (m.status ?? 'applied') === 'applied' && (stored === null || stored.has(m.id))).map((m) => m.id);
  if (appliedIds.length === 0) return { stored, rows: [] };
  const { rows } = await sql<StockRowOut>`
    WITH batch AS (
      SELECT m.store_id, m.product_id, m.id, m.hlc, m.kind, m.qty
      FROM movements m
      WHERE m.id = ANY(${appliedIds}::uuid[]) AND m.status = 'applied'
    ),
    ${stockUpsertCtes(storeIds, storeVersions, true)}
    ${STOCK_ROWS}`.execute(trx);
  return { stored, rows };
}
