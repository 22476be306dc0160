import type { GoodsReceipt, PurchaseOrder, PushRequest } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';

export interface PurchasesOutcome {
  ordersStored: number;
  ordersChanged: number;
  receiptsStored: number;
}

/**
 * The purchase documents of a push, stored in the push's transaction (a receipt is kept exactly
 * when its IN movements are acknowledged). By id, rows in key order, one statement per kind:
 * a replay changes nothing. A later copy of an order replaces it only when it was changed later
 * (`updatedAt`) and the stored one is not cancelled (a cancel is final). A receipt never changes.
 * The store is the device's, whatever the document says. Nothing here is shared by all stores.
 */
export async function storePurchasesOfPush(
  trx: Transaction<Database>,
  device: { storeId: string; deviceId: string },
  request: Pick<PushRequest, 'purchaseOrders' | 'goodsReceipts'>,
  now: Date,
): Promise<PurchasesOutcome | null> {
  if (request.purchaseOrders.length === 0 && request.goodsReceipts.length === 0) return null;
  const orders = inKeyOrder(request.purchaseOrders);
  const receipts = inKeyOrder(request.goodsReceipts);
  let ordersStored = 0;
  let ordersChanged = 0;
  let receiptsStored = 0;
  if (orders.length) {
    const { rows } = await ordersUpsertSql(device, orders, now).execute(trx);
    ordersStored = rows.filter((r) => r.inserted).length;
    ordersChanged = rows.length - ordersStored;
  }
  if (receipts.length) {
    const { rows } = await receiptsInsertSql(device, receipts, now).execute(trx);
    receiptsStored = rows.length;
  }
  return { ordersStored, ordersChanged, receiptsStored };
}

function inKeyOrder<T extends { id: string }>(docs: readonly T[]): T[] {
  return [...new Map(docs.map((d) => [d.id, d])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Also used by head office (deviceId null) for orders it makes. */
export function ordersUpsertSql(device: { storeId: string; deviceId: string | null }, sorted: readonly PurchaseOrder[], now: Date) {
  const docs = sorted.map((d) => ({ ...d, storeId: device.storeId }));
  return sql<{ id: string; inserted: boolean }>`
    INSERT INTO purchase_orders AS p (store_id, id, number, counter_code, counter_no, device_id, supplier_id, status, total_minor, created_at, doc, received_at, updated_at)
    SELECT ${device.storeId}::uuid, (d->>'id')::uuid, d->>'number', d->>'counterCode', (d->>'counterNo')::int, ${device.deviceId}::uuid, (d->>'supplierId')::uuid,
           d->>'status', (d->>'totalMinor')::bigint, (d->>'createdAt')::timestamptz, d, ${now}, (d->>'updatedAt')::timestamptz
    FROM jsonb_array_elements(${JSON.stringify(docs)}::jsonb) AS d
    ON CONFLICT (store_id, id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc, total_minor = EXCLUDED.total_minor, updated_at = EXCLUDED.updated_at
      WHERE p.status <> 'cancelled' AND EXCLUDED.updated_at > p.updated_at
    RETURNING id, (xmax = 0) AS inserted`;
}

function receiptsInsertSql(device: { storeId: string; deviceId: string }, sorted: readonly GoodsReceipt[], now: Date) {
  const docs = sorted.map((d) => ({ ...d, storeId: device.storeId }));
  return sql<{ id: string }>`
    INSERT INTO goods_receipts (store_id, id, number, device_id, supplier_id, po_id, supplier_bill_no, supplier_bill_date, total_minor, occurred_at, doc, received_at)
    SELECT ${device.storeId}::uuid, (d->>'id')::uuid, d->>'number', ${device.deviceId}::uuid, (d->>'supplierId')::uuid, (d->>'poId')::uuid,
           d->>'supplierBillNo', (d->>'supplierBillDate')::date, (d->>'totalMinor')::bigint, (d->>'occurredAt')::timestamptz, d, ${now}
    FROM jsonb_array_elements(${JSON.stringify(docs)}::jsonb) AS d
    ON CONFLICT (store_id, id) DO NOTHING
    RETURNING id`;
}
