import { uuidv7 } from '@bazaar/shared';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database, NewConflict } from '../db/database.types';
import type { MovementInput, StockChange } from './stock.apply';

/** A conflict as the write paths raise it: open, details as JSON text. */
export type OpenConflict = Required<Pick<NewConflict, 'store_id' | 'id' | 'kind' | 'product_id' | 'movement_id' | 'device_id'>> & {
  details: string;
};

/**
 * Store conflicts in one statement whatever their number: a backlog push can raise hundreds
 * (one LATE_MOVEMENT_ABSORBED per counted product), and a VALUES list of 7 parameters a row
 * costs more to build, send and plan than the insert itself.
 */
export async function insertConflicts(trx: Transaction<Database>, conflicts: readonly OpenConflict[]): Promise<void> {
  if (conflicts.length === 0) return;
  await conflictsInsertSql(conflicts).execute(trx);
}

/** The INSERT of insertConflicts, to run on its own or as a CTE of a statement that writes more. */
export function conflictsInsertSql(conflicts: readonly OpenConflict[]): RawBuilder<unknown> {
  const col = <T>(f: (c: OpenConflict) => T) => conflicts.map(f);
  return sql`
    INSERT INTO conflicts (store_id, id, kind, product_id, movement_id, device_id, details)
    SELECT store_id, id, kind, product_id, movement_id, device_id, details::jsonb FROM unnest(
      ${col((c) => c.store_id)}::uuid[], ${col((c) => c.id)}::uuid[], ${col((c) => c.kind)}::text[],
      ${col((c) => c.product_id)}::uuid[], ${col((c) => c.movement_id)}::uuid[], ${col((c) => c.device_id)}::uuid[],
      ${col((c) => c.details)}::text[]
    ) AS c(store_id, id, kind, product_id, movement_id, device_id, details)`;
}

const keyOf = (storeId: string, productId: string) => `${storeId}/${productId}`;

/**
 * Conflicts the stock effect of movements can raise, recorded (not refused) for managers:
 * stock that went below zero (the sale happened; someone must look), and a count whose
 * variance exceeds the store's limit for the product (countVarianceLimit: pieces, or a share of
 * the stock of loose goods). Linear in changes + movements (a push brings 1,000).
 */
export function stockConflicts<M extends MovementInput>(
  changes: readonly StockChange[],
  movements: readonly M[],
  varianceLimit: (m: M, variance: number) => number,
): OpenConflict[] {
  const conflicts: OpenConflict[] = [];
  const firstDelta = new Map<string, MovementInput>();
  for (const m of movements) {
    const k = keyOf(m.storeId, m.productId);
    if (m.kind !== 'COUNT' && !firstDelta.has(k)) firstDelta.set(k, m);
  }
  const changeByKey = new Map<string, StockChange>();
  for (const s of changes) {
    changeByKey.set(keyOf(s.storeId, s.productId), s);
    if (s.qty < 0 && s.prevQty >= 0) {
      const cause = firstDelta.get(keyOf(s.storeId, s.productId));
      conflicts.push({
        store_id: s.storeId,
        id: uuidv7(),
        kind: 'NEGATIVE_STOCK',
        product_id: s.productId,
        movement_id: cause?.id ?? null,
        device_id: cause?.deviceId ?? null,
        details: JSON.stringify({ qty: s.qty, previousQty: s.prevQty }),
      });
    }
  }
  for (const m of movements) {
    if (m.kind !== 'COUNT') continue;
    const s = changeByKey.get(keyOf(m.storeId, m.productId));
    if (!s || s.lastCountMovementId !== m.id || s.lastCountVariance === null) continue;
    const threshold = varianceLimit(m, s.lastCountVariance);
    if (Math.abs(s.lastCountVariance) > threshold) {
      conflicts.push({
        store_id: m.storeId,
        id: uuidv7(),
        kind: 'COUNT_VARIANCE',
        product_id: m.productId,
        movement_id: m.id,
        device_id: m.deviceId,
        details: JSON.stringify({ counted: m.qty, variance: s.lastCountVariance, threshold }),
      });
    }
  }
  return conflicts;
}

/** stockConflicts, stored in the caller's transaction. */
export async function recordStockConflicts(
  trx: Transaction<Database>,
  changes: readonly StockChange[],
  movements: readonly MovementInput[],
  varianceLimit: (m: MovementInput, variance: number) => number,
): Promise<OpenConflict[]> {
  const conflicts = stockConflicts(changes, movements, varianceLimit);
  await insertConflicts(trx, conflicts);
  return conflicts;
}
