import { describe, expect, it } from 'vitest';
import { currencyInfo } from '@bazaar/shared';
import { csvCell, csvInstant, csvMoneyHeader, csvMoneyValue, csvQty, csvUnit, qtySortKey, toCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvCell('Rice, 5 kg')).toBe('"Rice, 5 kg"');
    expect(csvCell('12" pipe')).toBe('"12"" pipe"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-36)).toBe('-36');
    expect(csvCell('-36')).toBe('-36');
  });

  it('writes empty cells for null and a header row first', () => {
    expect(toCsv(['sku', 'qty'], [['A-1', 3], ['B-2', null]])).toBe('sku,qty\r\nA-1,3\r\nB-2,\r\n');
  });

  it("says the hub's currency in a money column's header and writes all of its minor digits", () => {
    const pkr = currencyInfo('PKR');
    expect(csvMoneyHeader('Price', pkr)).toBe('Price (PKR)');
    expect(csvMoneyValue(12345, pkr)).toBe('123.45');
    expect(csvMoneyValue(-5, pkr)).toBe('-0.05');
    expect(csvMoneyValue(12000, currencyInfo('INR'))).toBe('120.00');
    expect(csvMoneyValue(12345, currencyInfo('KWD'))).toBe('12.345');
    expect(csvMoneyValue(500, currencyInfo('JPY'))).toBe('500');
    expect(csvMoneyValue(null, pkr)).toBeNull();
    expect(csvCell(csvMoneyValue(-5, pkr))).toBe('-0.05');
  });

  it('writes times as local wall time with the offset, never UTC "Z"', () => {
    expect(csvInstant('2026-12-01T15:06:00.000Z', 'Asia/Kolkata')).toBe('2026-12-01 20:36:00 +05:30');
    expect(csvInstant('2026-12-01T15:06:00Z', 'UTC')).toBe('2026-12-01 15:06:00 +00:00');
    expect(toCsv(['at'], [['2026-12-01T15:06:00.000Z']], 'Asia/Karachi')).toBe('at\r\n2026-12-01 20:06:00 +05:00\r\n');
  });

  it('writes quantities in the unit prices are quoted in, with that unit', () => {
    expect([csvQty(28_755, 'g'), csvUnit('g')]).toEqual([28.755, 'kg']);
    expect([csvQty(1500, 'ml'), csvUnit('ml')]).toEqual([1.5, 'L']);
    expect([csvQty(127, 'pc'), csvUnit('pc')]).toEqual([127, 'pc']);
    expect(csvQty(null, 'g')).toBeNull();
  });

  it('sorts quantities within their unit, never 28.755 kg above 127 pc', () => {
    const rows = [
      { qty: 28_755, unit: 'g' as const },
      { qty: 127, unit: 'pc' as const },
      { qty: 500, unit: 'g' as const },
      { qty: -3, unit: 'pc' as const },
      { qty: 2000, unit: 'ml' as const },
    ];
    const sorted = [...rows].sort((a, b) => qtySortKey(a.qty, a.unit)! - qtySortKey(b.qty, b.unit)!);
    expect(sorted.map((r) => `${r.qty} ${r.unit}`)).toEqual(['-3 pc', '127 pc', '500 g', '28755 g', '2000 ml']);
  });
});
