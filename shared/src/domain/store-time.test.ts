import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayRangeMs, dayStartMs, defaultTimeZoneFor, isTimeZone, localDay, nextDay, timeZoneSchema } from './store-time';

const H = 3_600_000;

describe("a store's day", () => {
  it('Lahore and Delhi: 23:30 UTC is already the next day in both, at +05:00 and +05:30', () => {
    const ms = Date.UTC(2026, 11, 1, 23, 30);
    expect(localDay(ms, 'Asia/Karachi')).toBe('2026-12-02');
    expect(localDay(ms, 'Asia/Kolkata')).toBe('2026-12-02');
    expect(localDay(Date.UTC(2026, 11, 1, 18, 59), 'Asia/Karachi')).toBe('2026-12-01');
    expect(localDay(Date.UTC(2026, 11, 1, 18, 29), 'Asia/Kolkata')).toBe('2026-12-01');
    expect(dayRangeMs('2026-12-02', 'Asia/Karachi')).toEqual({ startMs: Date.UTC(2026, 11, 1, 19), endMs: Date.UTC(2026, 11, 2, 19) });
    expect(dayRangeMs('2026-12-02', 'Asia/Kolkata')).toEqual({ startMs: Date.UTC(2026, 11, 1, 18, 30), endMs: Date.UTC(2026, 11, 2, 18, 30) });
  });

  it("across Pakistan's 2008 daylight saving: the day whose midnight was skipped is 23 hours, the day clocks went back 25", () => {
    // 2008-06-01 00:00 PKT never happened: clocks went from 23:59:59 to 01:00 (+06:00).
    const june1 = dayRangeMs('2008-06-01', 'Asia/Karachi');
    expect(june1.startMs).toBe(Date.UTC(2008, 4, 31, 19)); // 01:00 +06:00
    expect(june1.endMs - june1.startMs).toBe(23 * H);
    expect(june1.endMs).toBe(Date.UTC(2008, 5, 1, 18)); // 00:00 +06:00 on June 2
    const may31 = dayRangeMs('2008-05-31', 'Asia/Karachi');
    expect(may31.endMs - may31.startMs).toBe(24 * H);
    // Back to +05:00 on 2008-11-01 at 00:00 (+06:00) → 23:00 of 2008-10-31, so that day is 25 hours.
    const oct31 = dayRangeMs('2008-10-31', 'Asia/Karachi');
    expect(oct31.endMs - oct31.startMs).toBe(25 * H);
  });

  it('a zone with yearly DST (New York 2026): 23 hours in March, 25 in November', () => {
    const march = dayRangeMs('2026-03-08', 'America/New_York');
    expect(march.endMs - march.startMs).toBe(23 * H);
    const november = dayRangeMs('2026-11-01', 'America/New_York');
    expect(november.endMs - november.startMs).toBe(25 * H);
  });

  it('every instant lies in the range of its own day, in any zone', () => {
    const zones = ['Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const day = localDay(ms, zone);
        const { startMs, endMs } = dayRangeMs(day, zone);
        expect(startMs).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(endMs);
        expect(localDay(startMs, zone)).toBe(day);
        expect(localDay(startMs - 1, zone) < day).toBe(true);
        expect(localDay(endMs, zone)).toBe(nextDay(day));
      }),
      { numRuns: 500 },
    );
  });

  it('time zones are checked, and a new store gets one from the currency', () => {
    expect(isTimeZone('Asia/Karachi')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(timeZoneSchema.safeParse('Asia/Kolkata').success).toBe(true);
    expect(timeZoneSchema.safeParse('GMT+5').success).toBe(false);
    expect(defaultTimeZoneFor('PKR')).toBe('Asia/Karachi');
    expect(defaultTimeZoneFor('INR')).toBe('Asia/Kolkata');
    expect(defaultTimeZoneFor('EUR')).toBe('UTC');
    expect(dayStartMs('2026-01-01', 'UTC')).toBe(Date.UTC(2026, 0, 1));
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
