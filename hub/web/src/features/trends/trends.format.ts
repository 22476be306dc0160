import type { Translator, TrendGrain } from '@bazaar/shared';

/** A bucket's first day as people read it, always with its year: "2 Nov 2026", "Nov 2026". */
export function bucketLabel(i18n: Translator, day: string, grain: TrendGrain): string {
  const at = `${day}T00:00:00Z`;
  return grain === 'month'
    ? i18n.dateTime(at, { timeZone: 'UTC', month: 'short', year: 'numeric' })
    : i18n.dateTime(at, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

/** Change from `before` to `now` in percent, one decimal; null when there is nothing to compare with. */
export function changePct(now: number, before: number): number | null {
  if (before === 0) return null;
  return Math.round(((now - before) * 1000) / Math.abs(before)) / 10;
}
