import { parseMoney, parseScaledDecimal, paymentMethods, type Discount, type PaymentMethod } from '@bazaar/shared';
import { InvalidArgumentError } from 'commander';
import type { PaymentInput } from '@bazaar/shared';

/** Collect a repeated option into a list. */
export function collect<T>(parse: (v: string) => T) {
  return (value: string, previous: T[] = []): T[] => [...previous, parse(value)];
}

function method(text: string): PaymentMethod {
  const m = paymentMethods.find((x) => x === text.trim().toLowerCase());
  if (!m) throw new InvalidArgumentError(`"${text}" is not a payment method; use one of ${paymentMethods.join(', ')}`);
  return m;
}

function money(text: string, what: string): number {
  try {
    return parseMoney(text, what);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

/** `--pay upi=200` (rupees), `--pay credit` (the rest), `--pay cash=500` (cash handed over). */
export function parsePay(text: string): PaymentInput {
  const [name = '', amount] = text.split('=');
  const m = method(name);
  if (amount === undefined) return { method: m };
  const paise = money(amount, `${m} amount`);
  return m === 'cash' ? { method: m, tenderedPaise: paise } : { method: m, amountPaise: paise };
}

/** `10%` (a percentage, up to 2 decimals) or `50` (rupees off). */
export function parseDiscount(text: string): Discount {
  const t = text.trim();
  if (t.endsWith('%')) {
    const bp = parseScaledDecimal(t.slice(0, -1).trim(), 2, 'discount');
    if (bp < 1 || bp > 10_000) throw new InvalidArgumentError(`discount "${text}" must be between 0.01% and 100%`);
    return { kind: 'percent', basisPoints: bp };
  }
  const paise = money(t, 'discount');
  if (paise < 1) throw new InvalidArgumentError('a discount must be more than zero');
  return { kind: 'amount', paise };
}

/** `--line-discount 2=10%`: line 2 (as typed, from 1) gets 10% off. */
export function parseLineDiscount(text: string): { line: number; discount: Discount } {
  const [n = '', d = ''] = text.split('=');
  const line = Number(n);
  if (!Number.isInteger(line) || line < 1) throw new InvalidArgumentError(`"${text}": say the line and the discount, e.g. 2=10% or 1=20`);
  return { line, discount: parseDiscount(d) };
}

/** `--line 1:2` (line 1, quantity 2 in the line's price unit) or `--line 3` (all of line 3 that is left). */
export function parseReturnLine(text: string): { lineNo: number; qty: string | null } {
  const [n = '', q] = text.split(':');
  const lineNo = Number(n);
  if (!Number.isInteger(lineNo) || lineNo < 1) throw new InvalidArgumentError(`"${text}" is not LINE or LINE:QTY (e.g. 2:1)`);
  return { lineNo, qty: q ?? null };
}

/** `--note 500x3` is three Rs 500 notes; coins too: `1x40`. */
export function parseDenomination(text: string): { denominationPaise: number; count: number } {
  const m = /^\s*([\d.]+)\s*[x×*]\s*(\d+)\s*$/i.exec(text);
  if (!m) throw new InvalidArgumentError(`"${text}" is not NOTExCOUNT (e.g. 500x3 for three Rs 500 notes)`);
  return { denominationPaise: money(m[1] ?? '', 'denomination'), count: Number(m[2]) };
}

/** `--approve NAME --approve-pin PIN`: both or neither. */
export function approvalOf(o: { approve?: string | undefined; approvePin?: string | undefined }): { username: string; pin: string } | undefined {
  if (!o.approve && !o.approvePin) return undefined;
  if (!o.approve || !o.approvePin) throw new InvalidArgumentError('a manager approves with both --approve NAME and --approve-pin PIN');
  return { username: o.approve, pin: o.approvePin };
}

/** `--receipt 58` / `--width 58` → 32 columns; 80 (or nothing) → 48. */
export function receiptWidth(v: string | boolean | undefined): 32 | 48 {
  if (v === undefined || v === true || v === '80' || v === '48') return 48;
  if (v === '58' || v === '32') return 32;
  throw new InvalidArgumentError(`receipt width "${String(v)}": use 58 (mm) or 80 (mm)`);
}
