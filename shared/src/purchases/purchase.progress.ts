import type { GoodsReceipt } from './goods-receipt.schema';
import type { PurchaseOrder, PurchaseOrderStatus } from './purchase-order.schema';

/** How one ordered line stands against the receipts: short until received, then complete or over. */
export type LineState = 'pending' | 'partial' | 'complete' | 'over';

export interface LineProgress {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unit: PurchaseOrder['lines'][number]['unit'];
  orderedQty: number;
  receivedQty: number;
  /** Still to come: ordered − received, never below 0. */
  remainingQty: number;
  /** Received beyond the order: received − ordered, never below 0. */
  overQty: number;
  state: LineState;
}

export interface ReceiptProgress {
  status: PurchaseOrderStatus;
  lines: LineProgress[];
  /** Products received against the order that it never asked for. */
  unordered: { productId: string; sku: string; name: string; unit: LineProgress['unit']; receivedQty: number }[];
  receiptIds: string[];
}

/**
 * A purchase order's progress from the receipts against it (any order, duplicates by id ignored,
 * receipts of other orders ignored). Derived every time, never stored: the status a person reads
 * is the document's own (draft, sent, cancelled) until goods arrive, then partly received or
 * received. A cancelled order stays cancelled whatever arrived.
 */
export function receiptProgress(po: PurchaseOrder, receipts: readonly GoodsReceipt[]): ReceiptProgress {
  const mine = [...new Map(receipts.filter((r) => r.poId === po.id).map((r) => [r.id, r])).values()];
  const received = new Map<string, number>();
  const extra = new Map<string, ReceiptProgress['unordered'][number]>();
  const ordered = new Set(po.lines.map((l) => l.productId));
  for (const r of mine) {
    for (const l of r.lines) {
      received.set(l.productId, (received.get(l.productId) ?? 0) + l.receivedQty);
      if (!ordered.has(l.productId)) {
        const e = extra.get(l.productId) ?? { productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, receivedQty: 0 };
        e.receivedQty += l.receivedQty;
        extra.set(l.productId, e);
      }
    }
  }
  const lines: LineProgress[] = po.lines.map((l) => {
    const got = received.get(l.productId) ?? 0;
    const state: LineState = got === 0 ? 'pending' : got < l.orderedQty ? 'partial' : got === l.orderedQty ? 'complete' : 'over';
    return {
      lineNo: l.lineNo,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      unit: l.unit,
      orderedQty: l.orderedQty,
      receivedQty: got,
      remainingQty: Math.max(0, l.orderedQty - got),
      overQty: Math.max(0, got - l.orderedQty),
      state,
    };
  });
  const anything = mine.some((r) => r.lines.length > 0);
  const status: PurchaseOrderStatus =
    po.status === 'cancelled' ? 'cancelled' : !anything ? po.status : lines.every((l) => l.remainingQty === 0) ? 'received' : 'partly_received';
  return { status, lines, unordered: [...extra.values()], receiptIds: mine.map((r) => r.id).sort() };
}

/** An order still waiting for goods: not cancelled, not fully received. */
export function isOpenOrder(status: PurchaseOrderStatus): boolean {
  return status === 'draft' || status === 'sent' || status === 'partly_received';
}

/** What is still on order per product across open orders (reorder suggestions subtract it). */
export function onOrderByProduct(progress: readonly ReceiptProgress[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of progress) {
    if (!isOpenOrder(p.status)) continue;
    for (const l of p.lines) if (l.remainingQty > 0) out.set(l.productId, (out.get(l.productId) ?? 0) + l.remainingQty);
  }
  return out;
}
