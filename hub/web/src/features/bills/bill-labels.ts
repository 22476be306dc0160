import type { BillKind, BillSummary, BillViewStatus, MessageKey, PaymentMethod, Translator } from '@bazaar/shared';
import { fmtDateTime } from '../../components/format';

export const statusTone: Record<BillViewStatus, 'good' | 'warn' | 'bad'> = { completed: 'good', returned: 'warn', voided: 'bad' };

export const statusLabel = (t: Translator, s: BillViewStatus) => t.t(`web.bills.status.${s}` satisfies MessageKey);
export const kindLabel = (t: Translator, k: BillKind) => t.t(`web.bills.kind.${k}` satisfies MessageKey);
export const methodLabel = (t: Translator, m: PaymentMethod) => t.t(`web.bills.method.${m}` satisfies MessageKey);

/** "Cash 300.00 · UPI 200.00": how the bill was settled, in the reader's words. */
export function paymentsText(t: Translator, payments: BillSummary['payments']): string {
  return payments.map((p) => `${methodLabel(t, p.method)} ${t.money(p.amountPaise)}`).join(' · ');
}

/** The bill's time on its store's clock, in the one format of every screen. */
export function billTime(t: Translator, b: Pick<BillSummary, 'occurredAt' | 'timeZone'>): string {
  return fmtDateTime(b.occurredAt, t, b.timeZone);
}

/** Rupees typed in a filter box → paise for the hub; blank or not a number → no filter. */
export function paiseOf(text: string): number | undefined {
  const v = Number(text.replace(/,/g, ''));
  return text.trim() === '' || !Number.isFinite(v) ? undefined : Math.round(v * 100);
}
