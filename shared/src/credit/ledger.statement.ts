import { localDay } from '../domain/store-time';
import { balanceOf, uniqueEntries } from './ledger.balance';
import type { LedgerEntry } from './ledger.schema';

export interface StatementLine {
  entry: LedgerEntry;
  /** The store's day it happened. */
  day: string;
  /** The balance after it. */
  balanceMinor: number;
}

export interface Statement {
  /** Inclusive store days; null: from the first entry / up to now. */
  from: string | null;
  to: string | null;
  openingMinor: number;
  lines: StatementLine[];
  /** What was sold on credit and what was paid in the period (adjustments and openings are in the lines). */
  billedMinor: number;
  paidMinor: number;
  closingMinor: number;
}

/**
 * A customer statement for store days [from, to]: the balance before, each entry with the running
 * balance, the balance after. An opening balance carried over from the paper khata is part of the
 * opening figure (whenever it was keyed in up to the period's end), never a line of its own: the
 * statement says "Opening balance" once.
 */
export function statementOf(entries: readonly LedgerEntry[], timeZone: string, from: string | null = null, to: string | null = null): Statement {
  const sorted = uniqueEntries(entries)
    .map((entry) => ({ entry, day: localDay(Date.parse(entry.occurredAt), timeZone) }))
    .sort((a, b) => (a.entry.occurredAt < b.entry.occurredAt ? -1 : a.entry.occurredAt > b.entry.occurredAt ? 1 : a.entry.id < b.entry.id ? -1 : 1));
  const upToEnd = sorted.filter((e) => to === null || e.day <= to);
  const before = upToEnd.filter((e) => e.entry.kind === 'opening' || (from !== null && e.day < from)).map((e) => e.entry);
  const inside = upToEnd.filter((e) => e.entry.kind !== 'opening' && (from === null || e.day >= from));
  let running = balanceOf(before);
  const openingMinor = running;
  const lines = inside.map(({ entry, day }) => {
    running += entry.amountMinor;
    return { entry, day, balanceMinor: running };
  });
  const sum = (kind: LedgerEntry['kind']) => inside.filter((e) => e.entry.kind === kind).reduce((a, e) => a + e.entry.amountMinor, 0);
  return { from, to, openingMinor, lines, billedMinor: sum('credit_sale'), paidMinor: -sum('payment'), closingMinor: running };
}
