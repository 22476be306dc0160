import { localDay } from '../domain/store-time';
import { addDays } from '../purchases/reorder.suggest';
import type { LedgerEntry } from './ledger.schema';

/**
 * Figures derived from a customer's ledger, never stored (DESIGN §9). Each takes the entries as
 * they arrived, in any order and with copies: an entry counts once, by id.
 */

export type LedgerFacts = Pick<LedgerEntry, 'id' | 'amountMinor' | 'occurredAt'> & { dueOn?: string | null };

export function uniqueEntries<T extends Pick<LedgerEntry, 'id'>>(entries: readonly T[]): T[] {
  return [...new Map(entries.map((e) => [e.id, e])).values()];
}

/** What the customer owes now (negative: the shop owes them, an advance). */
export function balanceOf(entries: readonly Pick<LedgerEntry, 'id' | 'amountMinor'>[]): number {
  return uniqueEntries(entries).reduce((a, e) => a + e.amountMinor, 0);
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const ageingBuckets = ['d0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];
export type Ageing = Record<AgeingBucket, number>;

export function bucketOf(ageDays: number): AgeingBucket {
  if (ageDays <= 30) return 'd0_30';
  if (ageDays <= 60) return 'd31_60';
  if (ageDays <= 90) return 'd61_90';
  return 'd90plus';
}

/** What is still owed of each debit, oldest first, once every payment and credit is set against the oldest debts. */
export interface OpenDebit {
  id: string;
  openMinor: number;
  /** The store's day it was recorded. */
  day: string;
  /** The day it falls due: its own due day, else its day plus the store's terms. */
  dueDay: string;
  /** The day it ages from: its due day when it has one, else the day it was recorded. */
  ageFrom: string;
}

export interface LedgerClock {
  timeZone: string;
  /** Days a credit sale without its own due day has (the store's usual terms). */
  termDays: number;
}

/**
 * First in, first out: payments and credit adjustments settle the oldest debits first (by when
 * they happened, then id), which is how a shopkeeper reads a khata.
 */
export function openDebits(entries: readonly LedgerFacts[], clock: LedgerClock): OpenDebit[] {
  const unique = uniqueEntries(entries);
  let credit = unique.filter((e) => e.amountMinor < 0).reduce((a, e) => a - e.amountMinor, 0);
  const debits = unique.filter((e) => e.amountMinor > 0).sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1));
  const out: OpenDebit[] = [];
  for (const d of debits) {
    const settled = Math.min(credit, d.amountMinor);
    credit -= settled;
    if (settled === d.amountMinor) continue;
    const day = localDay(Date.parse(d.occurredAt), clock.timeZone);
    const dueDay = d.dueOn ?? addDays(day, clock.termDays);
    out.push({ id: d.id, openMinor: d.amountMinor - settled, day, dueDay, ageFrom: d.dueOn ?? day });
  }
  return out;
}

/** What is owed, split by age (0–30, 31–60, 61–90, 90+ days) on `today`; the buckets add up to the balance when it is positive. */
export function ageingOf(entries: readonly LedgerFacts[], today: string, clock: LedgerClock): Ageing {
  const out: Ageing = { d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 };
  for (const d of openDebits(entries, clock)) out[bucketOf(daysBetween(d.ageFrom, today))] += d.openMinor;
  return out;
}

export interface Overdue {
  overdueMinor: number;
  /** The earliest due day still open and past, or null when nothing is overdue. */
  oldestDueDay: string | null;
  daysOverdue: number;
}

/** What is past its due day on `today` (due days before today). */
export function overdueOf(entries: readonly LedgerFacts[], today: string, clock: LedgerClock): Overdue {
  const late = openDebits(entries, clock).filter((d) => d.dueDay < today);
  if (late.length === 0) return { overdueMinor: 0, oldestDueDay: null, daysOverdue: 0 };
  const oldest = late.reduce((a, d) => (d.dueDay < a ? d.dueDay : a), late[0]!.dueDay);
  return { overdueMinor: late.reduce((a, d) => a + d.openMinor, 0), oldestDueDay: oldest, daysOverdue: daysBetween(oldest, today) };
}

export function todayIn(nowMs: number, timeZone: string): string {
  return localDay(nowMs, timeZone);
}

export interface LimitCheck {
  afterMinor: number;
  /** By how much the balance would go over the limit; 0 when within it or there is no limit. */
  overByMinor: number;
}

/** A credit sale of `addMinor` against the customer's limit (null: no limit; 0: no credit at all). */
export function creditLimitCheck(balanceMinor: number, limitMinor: number | null, addMinor: number): LimitCheck {
  const afterMinor = balanceMinor + addMinor;
  if (limitMinor === null || addMinor <= 0) return { afterMinor, overByMinor: 0 };
  return { afterMinor, overByMinor: Math.max(0, afterMinor - limitMinor) };
}

/** A credit sale without its own due day is due this many days after its day (the usual khata month). */
export const DEFAULT_CREDIT_TERM_DAYS = 30;
