import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../purchases/reorder.suggest';
import { ageingOf, balanceOf, bucketOf, creditLimitCheck, daysBetween, openDebits, overdueOf, type LedgerFacts } from './ledger.balance';

const clock = { timeZone: 'Asia/Karachi', termDays: 15 };
const day0 = Date.UTC(2026, 0, 1, 7);

/** A generated history: small amounts, so the reference can walk it one paisa at a time. */
const entry = fc.record({
  amountMinor: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: -400, max: -1 })),
  dayOffset: fc.integer({ min: 0, max: 200 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});
const history = fc.array(entry, { maxLength: 30 }).map((xs) =>
  xs.map((x, i): LedgerFacts => {
    const occurredAt = new Date(day0 + x.dayOffset * 86_400_000 + x.minute * 60_000).toISOString();
    const id = `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`;
    const dueOn = x.amountMinor > 0 && x.due !== null ? addDays('2026-01-01', x.dayOffset + x.due) : null;
    return { id, amountMinor: x.amountMinor, occurredAt, dueOn };
  }),
);

/** The reference: every paisa owed is a token in a queue, oldest first; each paisa paid takes the front token. */
function reference(entries: readonly LedgerFacts[], today: string) {
  const byTime = [...entries].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1));
  const tokens: { ageFrom: string; dueDay: string }[] = [];
  for (const e of byTime.filter((x) => x.amountMinor > 0)) {
    const local = new Date(Date.parse(e.occurredAt) + 5 * 3_600_000).toISOString().slice(0, 10); // Karachi is UTC+5, no DST
    for (let p = 0; p < e.amountMinor; p++) tokens.push({ ageFrom: e.dueOn ?? local, dueDay: e.dueOn ?? addDays(local, clock.termDays) });
  }
  const paid = entries.filter((x) => x.amountMinor < 0).reduce((a, x) => a - x.amountMinor, 0);
  const open = tokens.slice(Math.min(paid, tokens.length));
  const buckets = { d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 };
  for (const t of open) {
    const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${t.ageFrom}T00:00:00Z`)) / 86_400_000;
    buckets[age <= 30 ? 'd0_30' : age <= 60 ? 'd31_60' : age <= 90 ? 'd61_90' : 'd90plus'] += 1;
  }
  const overdue = open.filter((t) => t.dueDay < today).length;
  return { balance: entries.reduce((a, x) => a + x.amountMinor, 0), buckets, overdue };
}

const today = fc.integer({ min: 0, max: 320 }).map((d) => addDays('2026-01-01', d));

describe('the ledger', () => {
  it('balance is the sum of the entries, whatever the order and however often an entry arrives', () => {
    fc.assert(
      fc.property(history, fc.array(fc.nat(), { maxLength: 10 }), fc.integer(), (entries, copies, seed) => {
        const arrived = [...entries, ...copies.filter(() => entries.length > 0).map((c) => entries[c % entries.length]!)];
        const shuffled = fc.sample(fc.shuffledSubarray(arrived, { minLength: arrived.length }), { seed, numRuns: 1 })[0]!;
        expect(balanceOf(shuffled)).toBe(reference(entries, '2026-01-01').balance);
      }),
      { numRuns: 1000 },
    );
  });

  it('ageing and overdue match the paisa-by-paisa reference on generated histories', () => {
    fc.assert(
      fc.property(history, today, (entries, on) => {
        const ref = reference(entries, on);
        const ageing = ageingOf(entries, on, clock);
        expect(ageing).toEqual(ref.buckets);
        expect(ageing.d0_30 + ageing.d31_60 + ageing.d61_90 + ageing.d90plus).toBe(Math.max(0, ref.balance));
        expect(overdueOf(entries, on, clock).overdueMinor).toBe(ref.overdue);
      }),
      { numRuns: 1000 },
    );
  });

  it('open debits are the same in any arrival order and with copies', () => {
    fc.assert(
      fc.property(history, (entries) => {
        const reversed = [...entries, ...entries].reverse();
        expect(openDebits(reversed, clock)).toEqual(openDebits(entries, clock));
      }),
      { numRuns: 500 },
    );
  });

  it('buckets by whole days: 30 is the first bucket, 31 the second, 91 over 90', () => {
    expect([0, 30, 31, 60, 61, 90, 91, -5].map(bucketOf)).toEqual(['d0_30', 'd0_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'd90plus', 'd0_30']);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('the store day decides the age: a sale at 23:30 in Karachi is on that day, not the next UTC one', () => {
    const lateEvening = { id: '01900000-0000-7000-8000-000000000001', amountMinor: 100, occurredAt: '2026-03-31T18:30:00Z', dueOn: null };
    expect(openDebits([lateEvening], clock)[0]!.day).toBe('2026-03-31');
    expect(openDebits([lateEvening], { timeZone: 'Asia/Kolkata', termDays: 15 })[0]!.day).toBe('2026-04-01');
    // Due 15 days after its day: not overdue on the 15th, overdue on the 16th.
    expect(overdueOf([lateEvening], '2026-04-15', clock).overdueMinor).toBe(0);
    expect(overdueOf([lateEvening], '2026-04-16', clock)).toEqual({ overdueMinor: 100, oldestDueDay: '2026-04-15', daysOverdue: 1 });
  });

  it('the credit limit: within, exactly at, over, none, and no credit at all', () => {
    expect(creditLimitCheck(500, 1000, 500)).toEqual({ afterMinor: 1000, overByMinor: 0 });
    expect(creditLimitCheck(500, 1000, 501)).toEqual({ afterMinor: 1001, overByMinor: 1 });
    expect(creditLimitCheck(5_000_000, null, 1)).toEqual({ afterMinor: 5_000_001, overByMinor: 0 });
    expect(creditLimitCheck(0, 0, 1).overByMinor).toBe(1);
    // An advance covers a sale: -300 + 500 is within a limit of 200.
    expect(creditLimitCheck(-300, 200, 500).overByMinor).toBe(0);
  });

  it('a limit check agrees with the sum for any balance, limit and sale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }), fc.integer({ min: 1, max: 1e6 }), (bal, limit, add) => {
        const c = creditLimitCheck(bal, limit, add);
        expect(c.afterMinor).toBe(bal + add);
        expect(c.overByMinor > 0).toBe(limit !== null && bal + add > limit);
      }),
      { numRuns: 1000 },
    );
  });
});
