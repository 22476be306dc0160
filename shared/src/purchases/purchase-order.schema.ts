import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { dayStringSchema } from '../domain/store-time';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { baseUnitSchema, lineTotalMinor, MAX_MINOR, MAX_QTY } from '../units/units';

/**
 * A purchase order (DESIGN §9): what a store asks one supplier for, made at the counter or at
 * head office. It moves no stock; the goods receipts against it do. Quantities are base units
 * (pc, g, ml); the agreed cost is per piece, kg or L like a product's cost, in minor units.
 *
 * The document keeps only what a person decides: draft, sent or cancelled. "Partly received" and
 * "received" are read from the receipts against it (purchase.progress.ts), never stored beside
 * them, so two counters receiving one order offline cannot make the number drift.
 */
export const purchaseOrderStatuses = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export const purchaseOrderStatusSchema = z.enum(purchaseOrderStatuses);
export type PurchaseOrderStatus = z.infer<typeof purchaseOrderStatusSchema>;

/** The statuses a person sets; the others follow from the receipts. */
export const purchaseOrderDocStatuses = ['draft', 'sent', 'cancelled'] as const;
export const purchaseOrderDocStatusSchema = z.enum(purchaseOrderDocStatuses);
export type PurchaseOrderDocStatus = z.infer<typeof purchaseOrderDocStatusSchema>;

export const MAX_PURCHASE_LINES = 500;

const minor = z.number().int().min(0).max(MAX_MINOR);

export const purchaseOrderLineSchema = z.strictObject({
  lineNo: z.number().int().min(1),
  productId: uuidSchema,
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  unit: baseUnitSchema,
  orderedQty: z.number().int().min(1).max(MAX_QTY),
  /** Per pc, kg or L (the product's price unit). */
  agreedCostMinor: minor,
});
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

export const purchasePersonSchema = z.strictObject({ id: uuidSchema.nullable(), name: z.string().nullable() });
export type PurchasePerson = z.infer<typeof purchasePersonSchema>;

export const purchaseOrderSchema = z
  .strictObject({
    id: uuidv7Schema,
    /** `<STORE>-<COUNTER>-PO<5 digits>`, see purchase.number.ts. */
    number: z.string().min(3).max(64),
    storeId: uuidSchema,
    storeCode: z.string(),
    counterCode: z.string(),
    counterNo: z.number().int().min(1),
    /** The counter that made it; null when head office did. */
    deviceId: uuidSchema.nullable(),
    supplierId: uuidSchema,
    supplierName: z.string(),
    status: purchaseOrderDocStatusSchema,
    lines: z.array(purchaseOrderLineSchema).min(1).max(MAX_PURCHASE_LINES),
    /** Σ lineTotalMinor(agreed cost, ordered qty). */
    totalMinor: z.number().int().min(0),
    /** The day the store expects the goods (store calendar), if the supplier said. */
    expectedDay: dayStringSchema.nullable(),
    note: z.string().max(500).nullable(),
    createdBy: purchasePersonSchema,
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .superRefine((po, ctx) => {
    const products = new Set<string>();
    po.lines.forEach((l, i) => {
      if (l.lineNo !== i + 1) ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineNo'], message: `line ${i + 1} is numbered ${l.lineNo}` });
      if (products.has(l.productId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'productId'], message: `${l.sku} is on the order twice` });
      products.add(l.productId);
    });
  });
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

/** What a person sends to make an order (head office API, counter, CLI): the rest is filled in. */
export const purchaseOrderCreateSchema = z.strictObject({
  storeId: uuidSchema,
  supplierId: uuidSchema,
  lines: z
    .array(z.strictObject({ productId: uuidSchema, orderedQty: z.number().int().min(1).max(MAX_QTY), agreedCostMinor: minor.optional() }))
    .min(1, 'an order needs at least one line')
    .max(MAX_PURCHASE_LINES),
  status: z.enum(['draft', 'sent']).default('sent'),
  expectedDay: dayStringSchema.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type PurchaseOrderCreate = z.infer<typeof purchaseOrderCreateSchema>;
export type PurchaseOrderCreateInput = z.input<typeof purchaseOrderCreateSchema>;

/** Σ ordered qty × agreed cost, half up to the paisa per line (like a bill line). */
export function purchaseOrderTotal(lines: readonly Pick<PurchaseOrderLine, 'orderedQty' | 'agreedCostMinor' | 'unit'>[]): number {
  return lines.reduce((a, l) => a + lineTotalMinor(l.agreedCostMinor, l.orderedQty, l.unit), 0);
}
