import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { dayStringSchema } from '../domain/store-time';
import { uuidSchema } from '../ids/uuidv7';
import { baseUnitSchema, MAX_QTY } from '../units/units';
import { goodsReceiptSchema } from './goods-receipt.schema';
import { purchaseOrderCreateSchema, purchaseOrderSchema, purchaseOrderStatusSchema } from './purchase-order.schema';

/** What head office and the counter read about purchases (hub answers; the web app is typed from them). */
export const purchaseOrderSummarySchema = z.object({
  id: uuidSchema,
  number: z.string(),
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  timeZone: z.string(),
  supplierId: uuidSchema,
  supplierName: z.string(),
  /** Derived: the document's own until goods arrive, then from its receipts. */
  status: purchaseOrderStatusSchema,
  madeAt: z.enum(['counter', 'head_office']),
  lineCount: z.number().int(),
  /** Derived: lines whose receipts have brought at least what was ordered. */
  linesReceived: z.number().int(),
  totalMinor: z.number().int(),
  expectedDay: dayStringSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type PurchaseOrderSummary = z.infer<typeof purchaseOrderSummarySchema>;

export const lineProgressSchema = z.object({
  lineNo: z.number().int(),
  productId: uuidSchema,
  sku: z.string(),
  name: z.string(),
  unit: baseUnitSchema,
  orderedQty: z.number().int(),
  receivedQty: z.number().int(),
  remainingQty: z.number().int(),
  overQty: z.number().int(),
  state: z.enum(['pending', 'partial', 'complete', 'over']),
});

export const goodsReceiptSummarySchema = z.object({
  id: uuidSchema,
  number: z.string(),
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  timeZone: z.string(),
  supplierId: uuidSchema,
  supplierName: z.string(),
  poId: uuidSchema.nullable(),
  poNumber: z.string().nullable(),
  supplierBillNo: z.string(),
  supplierBillDate: dayStringSchema,
  lineCount: z.number().int(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  occurredAt: isoDateTimeSchema,
});
export type GoodsReceiptSummary = z.infer<typeof goodsReceiptSummarySchema>;

export const purchaseOrderDetailSchema = purchaseOrderSummarySchema.extend({
  order: purchaseOrderSchema,
  lines: z.array(lineProgressSchema),
  unordered: z.array(z.object({ productId: uuidSchema, sku: z.string(), name: z.string(), unit: baseUnitSchema, receivedQty: z.number().int() })),
  receipts: z.array(goodsReceiptSummarySchema),
  /** The order as plain text to paste into WhatsApp or an SMS, in the language asked for. */
  text: z.string(),
});
export type PurchaseOrderDetail = z.infer<typeof purchaseOrderDetailSchema>;

export const goodsReceiptDetailSchema = goodsReceiptSummarySchema.extend({ receipt: goodsReceiptSchema });

/** One product on the "to order" list, with the numbers that explain it. */
export const reorderLineSchema = z.object({
  productId: uuidSchema,
  sku: z.string(),
  name: z.string(),
  unit: baseUnitSchema,
  onHandQty: z.number().int(),
  onOrderQty: z.number().int(),
  soldQty: z.number().int(),
  velocityPerDay: z.number(),
  daysOfCover: z.number().nullable(),
  safetyQty: z.number().int(),
  leadDemandQty: z.number().int(),
  packQty: z.number().int(),
  packs: z.number().int(),
  suggestedQty: z.number().int(),
  orderDay: dayStringSchema.nullable(),
  due: z.boolean(),
  costMinor: z.number().int(),
  reasons: z.array(z.enum(['no_sales', 'below_safety', 'cover_short', 'reorder_level', 'on_order', 'negative_stock'])),
});
export type ReorderLine = z.infer<typeof reorderLineSchema>;

export const reorderGroupSchema = z.object({
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  today: dayStringSchema,
  supplierId: uuidSchema.nullable(),
  supplierName: z.string().nullable(),
  leadTimeDays: z.number().int(),
  reviewDays: z.number().int(),
  safetyDays: z.number().int(),
  lines: z.array(reorderLineSchema),
  totalMinor: z.number().int(),
});
export type ReorderGroup = z.infer<typeof reorderGroupSchema>;

export const reorderReportSchema = z.object({ groups: z.array(reorderGroupSchema), storesLeftOut: z.number().int() });
export type ReorderReport = z.infer<typeof reorderReportSchema>;

export const fromSuggestionsSchema = z.strictObject({
  storeId: uuidSchema,
  /** Only this supplier's group; all of the store's groups with a supplier when absent. */
  supplierId: uuidSchema.optional(),
  /** Only these products (of the due suggestions). */
  productIds: z.array(uuidSchema).max(2000).optional(),
  status: purchaseOrderCreateSchema.shape.status,
});

export const supplierTermsSchema = z.strictObject({
  leadTimeDays: z.number().int().min(0).max(90),
  reviewDays: z.number().int().min(1).max(90),
  safetyDays: z.number().int().min(0).max(90),
});
export type SupplierTerms = z.infer<typeof supplierTermsSchema>;
export const DEFAULT_SUPPLIER_TERMS: SupplierTerms = { leadTimeDays: 3, reviewDays: 7, safetyDays: 2 };

export const supplierPurchasesSchema = z.object({
  supplierId: uuidSchema,
  supplierName: z.string(),
  terms: supplierTermsSchema,
  openOrders: z.array(purchaseOrderSummarySchema),
  receipts: z.array(goodsReceiptSummarySchema),
  /** Bought from the supplier per month (UTC months of the receipt), newest first. */
  bought: z.array(z.object({ month: z.string(), receipts: z.number().int(), subtotalMinor: z.number().int(), taxMinor: z.number().int(), totalMinor: z.number().int() })),
  /** What was bought most in the period, by value. */
  topProducts: z.array(z.object({ productId: uuidSchema, sku: z.string(), name: z.string(), unit: baseUnitSchema, qty: z.number().int().max(MAX_QTY * 1000), totalMinor: z.number().int() })),
});
export type SupplierPurchases = z.infer<typeof supplierPurchasesSchema>;

/** What a counter fetches for its store: open orders (head office's included) and recent receipts. */
export const devicePurchasesSchema = z.object({ purchaseOrders: z.array(purchaseOrderSchema), goodsReceipts: z.array(goodsReceiptSchema) });
export type DevicePurchases = z.infer<typeof devicePurchasesSchema>;
