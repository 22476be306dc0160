import type { DayRange, TrendGrain } from '@bazaar/shared';

/**
 * The calendar of a trend: the current period snapped to whole buckets (days, Monday weeks,
 * months), the period just before it of the same length, and the same period a year earlier.
 * Days and weeks look back 364 days (52 weeks: a Monday stays a Monday, a weekend a weekend);
 * months look back 12 calendar months. Pure date arithmetic on YYYY-MM-DD (UTC calendar).
 */
export interface TrendCalendar {
  grain: TrendGrain;
  buckets: number;
  periods: { current: DayRange; previous: DayRange; lastYear: DayRange };
  /** Bucket starts of each period, index-aligned. */
  starts: { current: string[]; previous: string[]; lastYear: string[] };
}

const DAY = 86_400_000;
export const MAX_BUCKETS: Record<TrendGrain, number> = { day: 366, week: 157, month: 60 };

const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromMs(toMs(d) + n * DAY);
export function addMonths(d: string, n: number): string {
  const x = new Date(toMs(d));
  return fromMs(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + n, 1));
}
const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** The bucket a day falls in (its first day). */
export function bucketStart(day: string, grain: TrendGrain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** Buckets between two bucket starts (b after a). */
function bucketsBetween(a: string, b: string, grain: TrendGrain): number {
  if (grain === 'month') return monthIndex(b) - monthIndex(a);
  return Math.round((toMs(b) - toMs(a)) / DAY) / (grain === 'week' ? 7 : 1);
}

function step(start: string, grain: TrendGrain, n: number): string {
  return grain === 'month' ? addMonths(start, n) : addDays(start, n * (grain === 'week' ? 7 : 1));
}

/** `from`..`to` inclusive calendar days, snapped outwards to whole buckets. Throws RangeError past the bucket limit. */
export function trendCalendar(grain: TrendGrain, from: string, to: string): TrendCalendar {
  const first = bucketStart(from, grain);
  const end = step(bucketStart(to, grain), grain, 1);
  const buckets = bucketsBetween(first, end, grain);
  if (buckets < 1) throw new RangeError('from must not be after to');
  if (buckets > MAX_BUCKETS[grain]) throw new RangeError(`at most ${MAX_BUCKETS[grain]} ${grain}s at a time`);
  const prevFirst = step(first, grain, -buckets);
  const lyFirst = grain === 'month' ? addMonths(first, -12) : addDays(first, -364);
  const lyEnd = grain === 'month' ? addMonths(end, -12) : addDays(end, -364);
  const series = (s: string) => Array.from({ length: buckets }, (_, i) => step(s, grain, i));
  return {
    grain,
    buckets,
    periods: { current: { from: first, to: end }, previous: { from: prevFirst, to: first }, lastYear: { from: lyFirst, to: lyEnd } },
    starts: { current: series(first), previous: series(prevFirst), lastYear: series(lyFirst) },
  };
}

/** Which bucket of a period a day belongs to, or -1 outside it. */
export function bucketOf(day: string, range: DayRange, grain: TrendGrain): number {
  if (day < range.from || day >= range.to) return -1;
  return bucketsBetween(range.from, bucketStart(day, grain), grain);
}
