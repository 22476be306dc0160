import { describe, expect, it } from 'vitest';
import { createTranslator } from '@bazaar/shared';
import { dayEnd, dayStart, fmtAgo, fmtDateTime, fmtDay, isoDay } from './format';

describe('format', () => {
  it('turns a date input day into the local start and end instants', () => {
    const start = new Date(dayStart('2026-03-05') as string);
    const end = new Date(dayEnd('2026-03-05') as string);
    expect(isoDay(start)).toBe('2026-03-05');
    expect(isoDay(end)).toBe('2026-03-05');
    expect(end.getTime() - start.getTime()).toBe(86_400_000 - 1);
    expect(dayStart('')).toBeUndefined();
  });

  it('writes a chart day in the locale, with the year only when it is not this year', () => {
    expect(fmtDay('2026-11-03', undefined, 2026)).toBe('3 Nov');
    expect(fmtDay('2025-11-03', undefined, 2026)).toBe('3 Nov 2025');
    expect(fmtDay('2026-11-03', createTranslator({ locale: 'hi' }), 2026)).not.toContain('11-03');
  });

  it("writes a store's event on the store's clock, in the one format", () => {
    const at = '2025-11-20T15:06:00Z';
    expect(fmtDateTime(at, undefined, 'Asia/Karachi')).toBe('20 Nov 2025, 8:06 pm');
    expect(fmtDateTime(at, undefined, 'Asia/Kolkata')).toBe('20 Nov 2025, 8:36 pm');
    // New Year's Eve in UTC is already the new year in Kolkata: the year shown is the store's.
    const y = new Date().getUTCFullYear();
    expect(fmtDateTime(`${y - 1}-12-31T20:00:00Z`, undefined, 'Asia/Kolkata')).toBe('1 Jan, 1:30 am');
    expect(fmtDateTime(`${y - 1}-12-31T20:00:00Z`, undefined, 'UTC')).toBe(`31 Dec ${y - 1}, 8:00 pm`);
    expect(fmtDateTime(null)).toBe('—');
  });

  it('says how long ago a device was seen', () => {
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(fmtAgo(null, now)).toBe('never');
    expect(fmtAgo('2026-03-05T11:59:30Z', now)).toBe('just now');
    expect(fmtAgo('2026-03-05T11:15:00Z', now)).toBe('45 min ago');
    expect(fmtAgo('2026-03-02T12:00:00Z', now)).toBe('3 days ago');
  });
});
