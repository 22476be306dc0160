import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageOverReceipts, movingAverageCost, receiveAtAverage, type CostEvent } from './moving-average';

/**
 * The reference: the textbook running weighted average written out step by step with exact
 * fractions (inventory value as numerator/denominator), rounded to the paisa after each receipt
 * exactly as the rule says (half up), applied to the events in their true order.
 */
function reference(events: { kind: CostEvent['kind']; qty: number; costMinor?: number }[], opening: { onHandQty: number; costMinor: number }) {
  let stock = opening.onHandQty;
  let avg = opening.costMinor;
  for (const e of events) {
    if (e.kind === 'receipt') {
      if (stock <= 0) avg = e.costMinor!;
      else {
        const value = BigInt(stock) * BigInt(avg) + BigInt(e.qty) * BigInt(e.costMinor!);
        const units = BigInt(stock + e.qty);
        const whole = value / units;
        const rest = value - whole * units;
        avg = Number(rest * 2n >= units ? whole + 1n : whole);
      }
      stock += e.qty;
    } else if (e.kind === 'delta') stock += e.qty;
    else stock = e.qty;
  }
  return { onHandQty: stock, costMinor: avg };
}

const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('receipt' as const), qty: fc.integer({ min: 1, max: 100_000_000 }), costMinor: fc.integer({ min: 0, max: 1_000_000_000 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delta' as const), qty: fc.integer({ min: -50_000_000, max: 50_000_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('count' as const), qty: fc.integer({ min: 0, max: 100_000_000 }) }) },
);
const history = fc.array(step, { maxLength: 40 });
const opening = fc.record({ onHandQty: fc.integer({ min: -1000, max: 1_000_000 }), costMinor: fc.integer({ min: 0, max: 1_000_000 }) });

function asEvents(steps: { kind: CostEvent['kind']; qty: number; costMinor?: number }[]): CostEvent[] {
  return steps.map((s, i) => {
    const id = `e${String(i).padStart(3, '0')}`;
    const at = `hlc-${String(i).padStart(4, '0')}`;
    return s.kind === 'receipt' ? { id, at, kind: 'receipt', qty: s.qty, costMinor: s.costMinor! } : { id, at, kind: s.kind, qty: s.qty };
  });
}

describe('moving-average cost', () => {
  it('equals the reference over any sequence of receipts, sales, adjustments and counts, in any arrival order with duplicates', () => {
    fc.assert(
      fc.property(history, opening, fc.infiniteStream(fc.nat()), (steps, open, rnd) => {
        const events = asEvents(steps);
        const dupes = events.filter((_, i) => i % 3 === 0);
        const arrived = [...events, ...dupes].map((e) => ({ e, k: rnd.next().value })).sort((a, b) => a.k - b.k).map((x) => x.e);
        expect(movingAverageCost(arrived, open)).toEqual(reference(steps, open));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('stays between the lowest and highest cost it weighed since stock last ran out', () => {
    fc.assert(
      fc.property(history, opening, (steps, open) => {
        let lo = open.costMinor;
        let hi = open.costMinor;
        let stock = open.onHandQty;
        for (const s of steps) {
          if (s.kind === 'receipt') {
            if (stock <= 0) lo = hi = s.costMinor!;
            lo = Math.min(lo, s.costMinor!);
            hi = Math.max(hi, s.costMinor!);
            stock += s.qty;
          } else stock = s.kind === 'delta' ? stock + s.qty : s.qty;
        }
        const { costMinor } = movingAverageCost(asEvents(steps), open);
        expect(costMinor).toBeGreaterThanOrEqual(lo);
        expect(costMinor).toBeLessThanOrEqual(hi);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('read from receipt lines with the stock seen before each, it is the same average', () => {
    fc.assert(
      fc.property(history, opening, (steps, open) => {
        let stock = open.onHandQty;
        const receipts: { onHandBeforeQty: number; qty: number; costMinor: number }[] = [];
        for (const s of steps) {
          if (s.kind === 'receipt') receipts.push({ onHandBeforeQty: stock, qty: s.qty, costMinor: s.costMinor! });
          stock = s.kind === 'count' ? s.qty : stock + s.qty;
        }
        expect(averageOverReceipts(open.costMinor, receipts)).toBe(reference(steps, open).costMinor);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('rounds half up to the paisa, and takes the new cost when nothing was on hand', () => {
    // 10 pc at 100 + 10 pc at 101 = 100.5 → 101; 2 at 100 + 1 at 101 = 100.33 → 100.
    expect(receiveAtAverage(100, 10, 10, 101)).toBe(101);
    expect(receiveAtAverage(100, 2, 1, 101)).toBe(100);
    expect(receiveAtAverage(100, 0, 5, 120)).toBe(120);
    expect(receiveAtAverage(100, -3, 5, 120)).toBe(120);
    // Past 2^53 in the products: 10^8 g at ₹10,00,00,000/kg is still exact.
    expect(receiveAtAverage(1_000_000_000, 100_000_000, 100_000_000, 999_999_999)).toBe(1_000_000_000);
  });
});
