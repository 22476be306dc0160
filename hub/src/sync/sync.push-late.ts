import { uuidv7 } from '@bazaar/shared';
import type { MovementInput, StockChange } from '../stock/stock.apply';
import type { OpenConflict } from '../stock/stock.conflicts';

/** Deltas of this push that landed before the latest count: they moved its variance, not the stock. */
export function lateMovementConflicts(
  stock: readonly StockChange[],
  movements: readonly MovementInput[],
  deviceId: string,
): OpenConflict[] {
  const out: OpenConflict[] = [];
  const batchIds = new Set(movements.map((m) => m.id));
  // Deltas by key, in batch order: one pass, not stock rows x movements.
  const deltas = new Map<string, MovementInput[]>();
  for (const m of movements) {
    if (m.kind === 'COUNT') continue;
    const k = `${m.storeId}/${m.productId}`;
    const list = deltas.get(k);
    if (list) list.push(m);
    else deltas.set(k, [m]);
  }
  for (const s of stock) {
    // A count that came in this same push is not "earlier": the batch is the device's own order.
    if (s.lastCountHlc === null || s.lastCountMovementId === null || batchIds.has(s.lastCountMovementId)) continue;
    const { lastCountHlc: chlc, lastCountMovementId: cid } = s;
    // (hlc, id) tuple order, as SQL and mergeStock order the log.
    const late = (deltas.get(`${s.storeId}/${s.productId}`) ?? []).filter((m) => m.hlc < chlc || (m.hlc === chlc && m.id < cid));
    const first = late[0];
    if (!first) continue;
    out.push({
      store_id: s.storeId,
      id: uuidv7(),
      kind: 'LATE_MOVEMENT_ABSORBED',
      product_id: s.productId,
      movement_id: first.id,
      device_id: deviceId,
      details: JSON.stringify({
        countMovementId: s.lastCountMovementId,
        countHlc: s.lastCountHlc,
        absorbedQty: late.reduce((a, m) => a + m.qty, 0),
        movements: late.length,
        movementIds: late.slice(0, 50).map((m) => m.id),
        varianceNow: s.lastCountVariance,
      }),
    });
  }
  return out;
}
