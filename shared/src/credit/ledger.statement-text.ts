import type { Translator } from '../i18n/translator';
import type { Customer } from './customer.schema';
import type { LedgerEntry } from './ledger.schema';
import type { Statement } from './ledger.statement';

function row(label: string, value: string, width: number): string {
  const l = label.slice(0, Math.max(1, width - value.length - 1));
  return `${l}${' '.repeat(Math.max(1, width - l.length - value.length))}${value}`;
}

/** What a statement line says: the bill's number, the payment's method, the adjustment's reason. */
export function entryLabel(e: LedgerEntry, t: Translator): string {
  const kind = t.t(`credit.kind.${e.kind}`);
  if (e.kind === 'credit_sale') return `${kind} ${e.billNumber}`;
  if (e.kind === 'payment') return `${kind} (${t.t(`bills.method.${e.method}`)})`;
  if (e.kind === 'adjustment') return `${kind}: ${e.reason}`;
  return kind;
}

/**
 * A customer statement as plain text at a receipt printer's width (32 or 48 columns): opening
 * balance, each bill and payment with the running balance, closing balance. Local dates, names,
 * the reader's language; never ids.
 */
export function statementText(store: { name: string }, customer: Pick<Customer, 'name' | 'phone'>, s: Statement, t: Translator, width: 32 | 48 = 48, elsewhereMinor = 0): string {
  const day = (d: string) => t.intl.formatDate(`${d}T12:00:00Z`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const rule = '-'.repeat(width);
  const out = [
    store.name.slice(0, width),
    t.t('credit.statement.title'),
    `${customer.name} · ${customer.phone}`.slice(0, width),
    ...(s.from || s.to ? [t.t('credit.statement.period', { from: s.from ? day(s.from) : '…', to: s.to ? day(s.to) : '…' }).slice(0, width)] : []),
    rule,
    row(t.t('credit.statement.opening'), t.money(s.openingMinor), width),
    rule,
  ];
  for (const l of s.lines) {
    const label = entryLabel(l.entry, t);
    const both = `${day(l.day)}  ${label}`;
    if (both.length <= width) out.push(both);
    else out.push(day(l.day), label.slice(0, width));
    out.push(row(`  ${t.money(l.entry.amountMinor)}`, t.money(l.balanceMinor), width));
  }
  out.push(rule, row(t.t('credit.statement.billed'), t.money(s.billedMinor), width), row(t.t('credit.statement.paid'), t.money(s.paidMinor), width), row(t.t('credit.statement.closing'), t.money(s.closingMinor), width));
  // A chain-shared customer's statement up to today: what other stores hold, and the whole balance.
  if (elsewhereMinor !== 0 && !s.to) out.push(row(t.t('credit.statement.elsewhere'), t.money(elsewhereMinor), width), row(t.t('credit.statement.whole'), t.money(s.closingMinor + elsewhereMinor), width));
  return `${out.join('\n')}\n`;
}
