/** A currency as the hub keeps it: amounts are integers of its minor unit. */
export interface CurrencyInfo {
  code: string;
  /** ISO 4217 exponent: 2 for PKR and INR (paisa), 0 for JPY, 3 for KWD. */
  minorDigits: number;
  /** What people write before an amount; Intl's own symbol when not set. */
  symbol?: string;
  /** The country whose digit grouping amounts follow (lakh and crore in India). */
  region?: string;
}

// ISO 4217 exponents where Intl's (CLDR's) display digits differ or where the symbol is fixed
// by custom: CLDR shows PKR with no decimals, but the minor unit of stored amounts is the paisa.
const known: Record<string, CurrencyInfo> = {
  PKR: { code: 'PKR', minorDigits: 2, symbol: 'Rs', region: 'PK' },
  INR: { code: 'INR', minorDigits: 2, symbol: '₹', region: 'IN' },
  BDT: { code: 'BDT', minorDigits: 2, symbol: '৳', region: 'BD' },
  NPR: { code: 'NPR', minorDigits: 2, symbol: 'Rs', region: 'NP' },
  LKR: { code: 'LKR', minorDigits: 2, symbol: 'Rs', region: 'LK' },
  AFN: { code: 'AFN', minorDigits: 2, region: 'AF' },
  IRR: { code: 'IRR', minorDigits: 2, region: 'IR' },
};

export class CurrencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurrencyError';
  }
}

/** Any ISO 4217 code: a known entry, else Intl's digits for it. Throws on a malformed or unknown code. */
export function currencyInfo(code: string): CurrencyInfo {
  const upper = code.trim().toUpperCase();
  const k = known[upper];
  if (k) return k;
  if (!/^[A-Z]{3}$/.test(upper)) throw new CurrencyError(`"${code}" is not an ISO 4217 currency code`);
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null;
  if (supported && !supported.includes(upper)) throw new CurrencyError(`unknown currency "${code}"`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: upper }).resolvedOptions().maximumFractionDigits ?? 2;
  return { code: upper, minorDigits: digits };
}

/** What a receipt prints before amounts: the currency's symbol ("Rs", "₹"), else its code ("KWD"). */
export function receiptCurrencyLabel(code: string): string {
  const info = currencyInfo(code);
  return info.symbol ?? info.code;
}

// The money of the country a store's clock is set for: what a stand-alone store (no hub to say)
// counts in until someone chooses. Only zones of the countries whose currencies are known above.
const zoneCurrencies: Record<string, string> = {
  'Asia/Karachi': 'PKR',
  'Asia/Kolkata': 'INR',
  'Asia/Calcutta': 'INR',
  'Asia/Dhaka': 'BDT',
  'Asia/Kathmandu': 'NPR',
  'Asia/Colombo': 'LKR',
  'Asia/Kabul': 'AFN',
};

/** The currency of the country an IANA zone belongs to ("Asia/Karachi" → "PKR"); null when not known. */
export function currencyOfTimeZone(zone: string | null | undefined): string | null {
  return zone ? (zoneCurrencies[zone] ?? null) : null;
}
