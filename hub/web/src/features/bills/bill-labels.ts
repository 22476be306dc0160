import { billKindWord, billStatusWord, paymentMethodWord, type BillSummary, type BillViewStatus, type Translator } from '@bazaar/shared';
import { fmtDateTime } from '../../components/format';

export const statusTone: Record<BillViewStatus, 'good' | 'warn' | 'bad'> = { completed: 'good', returned: 'warn', voided: 'bad' };

export { billStatusWord as statusLabel, billKindWord as kindLabel, paymentMethodWord as methodLabel };

/** "Cash 300.00 · UPI 200.00": how the bill was settled, in the reader's words. */
export function paymentsText(t: Translator, payments: BillSummary['payments']): string {
  return payments.map((p) => `${paymentMethodWord(t, p.method)} ${t.money(p.amountMinor)}`).join(' · ');
}

/** The bill's time on its store's clock, in the one format of every screen. */
export function billTime(t: Translator, b: Pick<BillSummary, 'occurredAt' | 'timeZone'>): string {
  return fmtDateTime(b.occurredAt, t, b.timeZone);
}

/** Rupees typed in a filter box → minor units for the hub; blank or not a number → no filter. */
export function minorOf(text: string): number | undefined {
  const v = Number(text.replace(/,/g, ''));
  return text.trim() === '' || !Number.isFinite(v) ? undefined : Math.round(v * 100);
}
