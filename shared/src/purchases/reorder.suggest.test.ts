import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, REORDER_HORIZON_DAYS, suggestReorder, type ReorderInput } from './reorder.suggest';

const dayMs = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * The reference, written from the definition day by day: a future day's forecast is the mean of
 * the window days that fall on the same weekday (found by date distance, not by weekday
 * number); stock is walked forward in exact fractions (Fraction = numerator over 4, the 4 weeks).
 */
function reference(input: ReorderInput) {
  const start = toMs(input.today) - 28 * dayMs;
  const byDay = new Map<number, number>();
  for (const s of input.sales) {
    const t = toMs(s.day);
    if (t >= start && t < toMs(input.today) && s.qty > 0) byDay.set(t, (byDay.get(t) ?? 0) + s.qty);
  }
  const memo = new Map<number, number>();
  const forecast4 = (k: number) => memo.get(k) ?? memo.set(k, forecastUncached(k)).get(k)!;
  const forecastUncached = (k: number) => {
    const t = toMs(input.today) + k * dayMs;
    let sum = 0;
    for (const [h, qty] of byDay) if (Math.round((t - h) / dayMs) % 7 === 0) sum += qty;
    return sum; // the mean over 4 same-weekday days, times 4
  };
  const total = [...byDay.values()].reduce((a, b) => a + b, 0);
  const safety = Math.max(Math.ceil((input.safetyDays * total) / 28), input.reorderLevel);
  let stock4 = 4 * (input.onHandQty + input.onOrderQty);
  for (let k = 0; k <= REORDER_HORIZON_DAYS; k++) {
    let lead4 = 0;
    for (let j = k; j < k + input.leadTimeDays; j++) lead4 += forecast4(j);
    if (stock4 - lead4 <= 4 * safety) {
      const due = k <= input.reviewDays;
      let cover4 = 0;
      for (let j = k; j < k + input.leadTimeDays + input.reviewDays; j++) cover4 += forecast4(j);
      const need = Math.max(0, Math.ceil((cover4 + 4 * safety - stock4) / 4));
      const qty = due ? Math.ceil(need / input.packQty) * input.packQty : 0;
      return { orderDay: addDays(input.today, k), due, suggestedQty: qty, safetyQty: safety, soldQty: total };
    }
    stock4 -= forecast4(k);
  }
  return { orderDay: null, due: false, suggestedQty: 0, safetyQty: safety, soldQty: total };
}

/** A generated history: a weekday pattern per product, noise, days with nothing, some days before the window. */
const history = fc
  .record({
    today: fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n)),
    pattern: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 7, maxLength: 7 }),
    noise: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 35, maxLength: 35 }),
    gaps: fc.array(fc.boolean(), { minLength: 35, maxLength: 35 }),
    onHandQty: fc.integer({ min: -20, max: 400 }),
    onOrderQty: fc.integer({ min: 0, max: 100 }),
    leadTimeDays: fc.integer({ min: 0, max: 14 }),
    reviewDays: fc.integer({ min: 1, max: 14 }),
    safetyDays: fc.integer({ min: 0, max: 7 }),
    packQty: fc.constantFrom(1, 6, 12, 24, 1000),
    reorderLevel: fc.integer({ min: 0, max: 50 }),
  })
  .map((h): ReorderInput => {
    const sales: { day: string; qty: number }[] = [];
    for (let i = 1; i <= 35; i++) {
      const day = addDays(h.today, -i);
      const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
      const qty = h.gaps[i - 1] ? 0 : Math.max(0, h.pattern[wd]! + h.noise[i - 1]!);
      if (qty > 0) {
        // Sold in a few bills a day.
        sales.push({ day, qty: Math.ceil(qty / 2) }, { day, qty: Math.floor(qty / 2) });
      }
    }
    return { ...h, sales };
  });

describe('reorder suggestions', () => {
  it('match the day-by-day reference on generated histories', () => {
    fc.assert(
      fc.property(history, (input) => {
        const got = suggestReorder(input);
        const want = reference(input);
        expect({ orderDay: got.orderDay, due: got.due, suggestedQty: got.suggestedQty, safetyQty: got.safetyQty, soldQty: got.soldQty }).toEqual(want);
        expect(got.suggestedQty % input.packQty).toBe(0);
        expect(got.packs * input.packQty).toBe(got.suggestedQty);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('forecasts by weekday: a shop that sells only on Sundays orders for the Sundays ahead', () => {
    const today = '2026-12-02'; // a Wednesday
    const sales = [1, 2, 3, 4].map((w) => ({ day: addDays('2026-11-29', -7 * (w - 1)), qty: 10 })); // four Sundays
    const s = suggestReorder({ today, sales, onHandQty: 5, onOrderQty: 0, leadTimeDays: 2, reviewDays: 7, safetyDays: 0, packQty: 12, reorderLevel: 0 });
    // Two days' lead time: ordered on Saturday, the goods come after Sunday's 10 sold: order Saturday.
    expect(s.orderDay).toBe('2026-12-05');
    expect(s.due).toBe(true);
    // From Saturday, 2 + 7 days cover two Sundays: 20, less the 5 on hand = 15 → two packs of 12.
    expect(s.suggestedQty).toBe(24);
    expect(s.weekdaySoldQty[0]).toBe(40);
    expect(s.velocityPerDay).toBeCloseTo(40 / 28);
    expect(s.daysOfCover).toBe(3.5);
    expect(s.reasons).toContain('cover_short');
  });

  it('a product that does not sell is ordered only up to its reorder level', () => {
    const s = suggestReorder({ today: '2026-12-02', sales: [], onHandQty: 2, onOrderQty: 0, leadTimeDays: 3, reviewDays: 7, safetyDays: 3, packQty: 1, reorderLevel: 6 });
    expect(s).toMatchObject({ orderDay: '2026-12-02', due: true, suggestedQty: 4, daysOfCover: null });
    expect(s.reasons).toEqual(['no_sales', 'below_safety', 'reorder_level']);
    const enough = suggestReorder({ today: '2026-12-02', sales: [], onHandQty: 10, onOrderQty: 0, leadTimeDays: 3, reviewDays: 7, safetyDays: 3, packQty: 1, reorderLevel: 6 });
    expect(enough).toMatchObject({ orderDay: null, due: false, suggestedQty: 0 });
  });
});
