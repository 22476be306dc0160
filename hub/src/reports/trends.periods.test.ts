import { describe, expect, it } from 'vitest';
import { bucketOf, bucketStart, trendCalendar } from './trends.periods';

describe('trend calendar', () => {
  it('days: the period before is as long, last year is 52 weeks back (same weekdays)', () => {
    const c = trendCalendar('day', '2026-11-01', '2026-11-30');
    expect(c.buckets).toBe(30);
    expect(c.periods).toEqual({
      current: { from: '2026-11-01', to: '2026-12-01' },
      previous: { from: '2026-10-02', to: '2026-11-01' },
      lastYear: { from: '2025-11-02', to: '2025-12-02' },
    });
    expect(new Date(c.periods.lastYear.from).getUTCDay()).toBe(new Date(c.periods.current.from).getUTCDay());
  });

  it('weeks snap to Mondays; months to whole calendar months, a year back by calendar', () => {
    const w = trendCalendar('week', '2026-11-04', '2026-11-18'); // a Wednesday to a Wednesday
    expect(w.periods.current).toEqual({ from: '2026-11-02', to: '2026-11-23' });
    expect(w.starts.current).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(w.starts.previous).toEqual(['2026-10-12', '2026-10-19', '2026-10-26']);
    const m = trendCalendar('month', '2026-01-15', '2026-03-02');
    expect(m.periods).toEqual({
      current: { from: '2026-01-01', to: '2026-04-01' },
      previous: { from: '2025-10-01', to: '2026-01-01' },
      lastYear: { from: '2025-01-01', to: '2025-04-01' },
    });
    expect(m.starts.current).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('puts a day in its bucket, and refuses backwards or oversized ranges', () => {
    const m = trendCalendar('month', '2026-01-01', '2026-03-31');
    expect(bucketOf('2026-02-28', m.periods.current, 'month')).toBe(1);
    expect(bucketOf('2026-04-01', m.periods.current, 'month')).toBe(-1);
    expect(bucketOf('2025-12-31', m.periods.previous, 'month')).toBe(2);
    expect(bucketStart('2026-11-08', 'week')).toBe('2026-11-02'); // a Sunday belongs to the week that began Monday
    expect(() => trendCalendar('day', '2026-02-01', '2026-01-01')).toThrow(RangeError);
    expect(() => trendCalendar('day', '2025-01-01', '2026-06-01')).toThrow(/at most 366/);
  });
});
