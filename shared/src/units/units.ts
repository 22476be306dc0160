import { z } from 'zod';

/** Base units: every stored quantity is an integer in one of these. */
export const baseUnits = ['pc', 'g', 'ml'] as const;
export type BaseUnit = (typeof baseUnits)[number];
export const baseUnitSchema = z.enum(baseUnits);

/** Largest quantity (in base units) one movement or stock row may hold: 100 tonnes / 100 kL / 100M pieces. */
export const MAX_QTY = 100_000_000;
/** Largest price or cost in minor units: ₹1 crore. */
export const MAX_MINOR = 1_000_000_000;

/** Display units and how many base units each holds. */
const displayUnits: Record<string, { base: BaseUnit; factor: number }> = {
  pc: { base: 'pc', factor: 1 },
  pcs: { base: 'pc', factor: 1 },
  g: { base: 'g', factor: 1 },
  kg: { base: 'g', factor: 1000 },
  ml: { base: 'ml', factor: 1 },
  l: { base: 'ml', factor: 1000 },
  ltr: { base: 'ml', factor: 1000 },
};

export class UnitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitError';
  }
}

/**
 * Parse a non-negative decimal string into an integer count of 10^-scale units, exactly.
 * "12.5" at scale 2 is 1250. No floating point is involved.
 */
export function parseScaledDecimal(text: string, scale: number, what: string): number {
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!m) throw new UnitError(`${what}: "${text}" is not a number`);
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale))) {
    throw new UnitError(`${what}: "${text}" has more precision than allowed (${scale} decimal places)`);
  }
  const digits = whole + frac.slice(0, scale).padEnd(scale, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new UnitError(`${what}: "${text}" is too large`);
  return n;
}

/** Integer → decimal string with `scale` places, trailing zeros trimmed when `trim`. */
export function formatScaled(n: number, scale: number, trim: boolean): string {
  assertInteger(n, 'value');
  const neg = n < 0;
  const s = String(Math.abs(n)).padStart(scale + 1, '0');
  let whole = s.slice(0, s.length - scale);
  let frac = scale > 0 ? s.slice(s.length - scale) : '';
  if (trim) frac = frac.replace(/0+$/, '');
  whole = whole || '0';
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

export function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new UnitError(`${what} must be a whole number, got ${String(n)}`);
}

/** The unit a price is quoted in, and so the unit a bare typed number means: kg, L or pc. */
export function priceUnit(base: BaseUnit): 'kg' | 'L' | 'pc' {
  return base === 'g' ? 'kg' : base === 'ml' ? 'L' : 'pc';
}

/**
 * Parse what a person typed, such as "1.25 kg", "500g", "3", "2 L", into integer base units
 * of `base`. One rule everywhere a person types a quantity: a bare number is in the unit the
 * price is quoted in (`priceUnit`: "1.5" of loose sugar is 1.5 kg, "3" of soap is 3 pc); a
 * `g`, `kg`, `ml` or `L` suffix always works. Negative, NaN or absurd amounts are refused.
 * Programs (the API) pass integer base units and never come through here.
 */
export function parseQuantity(text: string, base: BaseUnit): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) throw new UnitError(`quantity "${text}" is not a non-negative number with an optional unit`);
  const unitName = (m[2] ?? '').toLowerCase() || priceUnit(base).toLowerCase();
  const unit = displayUnits[unitName];
  if (!unit) throw new UnitError(`unknown unit "${m[2]}" (use pc, g, kg, ml or L)`);
  if (unit.base !== base) throw new UnitError(`unit "${m[2]}" does not measure ${base}`);
  const scale = Math.round(Math.log10(unit.factor));
  if (scale === 0 && /\.\d*[1-9]/.test(m[1] ?? '')) {
    throw new UnitError(base === 'pc' ? `quantity "${text.trim()}": pieces are whole numbers` : `quantity "${text.trim()}": ${unitName} are whole numbers (type kg or L for a fraction)`);
  }
  const n = parseScaledDecimal(m[1] ?? '', scale, 'quantity');
  if (n > MAX_QTY) throw new UnitError(`quantity ${text} is over the limit of ${formatQuantity(MAX_QTY, base)}`);
  return n;
}

/** 1250 g → "1.25 kg", 500 g → "500 g", 3 pc → "3 pc", 1500 ml → "1.5 L". */
export function formatQuantity(qty: number, base: BaseUnit): string {
  assertInteger(qty, 'quantity');
  if (base === 'pc') return `${qty} pc`;
  const big = base === 'g' ? 'kg' : 'L';
  if (Math.abs(qty) >= 1000) return `${formatScaled(qty, 3, true)} ${big}`;
  return `${qty} ${base}`;
}

/** Parse "₹12.50", "12.5", "Rs 1,200" into integer minor units; `what` names the field in errors (price, cost …). */
export function parseMoney(text: string, what = 'amount'): number {
  const cleaned = text.trim().replace(/^(₹|rs\.?|inr|pkr)\s*/i, '').replace(/,/g, '');
  if (cleaned.startsWith('-')) throw new UnitError(`${what} "${text}" must not be negative`);
  const minor = parseScaledDecimal(cleaned, 2, what);
  if (minor > MAX_MINOR) throw new UnitError(`${what} "${text}" is over the limit of ${formatMoney(MAX_MINOR)}`);
  return minor;
}

/** 1234567 minor units → "₹12,345.67" with Indian digit grouping (12,34,567.00 for lakhs). */
export function formatMoney(minor: number): string {
  assertInteger(minor, 'amount');
  const neg = minor < 0;
  const s = formatScaled(Math.abs(minor), 2, false);
  const [whole = '0', frac = '00'] = s.split('.');
  const last3 = whole.slice(-3);
  const rest = whole.slice(0, -3);
  const grouped = rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}` : last3;
  return `${neg ? '-' : ''}₹${grouped}.${frac}`;
}

/** Line total = unit price × quantity, with the price per display unit for weighed goods. */
export function lineTotalMinor(unitPriceMinor: number, qty: number, base: BaseUnit): number {
  assertInteger(unitPriceMinor, 'price');
  assertInteger(qty, 'quantity');
  // Prices of weighed/measured goods are per kg / per L; round half up to the paisa.
  const perUnits = base === 'pc' ? 1 : 1000;
  const raw = unitPriceMinor * qty;
  const total = Math.floor((raw + Math.floor(perUnits / 2)) / perUnits);
  if (!Number.isSafeInteger(raw)) throw new UnitError('line total is too large');
  return total;
}

export const minorSchema = z
  .number({ message: 'must be a number of minor units' })
  .int('must be a whole number of minor units')
  .min(0, 'must not be negative')
  .max(MAX_MINOR, `must be at most ${MAX_MINOR} minor`);

export const quantitySchema = z
  .number({ message: 'must be a number' })
  .int('must be a whole number of base units')
  .min(-MAX_QTY, `must be at least -${MAX_QTY}`)
  .max(MAX_QTY, `must be at most ${MAX_QTY}`);
