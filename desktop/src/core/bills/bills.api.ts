import { discountSchema, returnDispositionSchema, billKindSchema, paymentMethodSchema, scaleLayoutsSchema, MAX_QTY, type Bill, type Locale, type PaymentMethod, type ScaleLayout, type ShiftReport } from '@bazaar/shared';
import { z } from 'zod';
import { approvalInput, paymentInput, saleLineInput, sellInput } from '../core.api';
import type { BillSummary } from './bills.repository';
import { printerAddressSchema, printerSettingSchema } from './printer.address';
import type { PrintedReceipt } from './receipt.print';

/*
 * The bill operations of the core (issue 17), beside CoreApi: the counter UI and the bridge
 * take them up next; the CLI drives them now. Inputs are validated with these schemas.
 */

const billRef = z.string().trim().min(1, 'name a bill (its number, as on the receipt)').max(64);
const qty = z.number().int('must be whole base units').min(1, 'must be more than zero').max(MAX_QTY);
const reason = z.string().trim().min(1, 'say why').max(500);

export const returnBillInput = z
  .strictObject({
    /** The bill the goods were bought on; none = a return without a receipt (manager's PIN and a reason). */
    bill: billRef.optional(),
    lines: z.array(z.strictObject({ lineNo: z.number().int().min(1), qty, disposition: returnDispositionSchema.default('restock') })).max(500).default([]),
    unreceipted: z
      .array(z.strictObject({ product: z.string().trim().min(1).max(64), qty, unitPriceMinor: z.number().int().min(0).optional(), disposition: returnDispositionSchema.default('restock') }))
      .max(500)
      .default([]),
    /** Goods taken instead (an exchange): a return and a sale on one bill. */
    newLines: z.array(saleLineInput).max(500).default([]),
    billDiscount: discountSchema.optional(),
    /** Refunds (or, for an exchange that costs more, payments); none = by `refundTo`. */
    payments: z.array(paymentInput).max(10).optional(),
    /** With no payments given: all in cash, or back the way the bill was paid (split as its payments were). */
    refundTo: z.enum(['cash', 'original']).default('cash'),
    approval: approvalInput.optional(),
    reason: reason.optional(),
  })
  .refine((i) => i.lines.length + i.unreceipted.length > 0, { message: 'return at least one line', path: ['lines'] })
  .refine((i) => (i.bill ? i.unreceipted.length === 0 : i.lines.length === 0), { message: 'with a bill, return its lines by number; without one, name the products', path: ['lines'] });
