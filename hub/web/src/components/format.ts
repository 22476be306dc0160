import { createTranslator, type Translator } from '@bazaar/shared';

const english = createTranslator({ locale: 'en' });
const sameYear: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
const otherYear: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * The one date-and-time format of every screen: "23 Nov, 10:23 pm" this year, "23 Nov 2025,
 * 10:23 pm" before (tables stay narrow), in the reader's locale. A store's event (a movement, a
 * bill, a shift, a count, a counter's last sync) is shown on that store's clock: pass its time
 * zone; without one, the hub's own (the reader's setting, else the browser's).
 */
export function fmtDateTime(iso: string | null | undefined, t: Translator = english, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const zone = timeZone ?? t.timeZone;
  const year = (at: Date) => Number(new Intl.DateTimeFormat('en', { year: 'numeric', ...(zone ? { timeZone: zone } : {}) }).format(at));
  return t.dateTime(d, { ...(year(d) === year(new Date()) ? sameYear : otherYear), ...(timeZone ? { timeZone } : {}) });
}
export function fmtDate(iso: string | null | undefined, t: Translator = english, timeZone?: string): string {
  return iso ? t.dateTime(iso, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }) : '—';
}

/**
 * A calendar day (yyyy-mm-dd, e.g. a chart's axis) in the reader's locale, the year only where it
 * is ambiguous: "3 Nov" this year, "3 Nov 2025" otherwise; never "11-03".
 */
export function fmtDay(day: string, t: Translator = english, thisYear = new Date().getFullYear()): string {
  const withYear = Number(day.slice(0, 4)) !== thisYear;
  return t.dateTime(`${day}T12:00:00Z`, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
}

/** "3 min ago", "2 days ago": for last-seen columns. */
export function fmtAgo(iso: string | null | undefined, now = Date.now(), t: Translator = english): string {
  if (!iso) return t.t('sync.time.never');
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return t.t('sync.time.justNow');
  const m = Math.round(s / 60);
  if (m < 60) return t.t('sync.time.minutes', { n: m });
  const h = Math.round(m / 60);
  if (h < 48) return t.t('sync.time.hours', { n: h });
  return t.t('web.time.days', { n: Math.round(h / 24) });
}

/** yyyy-mm-dd in local time, for date inputs. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return isoDay(d);
}

/** A date input's day as the ISO instant of its local start (from) or end (to). */
export function dayStart(day: string): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}
export function dayEnd(day: string): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}
