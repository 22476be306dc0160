/**
 * EAN/GTIN check digits (EAN-8, UPC-A, EAN-13, GTIN-14 share one rule): from the right, the
 * digits before the check digit are weighted 3, 1, 3, 1 …; the check digit brings the sum to a
 * multiple of 10.
 */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error(`not digits: "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is 8, 12, 13 or 14 digits whose last digit is the right check digit. */
export function hasValidGtinCheckDigit(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** `body` with its check digit appended. */
export function withGtinCheckDigit(body: string): string {
  return `${body}${gtinCheckDigit(body)}`;
}
