import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { dayStringSchema } from '../domain/store-time';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { baseUnitSchema, lineTotalMinor, MAX_MINOR, MAX_QTY } from '../units/units';
import { MAX_PURCHASE_LINES, purchasePersonSchema } from './purchase-order.schema';

/**
 * A goods receipt (DESIGN §9): the supplier's bill entered at the counter, against a purchase
 * order or without one. Its stock effects are IN movements whose batch id is the receipt id
 * (one per line, with the supplier and the unit cost); the document says what the bill said.
 * Cost is per piece, kg or L in minor units, like a product's cost; tax is the line's tax amount.
 */
const minor = z.number().int().min(0).max(MAX_MINOR);

export const goodsReceiptLineSchema = z.strictObject({
  lineNo: z.number().int().min(1),
  productId: uuidSchema,
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  unit: baseUnitSchema,
  receivedQty: z.number().int().min(1).max(MAX_QTY),
  costMinor: minor,
  taxMinor: minor.default(0),
  /**
   * The store's stock of the product as the counter saw it just before this receipt: what the
   * moving average weighs the old cost by (moving-average.ts). A fact of the moment, like a
   * bill line's cost.
   */
  onHandBeforeQty: z.number().int().min(-MAX_QTY).max(MAX_QTY),
});
export type GoodsReceiptLine = z.infer<typeof goodsReceiptLineSchema>;
export type GoodsReceiptLineInput = z.input<typeof goodsReceiptLineSchema>;

/** Subtotal (Σ qty × cost, half up to the paisa per line), tax and total of receipt lines. */
export function receiptTotals(lines: readonly Pick<GoodsReceiptLine, 'receivedQty' | 'costMinor' | 'taxMinor' | 'unit'>[]) {
  const subtotalMinor = lines.reduce((a, l) => a + lineTotalMinor(l.costMinor, l.receivedQty, l.unit), 0);
  const taxMinor = lines.reduce((a, l) => a + l.taxMinor, 0);
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

export const goodsReceiptSchema = z
  .strictObject({
    id: uuidv7Schema,
    /** `<STORE>-<COUNTER>-GR<5 digits>`, see purchase.number.ts. */
    number: z.string().min(3).max(64),
    storeId: uuidSchema,
    storeCode: z.string(),
    counterCode: z.string(),
    counterNo: z.number().int().min(1),
    deviceId: uuidSchema,
    supplierId: uuidSchema,
    supplierName: z.string(),
    poId: uuidSchema.nullable(),
    poNumber: z.string().nullable(),
    supplierBillNo: z.string().trim().min(1).max(64),
    supplierBillDate: dayStringSchema,
    lines: z.array(goodsReceiptLineSchema).min(1).max(MAX_PURCHASE_LINES),
    subtotalMinor: z.number().int().min(0),
    taxMinor: z.number().int().min(0),
    totalMinor: z.number().int().min(0),
    receivedBy: purchasePersonSchema,
    occurredAt: isoDateTimeSchema,
  })
  .superRefine((gr, ctx) => {
    gr.lines.forEach((l, i) => {
      if (l.lineNo !== i + 1) ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineNo'], message: `line ${i + 1} is numbered ${l.lineNo}` });
    });
    const t = receiptTotals(gr.lines);
    for (const k of ['subtotalMinor', 'taxMinor', 'totalMinor'] as const) {
      if (gr[k] !== t[k]) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is ${gr[k]} but the lines come to ${t[k]}` });
    }
  });
export type GoodsReceipt = z.infer<typeof goodsReceiptSchema>;
export type GoodsReceiptInput = z.input<typeof goodsReceiptSchema>;

/** What a person enters from the supplier's bill (counter, CLI); the counter adds the rest. */
export const goodsReceiptCreateSchema = z.strictObject({
  supplierId: uuidSchema.optional(),
  poId: uuidSchema.nullable().default(null),
  supplierBillNo: z.string().trim().min(1, 'the supplier bill number is required').max(64),
  supplierBillDate: dayStringSchema,
  lines: z
    .array(z.strictObject({ productId: uuidSchema, receivedQty: z.number().int().min(1).max(MAX_QTY), costMinor: minor.optional(), taxMinor: minor.default(0) }))
    .min(1, 'a receipt needs at least one line')
    .max(MAX_PURCHASE_LINES),
});
export type GoodsReceiptCreate = z.infer<typeof goodsReceiptCreateSchema>;
export type GoodsReceiptCreateInput = z.input<typeof goodsReceiptCreateSchema>;
