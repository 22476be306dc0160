import { currencyInfo, formatScaled, type CurrencyInfo } from '@bazaar/shared';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { readHubLocale } from '../settings/hub-settings.repository';

/** The caller asked for CSV: `?format=csv` or an Accept header that prefers text/csv. */
export function wantsCsv(c: Context): boolean {
  if (c.req.query('format') === 'csv') return true;
  const accept = c.req.header('accept') ?? '';
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept.split('text/csv')[0] ?? '');
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) is prefixed with a quote so an exported product name cannot execute anything.
 */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Money in a CSV: the hub's currency, and the columns holding amounts in its minor units. A
 * column whose key ends in `Minor` is money without being named.
 */
export interface CsvMoney {
  currency: Pick<CurrencyInfo, 'code' | 'minorDigits'>;
  columns?: readonly string[];
}

/** The hub's currency, for the money columns of a CSV answer. */
export async function csvMoney(db: Kysely<Database>, columns?: readonly string[]): Promise<CsvMoney> {
  return { currency: currencyInfo((await readHubLocale(db)).currency), ...(columns ? { columns } : {}) };
}

const minorSuffix = /(Minor|_minor)$/;

/** A money column's header names the currency, as the web app's files do: "revenueMinor" → "revenue (PKR)". */
export function moneyHeader(key: string, currency: Pick<CurrencyInfo, 'code'>): string {
  return `${key.replace(minorSuffix, '') || key} (${currency.code})`;
}

/** Minor units as major units with all the currency's digits: 12345 → "123.45" (JPY "12345", KWD "12.345"). */
export function moneyValue(minor: unknown, currency: Pick<CurrencyInfo, 'minorDigits'>): string {
  if (minor === null || minor === undefined || minor === '') return '';
  const n = Number(minor);
  return Number.isFinite(n) ? formatScaled(Math.round(n), currency.minorDigits, false) : '';
}

export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[], money?: CsvMoney): string {
  const isMoney = (col: string) => minorSuffix.test(col) || (money?.columns?.includes(col) ?? false);
  const cols = columns.map((col) => ({ col, currency: money && isMoney(col) ? money.currency : null }));
  const lines = [cols.map((c) => (c.currency ? moneyHeader(c.col, c.currency) : c.col)).join(',')];
  for (const r of rows) lines.push(cols.map((c) => (c.currency ? moneyValue(r[c.col], c.currency) : field(r[c.col]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function csvResponse(c: Context, filename: string, body: string): Response {
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}
