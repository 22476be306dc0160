import type { Translator } from '../i18n/translator';
import type { Customer } from './customer.schema';
import type { LedgerEntry } from './ledger.schema';
import { balanceOf, uniqueEntries } from './ledger.balance';
import type { Statement } from './ledger.statement';

/** Country calling codes by the hub's currency, for numbers written the local way (0300 …, 98 …). */
const callingCodes: Record<string, string> = { PKR: '92', INR: '91', BDT: '880', NPR: '977', LKR: '94' };

/** A phone number as wa.me wants it: the country code and the number, digits only. */
export function internationalDigits(phone: string, currency: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (phone.trim().startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  const cc = callingCodes[currency] ?? '';
  if (digits.startsWith('0')) return cc + digits.slice(1);
  // Ten digits with no trunk 0 are a local mobile number in India (98…) and Pakistan (300…).
  return digits.length <= 10 ? cc + digits : digits;
}

export function waMeLink(phone: string, text: string, currency: string): string {
  return `https://wa.me/${internationalDigits(phone, currency)}?text=${encodeURIComponent(text)}`;
}

export interface ReminderOptions {
  storeName: string;
  /** How many of the latest credit sales to name. */
  lastBills?: number;
  /** What the chain's other stores hold on the account (a chain-shared customer): the reminder asks for the whole balance. */
  elsewhereMinor?: number;
}

/**
 * The reminder a shopkeeper sends (WhatsApp or SMS): the balance and the last credit bills, in
 * the reader's language, with names and local dates, never ids.
 */
export function reminderText(customer: Pick<Customer, 'name'>, entries: readonly LedgerEntry[], t: Translator, opts: ReminderOptions): string {
  return reminderOf(customer, balanceOf(entries), entries, t, opts);
}

/** The reminder from a customer's whole statement (its opening balance from the paper khata included). */
export function statementReminderText(customer: Pick<Customer, 'name'>, s: Statement, t: Translator, opts: ReminderOptions): string {
  return reminderOf(customer, s.closingMinor, s.lines.map((l) => l.entry), t, opts);
}

function reminderOf(customer: Pick<Customer, 'name'>, balance: number, entries: readonly LedgerEntry[], t: Translator, opts: ReminderOptions): string {
  const day = (iso: string) => t.intl.formatDate(iso, { day: 'numeric', month: 'short', year: 'numeric' });
  const sales = uniqueEntries(entries)
    .filter((e): e is Extract<LedgerEntry, { kind: 'credit_sale' }> => e.kind === 'credit_sale')
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1))
    .slice(0, opts.lastBills ?? 3);
  const elsewhere = opts.elsewhereMinor ?? 0;
  const whole = balance + elsewhere;
  const owed =
    whole <= 0
      ? t.t('credit.reminder.settled', { store: opts.storeName })
      : elsewhere !== 0
        ? t.t('credit.reminder.balanceChain', { amount: t.money(whole), here: t.money(balance), store: opts.storeName })
        : t.t('credit.reminder.balance', { amount: t.money(balance), store: opts.storeName });
  const lines = [t.t('credit.reminder.greeting', { name: customer.name }), owed];
  if (whole > 0 && sales.length) {
    lines.push(t.t('credit.reminder.lastBills'));
    for (const s of sales) lines.push(t.t('credit.reminder.bill', { number: s.billNumber, date: day(s.occurredAt), amount: t.money(s.amountMinor) }));
  }
  lines.push(t.t('credit.reminder.thanks'));
  return lines.join('\n');
}
