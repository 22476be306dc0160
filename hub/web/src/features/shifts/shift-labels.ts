import type { ShiftSummary, Translator } from '@bazaar/shared';
import { fmtDateTime } from '../../components/format';

/** A time of the shift on its store's clock, in the one format of every screen. */
export function shiftTime(t: Translator, at: string, s: Pick<ShiftSummary, 'timeZone'>): string {
  return fmtDateTime(at, t, s.timeZone);
}

/** "Short by Rs 5.00", "Over by …", "Exact", or nothing before the close. */
export function varianceText(t: Translator, varianceMinor: number | null): string {
  if (varianceMinor === null) return '';
  if (varianceMinor === 0) return t.t('web.shifts.variance.exact');
  return t.t(varianceMinor < 0 ? 'web.shifts.variance.short' : 'web.shifts.variance.over', { amount: t.money(Math.abs(varianceMinor)) });
}

export const varianceTone = (varianceMinor: number | null): 'good' | 'warn' | 'bad' => (varianceMinor === null || varianceMinor === 0 ? 'good' : varianceMinor < 0 ? 'bad' : 'warn');
