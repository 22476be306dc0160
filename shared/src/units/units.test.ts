import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, formatQuantity, lineTotalMinor, parseMoney, parseQuantity, minorSchema, priceUnit, quantitySchema, MAX_QTY } from './units';

describe('quantities', () => {
  it('parses display units into integer base units exactly', () => {
    expect(parseQuantity('1.25 kg', 'g')).toBe(1250);
    expect(parseQuantity('500g', 'g')).toBe(500);
    expect(parseQuantity('2 L', 'ml')).toBe(2000);
    expect(parseQuantity('0.001kg', 'g')).toBe(1);
    expect(parseQuantity('3', 'pc')).toBe(3);
    expect(parseQuantity('0.1 kg', 'g')).toBe(100); // 0.1 is not exact in floating point
  });

  it('reads a bare number in the unit the price is quoted in (kg, L, pc), suffixes always work', () => {
    expect(priceUnit('g')).toBe('kg');
    expect(priceUnit('ml')).toBe('L');
    expect(priceUnit('pc')).toBe('pc');
    expect(parseQuantity('50', 'g')).toBe(50_000); // stock-in "50" of loose sugar is 50 kg, not 50 g
    expect(parseQuantity('1.5', 'g')).toBe(1_500);
    expect(parseQuantity('29', 'g')).toBe(29_000);
    expect(parseQuantity('0.75', 'ml')).toBe(750);
    expect(parseQuantity('750 g', 'g')).toBe(750);
    expect(parseQuantity('750ml', 'ml')).toBe(750);
    expect(parseQuantity('12', 'pc')).toBe(12);
  });

  it('refuses bad input with a clear message', () => {
    expect(() => parseQuantity('-1', 'pc')).toThrow(/non-negative/);
    expect(() => parseQuantity('NaN', 'pc')).toThrow(/non-negative number/);
    expect(() => parseQuantity('1.5', 'pc')).toThrow(/pieces are whole numbers/);
    expect(() => parseQuantity('1.5 g', 'g')).toThrow(/g are whole numbers \(type kg or L for a fraction\)/);
    expect(parseQuantity('2.0', 'pc')).toBe(2);
    expect(() => parseQuantity('1.0005 kg', 'g')).toThrow(/precision/);
    expect(() => parseQuantity('2 kg', 'ml')).toThrow(/does not measure ml/);
    expect(() => parseQuantity('2 boxes', 'pc')).toThrow(/unknown unit "boxes"/);
    expect(() => parseQuantity('999999999999', 'pc')).toThrow(/over the limit/);
  });

  it('formats base units for people', () => {
    expect(formatQuantity(1250, 'g')).toBe('1.25 kg');
    expect(formatQuantity(500, 'g')).toBe('500 g');
    expect(formatQuantity(1500, 'ml')).toBe('1.5 L');
    expect(formatQuantity(-2, 'pc')).toBe('-2 pc');
    expect(() => formatQuantity(0.5, 'pc')).toThrow(/whole number/);
  });

  it('round-trips every quantity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_QTY }), fc.constantFrom('pc', 'g', 'ml' as const), (q, unit) => {
        expect(parseQuantity(formatQuantity(q, unit), unit)).toBe(q);
      }),
      { numRuns: 1000 },
    );
  });

  it('validates stored quantities', () => {
    expect(quantitySchema.safeParse(1.5).success).toBe(false);
    expect(quantitySchema.safeParse(Number.NaN).success).toBe(false);
    expect(quantitySchema.safeParse(MAX_QTY + 1).success).toBe(false);
    expect(quantitySchema.safeParse(-5).success).toBe(true);
  });
});

describe('money', () => {
  it('parses rupees into minor without floating point', () => {
    expect(parseMoney('₹12.50')).toBe(1250);
    expect(parseMoney('12.5')).toBe(1250);
    expect(parseMoney('Rs 1,200')).toBe(120000);
    expect(parseMoney('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
  });

  it('refuses bad amounts', () => {
    expect(() => parseMoney('-5')).toThrow(/must not be negative/);
    expect(() => parseMoney('abc')).toThrow(/not a number/);
    expect(() => parseMoney('1.234')).toThrow(/precision/);
    expect(() => parseMoney('99999999999')).toThrow(/over the limit/);
    expect(minorSchema.safeParse(-1).success).toBe(false);
    expect(minorSchema.safeParse(Number.NaN).success).toBe(false);
  });

  it('formats with Indian digit grouping', () => {
    expect(formatMoney(1250)).toBe('₹12.50');
    expect(formatMoney(0)).toBe('₹0.00');
    expect(formatMoney(12345678)).toBe('₹1,23,456.78');
    expect(formatMoney(-500)).toBe('-₹5.00');
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (p) => {
        expect(parseMoney(formatMoney(p))).toBe(p);
      }),
      { numRuns: 1000 },
    );
  });

  it('prices weighed goods per kg and rounds to the paisa', () => {
    expect(lineTotalMinor(4500, 1250, 'g')).toBe(5625); // ₹45/kg × 1.25 kg
    expect(lineTotalMinor(1000, 3, 'pc')).toBe(3000);
    expect(lineTotalMinor(333, 1, 'g')).toBe(0);
    expect(lineTotalMinor(333, 2, 'g')).toBe(1);
  });
});