export const voidBillInput = z.strictObject({ bill: billRef, reason, approval: approvalInput.optional() });
export const showBillInput = z.strictObject({ bill: billRef, width: z.union([z.literal(32), z.literal(48)]).default(48) });
export const findBillsInput = z.strictObject({
  number: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  amountMinor: z.number().int().min(0).optional(),
  kind: billKindSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export const holdCartInput = z.strictObject({ label: z.string().trim().min(1).max(60).optional(), cart: sellInput.omit({ approval: true, payments: true }) });
export const heldCartRef = z.strictObject({ id: z.uuid() });
export const billSettingsInput = z.strictObject({
  counterCode: z.string().trim().toUpperCase().optional(),
  cashStepMinor: z.number().int().min(1).max(100_000).optional(),
  paymentMethods: z.array(paymentMethodSchema).max(10).optional(),
  maxDiscountBasisPoints: z.number().int().min(0).max(10_000).optional(),
  currencyLabel: z.string().trim().min(1).max(8).optional(),
  receiptHeader: z.array(z.string().trim().max(48)).max(6).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
  /** How the store's label scales print their barcodes: one layout per prefix 20–29. */
  scaleLayouts: scaleLayoutsSchema.optional(),
  /** The counter's network receipt printer, "host" or "host:port" (9100 when left out); "" removes it. */
  receiptPrinter: printerSettingSchema.optional(),
  receiptWidth: z.union([z.literal(32), z.literal(48)]).optional(),
});
/**
 * A receipt sent to the network printer. `raster` is the receipt drawn by the counter app when
 * its text is in a script the printer's code pages cannot shape (Urdu, Hindi): rows of packed
 * bits, 1 = black, `width` a multiple of 8 up to the paper's dots.
 */
export const rasterInput = z.strictObject({
  width: z.number().int().min(8).max(576).multipleOf(8),
  height: z.number().int().min(1).max(12_000),
  bits: z.base64().max(1_200_000),
});
export const printReceiptInput = z.strictObject({
  bill: billRef,
  printer: printerAddressSchema.optional(),
  width: z.union([z.literal(32), z.literal(48)]).optional(),
  raster: rasterInput.optional(),
});
export type PrintReceiptInput = z.input<typeof printReceiptInput>;

export const openShiftInput = z.strictObject({ floatMinor: z.number().int().min(0).max(100_000_000) });
export const closeShiftInput = z.strictObject({
  /** Cash in the drawer by denomination: 50000 × 2 = two Rs 500 notes. */
  counted: z.array(z.strictObject({ denominationMinor: z.number().int().min(1).max(10_000_000), count: z.number().int().min(0).max(100_000) })).max(40),
});

export type ReturnBillInput = z.input<typeof returnBillInput>;
export type VoidBillInput = z.input<typeof voidBillInput>;
export type ShowBillInput = z.input<typeof showBillInput>;
export type FindBillsInput = z.input<typeof findBillsInput>;
export type HoldCartInput = z.input<typeof holdCartInput>;
export type BillSettingsInput = z.input<typeof billSettingsInput>;
export type OpenShiftInput = z.input<typeof openShiftInput>;
export type CloseShiftInput = z.input<typeof closeShiftInput>;

export interface BillView {
  bill: Bill;
  /** The receipt at the width asked for (a reprint of a voided bill says VOID). */
  receiptText: string;
  /** What of each sold line is still returnable (line number → base units). */
  returnable: Record<number, number>;
}

export interface HeldCartView {
  id: string;
  label: string;
  heldAt: string;
  heldBy: string | null;
  lines: number;
  cart: z.output<typeof holdCartInput>['cart'];
}

export interface BillSettingsView {
  counterCode: string;
  cashStepMinor: number;
  paymentMethods: PaymentMethod[];
  maxDiscountBasisPoints: number;
  currencyLabel: string;
  /** Digits of the currency's minor unit (2 PKR/INR, 0 JPY, 3 KWD): what receipts and the Z report print. */
  minorDigits: number;
  receiptHeader: string[];
  timeZone: string | null;
  scaleLayouts: ScaleLayout[];
  /** "host:port" of the counter's ESC/POS network printer, or null. */
  receiptPrinter: string | null;
  receiptWidth: 32 | 48;
  /** The hub's currency (ISO 4217) once enrolled and pulled; null on a stand-alone store. */
  currency: string | null;
  /** What someone who has not picked a language sees: the store's (set at head office), else the hub's default. */
  defaultLocale: Locale | null;
}

export interface BillsApi {
  returnBill(input: ReturnBillInput): Promise<Bill>;
  voidBill(input: VoidBillInput): Promise<Bill>;
  showBill(input: ShowBillInput): Promise<BillView>;
  printReceipt(input: PrintReceiptInput): Promise<PrintedReceipt>;
  findBills(input: FindBillsInput): Promise<BillSummary[]>;
  holdCart(input: HoldCartInput): Promise<HeldCartView>;
  heldCarts(): Promise<HeldCartView[]>;
  recallCart(input: { id: string }): Promise<HeldCartView>;
  billSettings(): Promise<BillSettingsView>;
  updateBillSettings(input: BillSettingsInput): Promise<BillSettingsView>;
  openShift(input: OpenShiftInput): Promise<ShiftReport>;
  currentShift(): Promise<ShiftReport | null>;
  closeShift(input: CloseShiftInput): Promise<ShiftReport>;
}
