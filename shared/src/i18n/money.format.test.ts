import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScaled } from '../units/units';
import { currencyInfo, CurrencyError } from './currency';
import { formatMinorUnits, formatNumberIn } from './money.format';

const PKR = currencyInfo('PKR');
const INR = currencyInfo('INR');

describe('money formatting per language and currency', () => {
  it('writes rupees of India with lakh and crore grouping and ₹', () => {
    expect(formatMinorUnits(1234567, INR, 'en')).toBe('₹12,345.67');
    expect(formatMinorUnits(123456789, INR, 'en')).toBe('₹12,34,567.89');
    expect(formatMinorUnits(123456789, INR, 'hi')).toBe('₹12,34,567.89');
    expect(formatMinorUnits(-4550, INR, 'en')).toBe('-₹45.50');
  });

  it('writes rupees of Pakistan with thousands grouping, Rs and paisa, in English and Urdu', () => {
    expect(formatMinorUnits(123456789, PKR, 'en')).toMatch(/^Rs\s1,234,567\.89$/);
    expect(formatMinorUnits(4550, PKR, 'ur')).toMatch(/^Rs\s?45\.50$/);
    expect(formatMinorUnits(123456789, PKR, 'ur')).toMatch(/1,234,567\.89/);
  });

  it('keeps Latin digits in every language (a receipt reads the same)', () => {
    for (const l of ['en', 'ur', 'hi'] as const) expect(formatMinorUnits(98765, PKR, l)).toMatch(/987\.65/);
    expect(formatNumberIn(1234567, 'ur', PKR)).toBe('1,234,567');
    expect(formatNumberIn(1234567, 'en', PKR)).toBe('1,234,567');
    expect(formatNumberIn(1234567, 'hi', INR)).toBe('12,34,567');
    expect(formatNumberIn(1234567, 'en', INR)).toBe('12,34,567');
  });

  it('takes any ISO 4217 code with its own minor unit', () => {
    expect(currencyInfo('jpy').minorDigits).toBe(0);
    expect(currencyInfo('KWD').minorDigits).toBe(3);
    expect(formatMinorUnits(1234, currencyInfo('JPY'), 'en')).toMatch(/1,234$/);
    expect(formatMinorUnits(1234, currencyInfo('KWD'), 'en')).toMatch(/1\.234$/);
    expect(() => currencyInfo('RUPEES')).toThrow(CurrencyError);
    expect(() => currencyInfo('ZZZ')).toThrow(CurrencyError);
  });

  it('is exact for every amount up to the limit: the digits are those of the integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), fc.constantFrom(PKR, INR), fc.constantFrom('en', 'ur', 'hi' as const), (minor, cur, l) => {
        const shown = formatMinorUnits(minor, cur, l).replace(/[^\d.-]/g, '');
        expect(shown).toBe(formatScaled(minor, 2, false));
      }),
    );
  });
});
