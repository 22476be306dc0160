import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, fmtAgo, isoDay } from './format';

describe('format', () => {
  it('turns a date input day into the local start and end instants', () => {
    const start = new Date(dayStart('2026-03-05') as string);
    const end = new Date(dayEnd('2026-03-05') as string);
    expect(isoDay(start)).toBe('2026-03-05');
    expect(isoDay(end)).toBe('2026-03-05');
    expect(end.getTime() - start.getTime()).toBe(86_400_000 - 1);
    expect(dayStart('')).toBeUndefined();
  });

  it('says how long ago a device was seen', () => {
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(fmtAgo(null, now)).toBe('never');
    expect(fmtAgo('2026-03-05T11:59:30Z', now)).toBe('just now');
    expect(fmtAgo('2026-03-05T11:15:00Z', now)).toBe('45 min ago');
    expect(fmtAgo('2026-03-02T12:00:00Z', now)).toBe('3 days ago');
  });
});
