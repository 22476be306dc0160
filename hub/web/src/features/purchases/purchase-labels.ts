import type { MessageKey, PurchaseOrderStatus, ReorderLine, Translator } from '@bazaar/shared';

export const poStatusTone: Record<PurchaseOrderStatus, 'neutral' | 'info' | 'warn' | 'good' | 'bad'> = {
  draft: 'neutral',
  sent: 'info',
  partly_received: 'warn',
  received: 'good',
  cancelled: 'bad',
};

export const poStatusLabel = (t: Translator, s: PurchaseOrderStatus) => t.t(`web.purchases.status.${s}` satisfies MessageKey);

/** A time on the store's own clock. */
export const storeTime = (t: Translator, iso: string, timeZone: string) => t.dateTime(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone });

/** A store day (YYYY-MM-DD) as the reader writes dates, never shifted by a time zone. */
export const storeDay = (t: Translator, day: string | null) => (day ? t.dateTime(`${day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '—');

/** Why a product is on the "to order" list, in the reader's words. */
export function reorderWhy(t: Translator, l: ReorderLine): string {
  // Pieces a day to a tenth (1.5 pc), grams and millilitres whole.
  const perDay = l.unit === 'pc' ? Math.round(l.velocityPerDay * 10) / 10 : Math.round(l.velocityPerDay);
  const speed = t.t('reorder.velocity', { qty: t.qty(perDay, l.unit) });
  const cover = l.daysOfCover === null ? t.t('reorder.noCover') : t.t('reorder.cover', { days: Math.round(l.daysOfCover * 10) / 10 });
  return [speed, cover, ...l.reasons.map((r) => t.t(`reorder.reason.${r}` satisfies MessageKey))].join(' · ');
}
