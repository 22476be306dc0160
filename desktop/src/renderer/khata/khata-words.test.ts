import { createTranslator } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../counter/discount';
import { signedAmount, statementDay } from './khata-words';

describe('khata words', () => {
  it('reads a signed adjustment, and refuses zero or words', () => {
    expect(signedAmount('250', parseAmount)).toBe(25_000);
    expect(signedAmount('-250.50', parseAmount)).toBe(-25_050);
    expect(signedAmount('− 40', parseAmount)).toBe(-4_000);
    expect(signedAmount('+5', parseAmount)).toBe(500);
    expect(signedAmount('0', parseAmount)).toBeNull();
    expect(signedAmount('abc', parseAmount)).toBeNull();
  });
  it('a statement day is a local date with its year, never the ISO string', () => {
    expect(statementDay(createTranslator({ locale: 'en' }), '2026-12-03')).toBe('3 Dec 2026');
  });
});
