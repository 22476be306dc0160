import { dayStringSchema, MAX_MINOR, MAX_PURCHASE_LINES, MAX_QTY, type GoodsReceipt, type LineProgress, type PurchaseOrder, type PurchaseOrderStatus, type ReorderSuggestion } from '@bazaar/shared';
import { z } from 'zod';

/*
 * The purchase operations of the core (issue 18): purchase orders, goods receipts against an
 * order or without one, and reorder suggestions. Inputs are validated with these schemas.
 */
const productRef = z.string().trim().min(1, 'name a product (barcode, SKU or id)').max(64);
const qty = z.number().int('must be whole base units').min(1, 'must be more than zero').max(MAX_QTY);
const minor = z.number().int().min(0).max(MAX_MINOR);

export const createPurchaseOrderInput = z.strictObject({
  /** The supplier's id or name. */
  supplier: z.string().trim().min(1, 'name the supplier').max(200),
  lines: z.array(z.strictObject({ product: productRef, qty, costMinor: minor.optional() })).min(1, 'an order needs at least one line').max(MAX_PURCHASE_LINES),
  status: z.enum(['draft', 'sent']).default('sent'),
  expectedDay: dayStringSchema.optional(),
  note: z.string().trim().max(500).optional(),
});
export type CreatePurchaseOrderInput = z.input<typeof createPurchaseOrderInput>;

export const purchaseOrderRef = z.strictObject({ po: z.string().trim().min(1, 'name an order (its number, or the part after PO)').max(64) });
export type PurchaseOrderRef = z.input<typeof purchaseOrderRef>;

export const listPurchaseOrdersInput = z.strictObject({ open: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(50) });
export type ListPurchaseOrdersInput = z.input<typeof listPurchaseOrdersInput>;

export const receiveGoodsInput = z
  .strictObject({
    /** The order the delivery is against (number or id); none = a receipt without an order. */
    po: z.string().trim().min(1).max(64).optional(),
    /** Needed without an order (id or name); with one, the order's supplier. */
    supplier: z.string().trim().min(1).max(200).optional(),
    supplierBillNo: z.string().trim().min(1, 'the supplier bill number is required').max(64),
    supplierBillDate: dayStringSchema,
    /** What came, from the supplier's bill. Against an order, none = everything still to come at the agreed cost. */
    lines: z.array(z.strictObject({ product: productRef, qty, costMinor: minor.optional(), taxMinor: minor.default(0) })).max(MAX_PURCHASE_LINES).default([]),
  })
  .refine((i) => i.po !== undefined || i.supplier !== undefined, { message: 'name the order (--po) or, without one, the supplier', path: ['supplier'] })
  .refine((i) => i.po !== undefined || i.lines.length > 0, { message: 'a receipt without an order needs its lines', path: ['lines'] });
export type ReceiveGoodsInput = z.input<typeof receiveGoodsInput>;

export const reorderInput = z.strictObject({
  leadTimeDays: z.number().int().min(0).max(90).default(3),
  reviewDays: z.number().int().min(1).max(90).default(7),
  safetyDays: z.number().int().min(0).max(90).default(2),
  /** Every product with its numbers, not only what is due. */
  all: z.boolean().default(false),
});
export type ReorderInput = z.input<typeof reorderInput>;

export interface PurchaseOrderView {
  order: PurchaseOrder;
  status: PurchaseOrderStatus;
  origin: 'local' | 'hub';
  /** Acknowledged by the hub (an order made here), or sent by it. */
  synced: boolean;
  lines: LineProgress[];
  unordered: { productId: string; sku: string; name: string; unit: 'pc' | 'g' | 'ml'; receivedQty: number }[];
  receipts: { id: string; number: string; supplierBillNo: string; occurredAt: string; totalMinor: number }[];
}

export interface GoodsReceiptView {
  receipt: GoodsReceipt;
  /** Per line: stock after the receipt and the product's moving-average cost after it. */
  lines: { lineNo: number; stockAfter: number; costAfterMinor: number }[];
  /** The order's progress after this receipt (with an order). */
  order: PurchaseOrderView | null;
}

export interface ReorderRow extends ReorderSuggestion {
  productId: string;
  sku: string;
  name: string;
  unit: 'pc' | 'g' | 'ml';
  supplierId: string | null;
  supplierName: string | null;
  onHandQty: number;
  onOrderQty: number;
  costMinor: number;
}

export interface PurchasesApi {
  createPurchaseOrder(input: CreatePurchaseOrderInput): Promise<PurchaseOrderView>;
  listPurchaseOrders(input?: ListPurchaseOrdersInput): Promise<PurchaseOrderView[]>;
  purchaseOrder(input: PurchaseOrderRef): Promise<PurchaseOrderView>;
  cancelPurchaseOrder(input: PurchaseOrderRef): Promise<PurchaseOrderView>;
  receiveGoods(input: ReceiveGoodsInput): Promise<GoodsReceiptView>;
  reorderSuggestions(input?: ReorderInput): Promise<ReorderRow[]>;
}
