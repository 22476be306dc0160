import type { BaseUnit, LineState, Pack, PurchaseOrderStatus, ReorderReason, Translator } from '@bazaar/shared';
import { packQuantity } from '../ui/pack-quantity';

export function orderStatusWord(t: Translator, status: PurchaseOrderStatus): string {
  return t.t(`purchases.status.${status}`);
}

export function orderStatusTone(status: PurchaseOrderStatus): 'ok' | 'low' | 'neutral' | 'out' {
  if (status === 'received') return 'ok';
  if (status === 'partly_received' || status === 'sent') return 'low';
  if (status === 'cancelled') return 'out';
  return 'neutral';
}

/** How a line stands against its order: "not yet", "6 pc short", "complete", "2 kg over". */
export function lineStateText(t: Translator, state: LineState, remaining: number, over: number, unit: BaseUnit, packs: readonly Pick<Pack, 'name' | 'qty'>[] = []): string {
  if (state === 'partial') return t.t('po.line.partial', { qty: packQuantity(t, remaining, unit, packs) });
  if (state === 'over') return t.t('po.line.over', { qty: packQuantity(t, over, unit, packs) });
  return t.t(state === 'complete' ? 'po.line.complete' : 'po.line.pending');
}

export function reasonsText(t: Translator, reasons: readonly ReorderReason[]): string {
  return reasons.map((r) => t.t(`reorder.reason.${r}`)).join(', ');
}

/** A store day (YYYY-MM-DD) as a local date, "3 Dec". */
export function dayText(t: Translator, day: string): string {
  return t.dateTime(`${day}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Sales per day at a readable precision: a tenth of a piece, whole grams or millilitres. */
export function velocityText(t: Translator, perDay: number, unit: BaseUnit): string {
  const qty = unit === 'pc' ? Math.round(perDay * 10) / 10 : Math.round(perDay);
  return t.t('reorder.velocity', { qty: t.qty(qty, unit) });
}
