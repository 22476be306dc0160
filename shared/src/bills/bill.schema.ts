import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { baseUnitSchema, MAX_MINOR, MAX_QTY } from '../units/units';

/**
 * A bill is a document recorded at the counter first (DESIGN §9): its stock effects are
 * ordinary movements whose batch id is the bill id; the bill itself says what was charged,
 * how it was paid and what the customer was handed. Amounts are integer minor units; amounts of
 * a return are negative (money goes back to the customer).
 */

/** Methods a store may offer. Cash is always on; the rest are switched on per store. */
export const paymentMethods = ['cash', 'upi', 'card', 'jazzcash', 'easypaisa', 'credit'] as const;
export const paymentMethodSchema = z.enum(paymentMethods);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

const signedMinor = z.number().int().min(-MAX_MINOR).max(MAX_MINOR);
const minor = z.number().int().min(0).max(MAX_MINOR);

/** A discount as the cashier typed it: a percentage (in basis points: 1000 = 10%) or an amount. */
export const discountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), basisPoints: z.number().int().min(1).max(10_000) }),
  z.strictObject({ kind: z.literal('amount'), minor: z.number().int().min(1).max(MAX_MINOR) }),
]);
export type Discount = z.infer<typeof discountSchema>;

/** Why a manager had to approve (with a PIN at the counter). */
export const approvalReasons = ['price_below_cost', 'price_zero', 'discount_over_limit', 'return_without_receipt', 'void', 'credit_over_limit', 'ledger_adjustment'] as const;
export const approvalReasonSchema = z.enum(approvalReasons);
export type ApprovalReason = z.infer<typeof approvalReasonSchema>;

export const billKinds = ['sale', 'return', 'exchange'] as const;
export const billKindSchema = z.enum(billKinds);
export type BillKind = z.infer<typeof billKindSchema>;

export const billStatuses = ['completed', 'voided'] as const;
export const billStatusSchema = z.enum(billStatuses);
export type BillStatus = z.infer<typeof billStatusSchema>;

export const returnDispositions = ['restock', 'damaged'] as const;
export const returnDispositionSchema = z.enum(returnDispositions);
export type ReturnDisposition = z.infer<typeof returnDispositionSchema>;

export const paymentSchema = z.strictObject({
  method: paymentMethodSchema,
  /** What this payment settles of the bill; negative for a refund. */
  amountMinor: signedMinor,
  /** Cash handed over by the customer (cash only). */
  tenderedMinor: minor.optional(),
  /** Cash handed back: tendered − amount (cash only). */
  changeMinor: minor.optional(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const billPackSchema = z.strictObject({ name: z.string().min(1).max(40), qty: z.number().int().min(2).max(MAX_QTY), count: z.number().int().min(1).max(MAX_QTY) });
export type BillPack = z.infer<typeof billPackSchema>;

export const billLineSchema = z.strictObject({
  lineNo: z.number().int().min(1),
  direction: z.enum(['sale', 'return']),
  productId: uuidSchema,
  sku: z.string(),
  name: z.string(),
  unit: baseUnitSchema,
  /** Base units (pc, g, ml), always positive; `direction` says which way it went. */
  qty: z.number().int().min(1).max(MAX_QTY),
  /** The product's price when sold (per pc, kg or L). */
  listPriceMinor: minor,
  /** The price charged before discounts. */
  unitPriceMinor: minor,
  unitCostMinor: minor,
  discount: discountSchema.nullable(),
  /** qty × price, before any discount. */
  grossMinor: minor,
  lineDiscountMinor: minor,
  /** This line's share of the bill discount. */
  billDiscountMinor: minor,
  /** What the line came to: gross − both discounts; negative on a return line. */
  totalMinor: signedMinor,
  returnOf: z.strictObject({ billId: uuidSchema, lineNo: z.number().int().min(1) }).nullable(),
  disposition: returnDispositionSchema.nullable(),
  /** Sold as packs ("1 carton (24 pc)"): which pack, how many base units one holds, how many. Absent: loose. */
  pack: billPackSchema.optional(),
  /** A label scale's printed price that the line charges (its qty is the weight at the shelf price). */
  labelPriceMinor: minor.optional(),
});
export type BillLine = z.infer<typeof billLineSchema>;

export const billPersonSchema = z.strictObject({ id: uuidSchema.nullable(), name: z.string().nullable() });

export const billSchema = z.strictObject({
  id: uuidv7Schema,
  /** `<STORE>-<COUNTER>-<6 digits>`, see bill.number.ts. */
  number: z.string().min(3).max(64),
  storeId: uuidSchema,
  storeCode: z.string(),
  counterCode: z.string(),
  counterNo: z.number().int().min(1),
  deviceId: uuidSchema,
  kind: billKindSchema,
  status: billStatusSchema,
  /** The bill a return or exchange takes goods back from; null for a sale or a return without receipt. */
  originalBillId: uuidSchema.nullable(),
  originalNumber: z.string().nullable(),
  shiftId: uuidSchema.nullable(),
  cashier: billPersonSchema,
  approvedBy: z.strictObject({ id: uuidSchema, name: z.string(), reasons: z.array(approvalReasonSchema).min(1) }).nullable(),
  reason: z.string().nullable(),
  lines: z.array(billLineSchema).min(1),
  billDiscount: discountSchema.nullable(),
  subtotalMinor: signedMinor,
  discountMinor: minor,
  roundingMinor: signedMinor,
  totalMinor: signedMinor,
  payments: z.array(paymentSchema),
  changeMinor: minor,
  occurredAt: isoDateTimeSchema,
  void: z.strictObject({ at: isoDateTimeSchema, by: billPersonSchema, reason: z.string() }).nullable(),
});
export type Bill = z.infer<typeof billSchema>;
