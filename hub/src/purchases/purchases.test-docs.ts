import { formatPurchaseNumber, goodsReceiptSchema, purchaseOrderSchema, purchaseOrderTotal, receiptTotals, uuidv7, type GoodsReceipt, type PurchaseOrder } from '@bazaar/shared';

/** A purchase order as a counter records it. */
export function counterOrder(storeId: string, supplierId: string, lines: { productId: string; qty: number; cost: number }[], no = 1, at = new Date().toISOString()): PurchaseOrder {
  const full = lines.map((l, i) => ({ lineNo: i + 1, productId: l.productId, sku: `SKU${i + 1}`, name: `Item ${i + 1}`, unit: 'pc' as const, orderedQty: l.qty, agreedCostMinor: l.cost }));
  return purchaseOrderSchema.parse({
    id: uuidv7(),
    number: formatPurchaseNumber('order', 'PU', 'C2', no),
    storeId,
    storeCode: 'PU',
    counterCode: 'C2',
    counterNo: no,
    deviceId: uuidv7(),
    supplierId,
    supplierName: 'Agro Traders',
    status: 'sent',
    lines: full,
    totalMinor: purchaseOrderTotal(full),
    expectedDay: null,
    note: null,
    createdBy: { id: null, name: 'meena' },
    createdAt: at,
    updatedAt: at,
  });
}

/** A goods receipt against `po` (or none) with the given received quantities. */
export function receiptFor(po: Pick<PurchaseOrder, 'id' | 'number' | 'storeId' | 'supplierId'> | null, storeId: string, supplierId: string, lines: { productId: string; qty: number; cost: number; onHand?: number }[], no = 1): GoodsReceipt {
  const full = lines.map((l, i) => ({ lineNo: i + 1, productId: l.productId, sku: `SKU${i + 1}`, name: `Item ${i + 1}`, unit: 'pc' as const, receivedQty: l.qty, costMinor: l.cost, taxMinor: 0, onHandBeforeQty: l.onHand ?? 0 }));
  return goodsReceiptSchema.parse({
    id: uuidv7(),
    number: formatPurchaseNumber('receipt', 'PU', 'C2', no),
    storeId,
    storeCode: 'PU',
    counterCode: 'C2',
    counterNo: no,
    deviceId: uuidv7(),
    supplierId,
    supplierName: 'Agro Traders',
    poId: po?.id ?? null,
    poNumber: po?.number ?? null,
    supplierBillNo: `INV-${no}`,
    supplierBillDate: new Date().toISOString().slice(0, 10),
    lines: full,
    ...receiptTotals(full),
    receivedBy: { id: null, name: 'meena' },
    occurredAt: new Date().toISOString(),
  });
}
