import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

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
});
