import { describe, expect, it } from 'vitest';
import { valueBands } from './stock-value.bands';

describe('stock value bands', () => {
  it('puts every store in exactly one of ten equal bands, the highest in the last', () => {
    const values = [0, 5, 10, 15, 99, 100];
    const bands = valueBands(values);
    expect(bands).toHaveLength(10);
    expect(bands.reduce((s, b) => s + b.stores, 0)).toBe(values.length);
    expect(bands[0]).toEqual({ from: 0, to: 10, stores: 2 });
    expect(bands[1]!.stores).toBe(2);
    expect(bands[9]).toEqual({ from: 90, to: 100, stores: 2 });
  });

  it('has one band when every store holds the same, and none without stores', () => {
    expect(valueBands([7, 7, 7])).toEqual([{ from: 7, to: 7, stores: 3 }]);
    expect(valueBands([])).toEqual([]);
  });
});
