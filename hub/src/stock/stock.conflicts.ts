import { uuidv7 } from '@bazaar/shared';
import type { Transaction } from 'kysely';
import type { Database, NewConflict } from '../db/database.types';
import type { MovementInput, StockChange } from './stock.apply';

const keyOf = (storeId: string, productId: string) => `${storeId}/${productId}`;

/**
 * Conflicts the stock effect of movements can raise, recorded (not refused) for managers:
 * stock that went below zero (the sale happened; someone must look), and a count whose
 * variance exceeds the store's threshold. Linear in changes + movements (a push brings 1,000).
 */
export function stockConflicts(
  changes: readonly StockChange[],
  movements: readonly (MovementInput & { varianceThreshold: number })[],
): NewConflict[] {
  const conflicts: NewConflict[] = [];
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
    if (s && s.lastCountMovementId === m.id && s.lastCountVariance !== null && Math.abs(s.lastCountVariance) > m.varianceThreshold) {
      conflicts.push({
        store_id: m.storeId,
        id: uuidv7(),
        kind: 'COUNT_VARIANCE',
        product_id: m.productId,
        movement_id: m.id,
        device_id: m.deviceId,
        details: JSON.stringify({ counted: m.qty, variance: s.lastCountVariance, threshold: m.varianceThreshold }),
      });
    }
  }
  return conflicts;
}

/** stockConflicts, stored in the caller's transaction. */
export async function recordStockConflicts(
  trx: Transaction<Database>,
  changes: readonly StockChange[],
  movements: readonly (MovementInput & { varianceThreshold: number })[],
): Promise<NewConflict[]> {
  const conflicts = stockConflicts(changes, movements);
  if (conflicts.length) await trx.insertInto('conflicts').values(conflicts).execute();
  return conflicts;
}
