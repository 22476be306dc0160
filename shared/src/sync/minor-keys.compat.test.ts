// rename-minor: keep (these tests name the old keys on purpose)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { legacyKey, minorKey, parseMinorJson, withLegacyKeys, withMinorKeys } from './minor-keys.compat';

describe('money keys before and after protocol 3', () => {
  it('renames camel, snake and the bare discount key, and nothing else', () => {
    expect(['pricePaise', 'unit_cost_paise', 'paise', 'minorDigits', 'paisa', 'easypaisa', 'name'].map(minorKey)).toEqual([
      'priceMinor',
      'unit_cost_minor',
      'minor',
      'minorDigits',
      'paisa',
      'easypaisa',
      'name',
    ]);
    expect(['priceMinor', 'unit_cost_minor', 'minor', 'minorDigits', 'Minor', 'name'].map(legacyKey)).toEqual([
      'pricePaise',
      'unit_cost_paise',
      'paise',
      'minorDigits',
      'Minor',
      'name',
    ]);
  });

  it('renames deep inside arrays and objects, keeping key order, so a JSON digest matches one written with the new names', () => {
    const old = { id: 'b1', lines: [{ unitPricePaise: 1000, discount: { kind: 'amount', paise: 50 }, totalPaise: 950 }], payments: [{ method: 'cash', amountPaise: 950 }], totalPaise: 950 };
    const now = { id: 'b1', lines: [{ unitPriceMinor: 1000, discount: { kind: 'amount', minor: 50 }, totalMinor: 950 }], payments: [{ method: 'cash', amountMinor: 950 }], totalMinor: 950 };
    expect(JSON.stringify(withMinorKeys(old))).toBe(JSON.stringify(now));
    expect(JSON.stringify(withLegacyKeys(now))).toBe(JSON.stringify(old));
    expect(parseMinorJson(JSON.stringify(old))).toEqual(now);
  });

  it('returns the very same value when there is nothing to rename, and leaves strings, numbers and nulls alone', () => {
    const v = { a: [1, 'pricePaise', null, { b: true }], c: 'paise' };
    expect(withMinorKeys(v)).toBe(v);
    expect(withMinorKeys('pricePaise')).toBe('pricePaise');
    expect(withMinorKeys(null)).toBe(null);
  });

  it('keeps the new spelling when an object holds both', () => {
    expect(withMinorKeys({ pricePaise: 1, priceMinor: 2 })).toEqual({ priceMinor: 2 });
  });

  it('round-trips any new-named value through the old names and back', () => {
    const key = fc.constantFrom('priceMinor', 'total_minor', 'minor', 'name', 'qty', 'minorDigits');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(value, (v) => {
      expect(withMinorKeys(withLegacyKeys(v))).toEqual(v);
    }));
  });
});
