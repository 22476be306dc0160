import { describe, expect, it } from 'vitest';
import { discountText, parseAmount, parseDiscount } from './discount';

describe('parseDiscount', () => {
  it('reads a percentage in basis points and an amount in minor units', () => {
    expect(parseDiscount('10%')).toEqual({ discount: { kind: 'percent', basisPoints: 1000 } });
    expect(parseDiscount(' 2.5 % ')).toEqual({ discount: { kind: 'percent', basisPoints: 250 } });
    expect(parseDiscount('50')).toEqual({ discount: { kind: 'amount', minor: 5000 } });
    expect(parseDiscount('12.50')).toEqual({ discount: { kind: 'amount', minor: 1250 } });
  });
  it('empty removes the discount; nonsense and out-of-range are refused', () => {
    expect(parseDiscount('  ')).toEqual({ discount: undefined });
    expect(parseDiscount('101%')).toEqual({ error: 'bills.discount.badPercent' });
    expect(parseDiscount('abc')).toEqual({ error: 'bills.discount.badAmount' });
    expect(parseDiscount('0')).toEqual({ error: 'bills.discount.badAmount' });
  });
  it('reads back what it parsed', () => {
    expect(discountText({ kind: 'percent', basisPoints: 1250 })).toBe('12.5%');
    expect(discountText({ kind: 'amount', minor: 5000 })).toBe('50.00');
    expect(parseAmount('1,200')).toBe(120000);
    expect(parseAmount('x')).toBeNull();
  });
});
