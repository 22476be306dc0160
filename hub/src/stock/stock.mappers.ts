import { stockStatus, type Movement, type StockRow } from '@bazaar/shared';
import type { MovementRow, StockRowDb } from '../db/database.types';
import { iso } from '../http/route-helpers';

export function toStockRow(r: Pick<StockRowDb, 'store_id' | 'product_id' | 'qty' | 'reorder_level' | 'last_count_hlc' | 'last_count_qty' | 'last_count_variance' | 'updated_at'>): StockRow {
  return {
    storeId: r.store_id,
    productId: r.product_id,
    qty: r.qty,
    reorderLevel: r.reorder_level,
    status: stockStatus(r.qty, r.reorder_level),
    lastCountHlc: r.last_count_hlc,
    lastCountQty: r.last_count_qty,
    lastCountVariance: r.last_count_variance,
    updatedAt: iso(r.updated_at),
  };
}

export function toMovement(r: MovementRow): Movement {
  return {
    id: r.id,
    storeId: r.store_id,
    deviceId: r.device_id,
    seq: r.seq,
    hlc: r.hlc,
    kind: r.kind,
    productId: r.product_id,
    qty: r.qty,
    unitPriceMinor: r.unit_price_minor,
    unitCostMinor: r.unit_cost_minor,
    reason: r.reason as Movement['reason'],
    note: r.note,
    supplierId: r.supplier_id,
    batchId: r.batch_id,
    userId: r.user_id,
    ...(r.lot !== null ? { lot: r.lot } : {}),
    ...(r.expires_on !== null ? { expiresOn: r.expires_on } : {}),
    occurredAt: iso(r.occurred_at),
    receivedAt: iso(r.received_at),
    status: r.status,
    rejectReason: r.reject_reason,
  };
}
