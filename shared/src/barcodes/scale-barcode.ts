import { z } from 'zod';
import { gtinCheckDigit, hasValidGtinCheckDigit } from './ean';

/**
 * Label-scale barcodes: EAN-13 codes in the in-store ranges (first digit 2: prefixes 20–29) that
 * a shop's scale prints with the item and its weight or price inside. A layout says, for one
 * prefix, how many digits name the item and what the digits after it hold, as the scale is set up:
 *
 *   2 1 | 0 4 2 1 7 | 0 1 2 5 0 | c       prefix 21, item 04217, weight 01250 g, check digit
 *
 * The product is found by its *label barcode*: the code with the value digits zeroed and the
 * check digit recomputed (`2104217000001` for the label above), which is what the shop records as
 * the product's barcode when it sets the item up on the scale. A code whose prefix has no layout
 * is an ordinary barcode.
 */
export const scaleLayoutSchema = z
  .object({
    /** The code's first two digits, 20–29. */
    prefix: z.string().regex(/^2\d$/, 'a scale prefix is two digits from 20 to 29'),
    /** Digits naming the item, right after the prefix. */
    itemDigits: z.number().int().min(4).max(6),
    /** What the value digits (the rest up to the check digit) hold. */
    value: z.enum(['weight', 'price']),
    /** Base units (g or ml) or minor units one step of the value is worth: 1 = grams or minor units, 10, 100 (whole rupees). */
    valueStep: z.union([z.literal(1), z.literal(10), z.literal(100)]).default(1),
  })
  .strict();
export type ScaleLayout = z.infer<typeof scaleLayoutSchema>;
export type ScaleLayoutInput = z.input<typeof scaleLayoutSchema>;

/** The layouts of one store: at most one per prefix. */
export const scaleLayoutsSchema = z
  .array(scaleLayoutSchema)
  .max(10)
  .refine((list) => new Set(list.map((l) => l.prefix)).size === list.length, { message: 'each prefix may have one layout' });

export type ScaleBarcode =
  | { kind: 'weight'; labelBarcode: string; itemCode: string; qty: number }
  | { kind: 'price'; labelBarcode: string; itemCode: string; priceMinor: number };

export class ScaleBarcodeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScaleBarcodeError';
  }
}

/**
 * Reads a scanned code with the store's layouts. Null when it is not a scale label (not 13
 * digits, or no layout for its prefix): look it up as an ordinary barcode. Throws
 * ScaleBarcodeError for a label whose check digit is wrong (a misread: scan again) or whose value
 * is zero.
 */
export function parseScaleBarcode(code: string, layouts: readonly ScaleLayout[]): ScaleBarcode | null {
  if (!/^\d{13}$/.test(code)) return null;
  const layout = layouts.find((l) => code.startsWith(l.prefix));
  if (!layout) return null;
  if (!hasValidGtinCheckDigit(code)) throw new ScaleBarcodeError(code, `the scale label ${code} did not read correctly (its check digit is wrong): scan it again`);
  const itemEnd = 2 + layout.itemDigits;
  const itemCode = code.slice(2, itemEnd);
  const raw = Number(code.slice(itemEnd, 12));
  const labelBody = code.slice(0, itemEnd).padEnd(12, '0');
  const labelBarcode = `${labelBody}${gtinCheckDigit(labelBody)}`;
  const amount = raw * layout.valueStep;
  if (amount <= 0) throw new ScaleBarcodeError(code, `the scale label ${code} carries no ${layout.value}`);
  // At most 6 value digits × 100 = 99,999,900: inside MAX_QTY and MAX_MINOR by construction.
  if (layout.value === 'weight') return { kind: 'weight', labelBarcode, itemCode, qty: amount };
  return { kind: 'price', labelBarcode, itemCode, priceMinor: amount };
}

/**
 * The quantity a price-embedded label stands for, at the product's shelf price: price per
 * `perQty` base units (1,000 for goods priced per kg or litre). Rounded to the nearest base unit;
 * at least 1.
 */
export function qtyForLabelPrice(priceMinor: number, shelf: { priceMinor: number; perQty: number }): number {
  if (shelf.priceMinor <= 0) throw new ScaleBarcodeError('', 'the product has no shelf price to turn the label price into a weight');
  return Math.max(1, Math.round((priceMinor * shelf.perQty) / shelf.priceMinor));
}

/** The label barcode a shop records for an item it sets up on the scale (value digits zero). */
export function scaleLabelBarcode(layout: ScaleLayout, itemCode: string): string {
  if (!new RegExp(`^\\d{${layout.itemDigits}}$`).test(itemCode)) throw new ScaleBarcodeError(itemCode, `a scale item code under prefix ${layout.prefix} has ${layout.itemDigits} digits`);
  const body = `${layout.prefix}${itemCode}`.padEnd(12, '0');
  return `${body}${gtinCheckDigit(body)}`;
}
