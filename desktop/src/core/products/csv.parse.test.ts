import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.parse';

describe('parseCsv', () => {
  it('handles quotes, embedded commas, newlines, CRLF and a BOM, keeping line numbers', () => {
    const text = '\ufeffsku,name\r\nA1,"Atta, 5kg"\r\n\r\nB2,"Two\nlines"\nC3,"say ""hi"""\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['sku', 'name'] },
      { line: 2, fields: ['A1', 'Atta, 5kg'] },
      { line: 4, fields: ['B2', 'Two\nlines'] },
      { line: 6, fields: ['C3', 'say "hi"'] },
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('sku,name\nA,"oops\n')).toThrow(/line 2/);
  });
});
