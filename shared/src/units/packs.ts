import { z } from 'zod';
import { barcodeSchema } from '../domain/common.schema';
import { MAX_MINOR, MAX_QTY, UnitError, parseQuantity, parseScaledDecimal, type BaseUnit } from './units';

/**
 * Packaging units: a product keeps one base unit (pc, g, ml) and may be bought and sold in packs
 * that hold a whole number of it (carton = 24 pc, dozen = 12 pc, 5 kg bag = 5,000 g). Stock and
 * movements stay in base units; a pack is a way to type, scan and read them. A pack may carry its
 * own barcode (scanning it means the whole pack) and its own price (a carton sold cheaper than 24
 * packets).
 */
export const packSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    /** Base units in one pack; more than one. */
    qty: z.number().int().min(2).max(MAX_QTY),
    barcode: barcodeSchema.nullable().default(null),
    /** The pack's own price in minor units; null = qty × the unit price. */
    priceMinor: z.number().int().min(0).max(MAX_MINOR).nullable().default(null),
  })
  .strict();
export type Pack = z.infer<typeof packSchema>;

/** A product's packs: distinct names (case-insensitive), distinct sizes and barcodes. */
export const packsSchema = z
  .array(packSchema)
  .max(8)
  .superRefine((packs, ctx) => {
    const seen = { name: new Set<string>(), qty: new Set<number>(), barcode: new Set<string>() };
    packs.forEach((p, i) => {
      const name = p.name.toLowerCase();
      if (seen.name.has(name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `two packs are called "${p.name}"` });
      if (seen.qty.has(p.qty)) ctx.addIssue({ code: 'custom', path: [i, 'qty'], message: `two packs hold ${p.qty}` });
      if (p.barcode !== null && seen.barcode.has(p.barcode)) ctx.addIssue({ code: 'custom', path: [i, 'barcode'], message: `two packs have the barcode ${p.barcode}` });
      seen.name.add(name);
      seen.qty.add(p.qty);
      if (p.barcode !== null) seen.barcode.add(p.barcode);
    });
  });

/** Base units in `count` packs. */
export function packsToBase(count: number, pack: Pick<Pack, 'qty'>): number {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`a pack count is a whole number, not ${count}`);
  const qty = count * pack.qty;
  if (qty > MAX_QTY) throw new RangeError(`${count} × ${pack.qty} is more than one movement may hold`);
  return qty;
}

export interface PackBreakdown {
  /** Largest packs first; packs with a count of 0 are left out. */
  packs: { name: string; qty: number; count: number }[];
  /** What is left in base units, less than the smallest pack. */
  rest: number;
}

/**
 * A base quantity as packs, largest first ("3 cartons 5 pc"): as many of the largest pack as fit,
 * then of the next, the rest in base units. Negative quantities break down by their size with
 * every count negative. Sum of count × qty plus rest is always the quantity.
 */
export function breakDownIntoPacks(qty: number, packs: readonly Pick<Pack, 'name' | 'qty'>[]): PackBreakdown {
  const sign = qty < 0 ? -1 : 1;
  let left = Math.abs(qty);
  const out: PackBreakdown['packs'] = [];
  for (const p of [...packs].sort((a, b) => b.qty - a.qty)) {
    const count = Math.floor(left / p.qty);
    if (count === 0) continue;
    out.push({ name: p.name, qty: p.qty, count: sign * count });
    left -= count * p.qty;
  }
  return { packs: out, rest: sign * left || 0 };
}

/** The pack whose barcode this is, if any. */
export function packByBarcode<P extends Pick<Pack, 'barcode'>>(packs: readonly P[], barcode: string): P | undefined {
  return packs.find((p) => p.barcode !== null && p.barcode === barcode);
}

/** Price of `count` packs: the pack's own price when it has one, else its base units at the unit price. */
export function packPriceMinor(count: number, pack: Pick<Pack, 'qty' | 'priceMinor'>, unitPrice: { priceMinor: number; perQty: number }): number {
  if (pack.priceMinor !== null) return count * pack.priceMinor;
  return Math.round((count * pack.qty * unitPrice.priceMinor) / unitPrice.perQty);
}

/** Plain text for a breakdown: "3 carton + 5 pc" (the UI formats it per language; this is for logs and the CLI). */
export function formatPackBreakdown(b: PackBreakdown, unit: BaseUnit): string {
  const negative = b.rest < 0 || b.packs.some((p) => p.count < 0);
  const parts = b.packs.map((p) => `${Math.abs(p.count)} ${p.name}`);
  if (b.rest !== 0 || parts.length === 0) parts.push(`${Math.abs(b.rest)} ${unit}`);
  const text = parts.join(' + ');
  return negative ? `-(${text})` : text;
}

/** A quantity a person typed, read with the product's packs too: "3 cartons" is 3 × the carton. */
export interface TypedPackQuantity {
  /** Base units. */
  qty: number;
  /** The pack named, with how many of it; null when the text named a base or display unit. */
  pack: { name: string; qty: number; count: number } | null;
}

/**
 * "3 carton", "3 cartons", "2 Dozen" (a pack's name, case-insensitive, with or without a plural
 * s) is that many packs; anything else is read by parseQuantity ("1.5 kg", "500 g", "3").
 * A pack count is a whole number.
 */
export function parsePackQuantity(text: string, base: BaseUnit, packs: readonly Pick<Pack, 'name' | 'qty'>[]): TypedPackQuantity {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(\S.*?)\s*$/.exec(text);
  const word = m?.[2]?.toLowerCase();
  const pack = word === undefined ? undefined : packs.find((p) => {
    const name = p.name.toLowerCase();
    return word === name || word === `${name}s` || word === `${name}es`;
  });
  if (!m || !pack) return { qty: parseQuantity(text, base), pack: null };
  if (/\.\d*[1-9]/.test(m[1] ?? '')) throw new UnitError(`quantity "${text.trim()}": ${pack.name} are counted whole`);
  const count = parseScaledDecimal(m[1] ?? '', 0, 'quantity');
  if (count < 1) throw new UnitError(`quantity "${text.trim()}" must be at least one ${pack.name}`);
  try {
    return { qty: packsToBase(count, pack), pack: { name: pack.name, qty: pack.qty, count } };
  } catch (err) {
    throw new UnitError(err instanceof Error ? err.message : String(err));
  }
}
