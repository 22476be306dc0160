import { parseMoney, parseScaledDecimal, paymentMethods, type Discount, type PaymentMethod } from '@bazaar/shared';
import { InvalidArgumentError } from 'commander';
import type { PaymentInput } from '@bazaar/shared';
import { cliT } from './cli.i18n';

/** Collect a repeated option into a list. */
export function collect<T>(parse: (v: string) => T) {
  return (value: string, previous: T[] = []): T[] => [...previous, parse(value)];
}

function method(text: string): PaymentMethod {
  const m = paymentMethods.find((x) => x === text.trim().toLowerCase());
  if (!m) throw new InvalidArgumentError(cliT.t('cli.args.payMethod', { value: text, methods: paymentMethods.join(', ') }));
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
  const minor = money(amount, `${m} amount`);
  return m === 'cash' ? { method: m, tenderedMinor: minor } : { method: m, amountMinor: minor };
}

/** `10%` (a percentage, up to 2 decimals) or `50` (rupees off). */
export function parseDiscount(text: string): Discount {
  const t = text.trim();
  if (t.endsWith('%')) {
    const bp = parseScaledDecimal(t.slice(0, -1).trim(), 2, 'discount');
    if (bp < 1 || bp > 10_000) throw new InvalidArgumentError(cliT.t('cli.args.discountRange', { value: text }));
    return { kind: 'percent', basisPoints: bp };
  }
  const minor = money(t, 'discount');
  if (minor < 1) throw new InvalidArgumentError(cliT.t('cli.args.discountZero'));
  return { kind: 'amount', minor };
}

/** `--line-discount 2=10%`: line 2 (as typed, from 1) gets 10% off. */
export function parseLineDiscount(text: string): { line: number; discount: Discount } {
  const [n = '', d = ''] = text.split('=');
  const line = Number(n);
  if (!Number.isInteger(line) || line < 1) throw new InvalidArgumentError(cliT.t('cli.args.lineDiscount', { value: text }));
  return { line, discount: parseDiscount(d) };
}

/** `--line 1:2` (line 1, quantity 2 in the line's price unit) or `--line 3` (all of line 3 that is left). */
export function parseReturnLine(text: string): { lineNo: number; qty: string | null } {
  const [n = '', q] = text.split(':');
  const lineNo = Number(n);
  if (!Number.isInteger(lineNo) || lineNo < 1) throw new InvalidArgumentError(cliT.t('cli.args.returnLine', { value: text }));
  return { lineNo, qty: q ?? null };
}

/** `--note 500x3` is three Rs 500 notes; coins too: `1x40`. */
export function parseDenomination(text: string): { denominationMinor: number; count: number } {
  const m = /^\s*([\d.]+)\s*[x×*]\s*(\d+)\s*$/i.exec(text);
  if (!m) throw new InvalidArgumentError(cliT.t('cli.args.denomination', { value: text }));
  return { denominationMinor: money(m[1] ?? '', 'denomination'), count: Number(m[2]) };
}

/** `--approve NAME --approve-pin PIN`: both or neither. */
export function approvalOf(o: { approve?: string | undefined; approvePin?: string | undefined }): { username: string; pin: string } | undefined {
  if (!o.approve && !o.approvePin) return undefined;
  if (!o.approve || !o.approvePin) throw new InvalidArgumentError(cliT.t('cli.args.approveBoth'));
  return { username: o.approve, pin: o.approvePin };
}

/** `--receipt 58` / `--width 58` → 32 columns; 80 (or nothing) → 48. */
export function receiptWidth(v: string | boolean | undefined): 32 | 48 {
  if (v === undefined || v === true || v === '80' || v === '48') return 48;
  if (v === '58' || v === '32') return 32;
  throw new InvalidArgumentError(cliT.t('cli.args.receiptWidth', { value: String(v) }));
}
