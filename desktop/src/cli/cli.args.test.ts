import { describe, expect, it } from 'vitest';
import { parseKind, parseWhen } from './cli.args';

describe('CLI arguments people type', () => {
  it('takes a movement kind in any case', () => {
    expect(parseKind('sale')).toBe('SALE');
    expect(parseKind('Transfer-out')).toBe('TRANSFER_OUT');
    expect(() => parseKind('sold')).toThrow(/not a movement kind; use one of IN, SALE/);
  });

  it('takes a local day or a date-time', () => {
    const from = new Date(parseWhen('2026-12-01', 'from'));
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([2026, 11, 1, 0, 0]);
    const to = new Date(parseWhen('2026-12-01', 'to'));
    expect([to.getMonth(), to.getDate(), to.getHours()]).toEqual([11, 2, 0]); // the whole of 1 December
    expect(parseWhen('2026-11-23T00:00:00+05:30', 'from')).toBe('2026-11-22T18:30:00.000Z');
    expect(() => parseWhen('2026-02-30', 'from')).toThrow(/not a calendar day/);
    expect(() => parseWhen('yesterday', 'from')).toThrow(/neither a day/);
  });
});
