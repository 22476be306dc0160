import type { CurrencyInfo } from './currency';
import { localeInfo, type Locale } from './locales';

/**
 * The BCP 47 tag numbers are formatted with: the language, the currency's country (so digit
 * grouping follows the money: lakh and crore for INR, thousands for PKR), Latin digits always
 * (amounts and SKUs must read the same on a receipt in every language).
 */
export function numberLocale(locale: Locale, currency?: CurrencyInfo): string {
  const region = currency?.region ?? localeInfo[locale].defaultRegion;
  return `${locale}-${region}-u-nu-latn`;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, options);
    cache.set(key, f);
  }
  return f;
}

/** Integer minor units → "Rs 1,234.50" (PKR), "₹12,34,567.50" (INR), in the reader's language. */
export function formatMinorUnits(minor: number, currency: CurrencyInfo, locale: Locale): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be a whole number of minor units, got ${String(minor)}`);
  const digits = currency.minorDigits;
  const f = numberFormat(numberLocale(locale, currency), {
    style: 'currency',
    currency: currency.code,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Exact for every safe integer: the division only moves the decimal point of a value that
  // Intl then rounds to the same number of digits.
  const parts = f.formatToParts(minor / 10 ** digits);
  return parts.map((p) => (p.type === 'currency' && currency.symbol ? currency.symbol : p.value)).join('');
}

/** "₹12L", "Rs 1.2M": chart axes and tight cards. */
export function formatMinorUnitsCompact(minor: number, currency: CurrencyInfo, locale: Locale): string {
  const f = numberFormat(numberLocale(locale, currency), { style: 'currency', currency: currency.code, notation: 'compact', maximumFractionDigits: 1 });
  return f
    .formatToParts(minor / 10 ** currency.minorDigits)
    .map((p) => (p.type === 'currency' && currency.symbol ? currency.symbol : p.value))
    .join('');
}

/** A plain number with the grouping of the reader's language and the money's country. */
export function formatNumberIn(n: number, locale: Locale, currency?: CurrencyInfo, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(numberLocale(locale, currency), { maximumFractionDigits: 3, ...options }).format(n);
}
