import type { MessageKey, TransferStatus, TransferView, Translator } from '@bazaar/shared';

export const transferStatusTone: Record<TransferStatus, 'neutral' | 'info' | 'warn' | 'good' | 'bad'> = {
  draft: 'neutral',
  dispatched: 'info',
  partly_received: 'warn',
  received: 'good',
  closed: 'good',
  cancelled: 'bad',
};

export const transferStatusLabel = (t: Translator, s: TransferStatus) => t.t(`web.transfers.status.${s}` satisfies MessageKey);

/** Σ over lines, in base units, for a line-count summary: short, over and damaged found at the receiving counter. */
export function discrepancyCount(v: Pick<TransferView, 'lines'>): number {
  return v.lines.filter((l) => l.discrepancy.short || l.discrepancy.over || l.discrepancy.damaged).length;
}
