import { z } from 'zod';

/**
 * A store's clock: its IANA time zone decides which day a sale belongs to, when "today" starts,
 * and how times are written for its people. Days are `YYYY-MM-DD` strings of the store's
 * calendar; instants are epoch milliseconds.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(value: string): boolean {
  try {
    dayFormatter(value);
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Karachi or Asia/Kolkata' });

/** A store created without a zone, and every store from before stores had one (hub migration 0008). */
export const DEFAULT_STORE_TIME_ZONE = 'Asia/Kolkata';

/** The time zone a new store gets from the hub's currency when nobody chose one. */
export function defaultTimeZoneFor(currency: string): string {
  return { PKR: 'Asia/Karachi', INR: 'Asia/Kolkata', BDT: 'Asia/Dhaka', NPR: 'Asia/Kathmandu', LKR: 'Asia/Colombo' }[currency] ?? 'UTC';
}

export const dayStringSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD');

/** The store's calendar day of an instant. */
export function localDay(ms: number, timeZone: string): string {
  return dayFormatter(timeZone).format(new Date(ms));
}

/**
 * The first instant of a store's day. Usually local midnight; on a day whose midnight a clock
 * change skipped (Asia/Karachi on 2008-06-01 went from 23:59:59 to 01:00), the first instant
 * that is that day. Found by bisection on the zone's own calendar, so any rule IANA knows holds.
 */
export function dayStartMs(day: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a day: "${day}"`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Every real offset is within ±14 h; the day starts somewhere in that window around UTC midnight.
  let lo = utcMidnight - 15 * 3_600_000; // surely before: its local day is earlier
  let hi = utcMidnight + 15 * 3_600_000; // surely at or after the start
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDay(mid, timeZone) < day) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The next calendar day after `day`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The store's day as a half-open range of instants [start, end): 23, 24 or 25 hours long. */
export function dayRangeMs(day: string, timeZone: string): { startMs: number; endMs: number } {
  return { startMs: dayStartMs(day, timeZone), endMs: dayStartMs(nextDay(day), timeZone) };
}

/**
 * An instant as the wall time of a store's clock with its offset: "2026-12-01 20:36:00 +05:30" in
 * Asia/Kolkata. What CSV files carry (the hub's `?format=csv` and the web's exports): a
 * spreadsheet reads the store's local time and nothing is lost (no UTC "Z"). Without a zone, the
 * runtime's own.
 */
export function zonedStamp(at: string | number | Date, timeZone?: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}
