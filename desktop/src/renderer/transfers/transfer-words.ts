import type { BaseUnit, LineDiscrepancy, Pack, TransferStatus, TransferStore, Translator } from '@bazaar/shared';
import { packQuantity } from '../ui/pack-quantity';

export function transferStatusWord(t: Translator, status: TransferStatus): string {
  return t.t(`transfers.status.${status}`);
}

/** The badge colour of a status: waiting on someone, settled, or nothing more to do. */
export function transferStatusTone(status: TransferStatus): 'ok' | 'low' | 'neutral' | 'out' {
  if (status === 'received') return 'ok';
  if (status === 'dispatched' || status === 'partly_received' || status === 'draft') return 'low';
  if (status === 'cancelled') return 'out';
  return 'neutral';
}

/** "2 pc short · 1 pc damaged", or "matches". */
export function differenceText(t: Translator, d: LineDiscrepancy, unit: BaseUnit, packs: readonly Pick<Pack, 'name' | 'qty'>[] = []): string {
  const parts: string[] = [];
  if (d.short > 0) parts.push(t.t('transfers.diff.short', { qty: packQuantity(t, d.short, unit, packs) }));
  if (d.over > 0) parts.push(t.t('transfers.diff.over', { qty: packQuantity(t, d.over, unit, packs) }));
  if (d.damaged > 0) parts.push(t.t('transfers.diff.damaged', { qty: packQuantity(t, d.damaged, unit, packs) }));
  return parts.length ? parts.join(' · ') : t.t('transfers.diff.none');
}

/** A store by its name, for people; the code only when the name is missing. */
export function storeName(store: TransferStore | null, fallback: string): string {
  return store?.name || store?.code || fallback;
}

export function shortWhen(t: Translator, iso: string): string {
  return t.dateTime(iso, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
