import { uuidv7 } from '@bazaar/shared';
import type { Transaction } from 'kysely';
import type { Database, NewConflict } from '../db/database.types';
import type { MovementInput, StockChange } from './stock.apply';

/**
 * Conflicts the stock effect of movements can raise, recorded (not refused) for managers:
 * stock that went below zero (the sale happened; someone must look), and a count whose
 * variance exceeds the store's threshold.
 */
export async function recordStockConflicts(
  trx: Transaction<Database>,
  changes: readonly StockChange[],
  movements: readonly (MovementInput & { varianceThreshold: number })[],
): Promise<NewConflict[]> {
  const conflicts: NewConflict[] = [];
  for (const s of changes) {
    if (s.qty < 0 && s.prevQty >= 0) {
      const cause = movements.find((m) => m.storeId === s.storeId && m.productId === s.productId && m.kind !== 'COUNT');
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
    const s = changes.find((x) => x.storeId === m.storeId && x.productId === m.productId);
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
  if (conflicts.length) await trx.insertInto('conflicts').values(conflicts).execute();
  return conflicts;
}
