import type { PaymentMethod } from '@bazaar/shared';
import { parseAmount } from './discount';

/** One payment as the core's sell takes it. */
export interface PaymentEntry {
  method: PaymentMethod;
  amountMinor?: number;
  tenderedMinor?: number;
}

export interface PaymentPlan {
  ok: boolean;
  payments: PaymentEntry[];
  /** What is left for cash after the other methods. */
  cashDue: number;
  changeMinor: number;
  shortMinor: number;
  overpaid: boolean;
  /** Methods whose box does not hold an amount. */
  bad: PaymentMethod[];
}

/**
 * What the cashier typed, as payments: other methods settle what they say, cash covers the
 * rest (an empty cash box is exactly the cash due) and gives change from what was tendered.
 * The core settles again with the same rules (settlePayments); this is what the screen shows.
 */
export function paymentPlan(due: number, typed: Partial<Record<PaymentMethod, string>>, methods: readonly PaymentMethod[]): PaymentPlan {
  const bad: PaymentMethod[] = [];
  const amountOf = (m: PaymentMethod): number | null => {
    const text = (typed[m] ?? '').trim();
    if (text === '') return null;
    const minor = parseAmount(text);
    if (minor === null) bad.push(m);
    return minor;
  };
  const others: PaymentEntry[] = [];
  for (const m of methods) {
    if (m === 'cash') continue;
    const minor = amountOf(m);
    if (minor) others.push({ method: m, amountMinor: minor });
  }
  const byOthers = others.reduce((a, p) => a + (p.amountMinor ?? 0), 0);
  const cashDue = Math.max(0, due - byOthers);
  const tendered = amountOf('cash');
  const overpaid = byOthers > due;
  const cashGiven = tendered ?? cashDue;
  const shortMinor = Math.max(0, cashDue - cashGiven);
  const changeMinor = Math.max(0, cashGiven - cashDue);
  const payments = [...others, ...(cashDue > 0 ? [{ method: 'cash' as const, tenderedMinor: cashGiven }] : [])];
  const ok = bad.length === 0 && !overpaid && shortMinor === 0 && !(cashDue === 0 && (tendered ?? 0) > 0);
  return { ok, payments, cashDue, changeMinor, shortMinor, overpaid, bad };
}

/** What of the payments goes on a customer's account. */
export function creditMinorOf(payments: readonly PaymentEntry[]): number {
  return payments.filter((p) => p.method === 'credit').reduce((a, p) => a + (p.amountMinor ?? 0), 0);
}

/** The customer and due day a bill's credit part goes on, as the core's sell takes them. */
export interface CreditChoice {
  customer: string;
  dueOn?: string;
}

/** A plan with a credit part is ready once a customer is chosen; null: nothing on credit. */
export function creditChoice(payments: readonly PaymentEntry[], customerId: string | null, dueOn: string): CreditChoice | null | 'needs-customer' {
  if (creditMinorOf(payments) <= 0) return null;
  if (!customerId) return 'needs-customer';
  return { customer: customerId, ...(dueOn ? { dueOn } : {}) };
}
