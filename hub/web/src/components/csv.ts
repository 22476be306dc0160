import { priceUnit, zonedStamp, type BaseUnit, type CurrencyInfo } from '@bazaar/shared';

/** RFC 4180 quoting; a leading =,+,-,@ is prefixed so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * An instant as the wall time people saw, with its offset: "2026-12-01 20:36:00 +05:30" in
 * `timeZone` (else the browser's). A spreadsheet reads the local time and nothing is lost (no UTC "Z").
 */
export function csvInstant(iso: string, timeZone?: string): string {
  return zonedStamp(iso, timeZone);
}

/** The file: a header row, then the rows; every instant (an ISO time in UTC) written as local time with its offset. */
export function toCsv(header: string[], rows: unknown[][], timeZone?: string): string {
  const cell = (v: unknown) => csvCell(typeof v === 'string' && isoInstant.test(v) ? csvInstant(v, timeZone) : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function stampedName(base: string): string {
  return `${base}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}

/** A money column's header names the currency: "Price (PKR)". */
export function csvMoneyHeader(header: string, currency: Pick<CurrencyInfo, 'code'>): string {
  return `${header} (${currency.code})`;
}

/** Minor units (paisa) as the currency's major units with all its digits: 12345 → "123.45" (KWD: "12.345"). */
export function csvMoneyValue(minor: number | null | undefined, currency: Pick<CurrencyInfo, 'minorDigits'>): string | null {
  if (minor === null || minor === undefined) return null;
  const d = currency.minorDigits;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  if (d === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(d + 1, '0');
  return `${sign}${s.slice(0, -d)}.${s.slice(-d)}`;
}

/**
 * A quantity as a CSV number in the unit its price is quoted in (kg, L or pc), read beside a unit
 * column (`csvUnit`): 28755 g is 28.755 (kg), never 28755 beside a price per kg.
 */
export function csvQty(qty: number | null | undefined, unit: BaseUnit): number | null {
  if (qty === null || qty === undefined) return null;
  return unit === 'pc' ? qty : qty / 1000;
}

/** The unit `csvQty` wrote a quantity in, and the one prices are per: kg, L or pc. */
export const csvUnit = priceUnit;

const unitRank: Record<BaseUnit, number> = { pc: 0, g: 1, ml: 2 };
/**
 * A sort key that orders quantities within their unit (pieces, then weights, then volumes, each by
 * amount): 28.755 kg never lands above 127 pc because 28755 > 127. Quantities stay under 10¹⁰.
 */
export function qtySortKey(qty: number | null | undefined, unit: BaseUnit): number | null {
  if (qty === null || qty === undefined) return null;
  return unitRank[unit] * 1e10 + qty;
}
