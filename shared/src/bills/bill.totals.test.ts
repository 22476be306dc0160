import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/error-codes';
import type { Discount, PaymentMethod } from './bill.schema';
import { billTotals, discountMinor, returnRefundMinor, roundToStep, settlePayments, spread } from './bill.totals';

const discount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1, max: 10_000 }).map((basisPoints) => ({ kind: 'percent' as const, basisPoints })),
  fc.integer({ min: 1, max: 500_000 }).map((minor) => ({ kind: 'amount' as const, minor })),
);
const line = fc.record({
  qty: fc.integer({ min: 1, max: 20_000 }),
  unit: fc.constantFrom('pc' as const, 'g' as const, 'ml' as const),
  unitPriceMinor: fc.integer({ min: 0, max: 200_000 }),
  discount,
});
const step = fc.constantFrom(1, 50, 100, 500, 1000);
const all: PaymentMethod[] = ['cash', 'upi', 'card', 'jazzcash', 'easypaisa', 'credit'];

describe('bill totals', () => {
  it('add up: lines total the subtotal less the discount, the total is on the cash step, rounding under half a step', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 3 }), discount, step, (sales, refunds, billDiscount, cashStepMinor) => {
        const t = billTotals({ sales, refunds, billDiscount, cashStepMinor });
        const lineSum = t.sales.reduce((a, l) => a + l.totalMinor, 0) - refunds.reduce((a, b) => a + b, 0);
        expect(lineSum).toBe(t.subtotalMinor - t.discountMinor);
        expect(t.totalMinor).toBe(t.subtotalMinor - t.discountMinor + t.roundingMinor);
        expect(Math.abs(t.totalMinor) % cashStepMinor).toBe(0);
        expect(Math.abs(t.roundingMinor) * 2).toBeLessThanOrEqual(cashStepMinor);
        for (const l of t.sales) {
          expect(l.lineDiscountMinor + l.billDiscountMinor).toBeLessThanOrEqual(l.grossMinor);
          expect(l.totalMinor).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('spread parts add up to the whole and stay under their weights', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, share) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        const total = Math.floor(sum * share);
        const parts = spread(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : total);
        parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i] as number));
      }),
    );
  });

  it('a percent discount rounds half up; an amount never takes more than the gross', () => {
    expect(discountMinor(1005, { kind: 'percent', basisPoints: 1000 })).toBe(101);
    expect(discountMinor(1004, { kind: 'percent', basisPoints: 1000 })).toBe(100);
    expect(discountMinor(500, { kind: 'amount', minor: 900 })).toBe(500);
    expect(roundToStep(1249, 100)).toBe(1200);
    expect(roundToStep(1250, 100)).toBe(1300);
    expect(roundToStep(-1250, 100)).toBe(-1300);
  });

  it('returns of a line in any pieces refund exactly what the line cost, never more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }), (lineTotal, pieces) => {
        const sold = pieces.reduce((a, b) => a + b, 0);
        let before = 0;
        let refunded = 0;
        for (const q of pieces) {
          const r = returnRefundMinor(lineTotal, sold, before, q);
          expect(r).toBeGreaterThanOrEqual(0);
          refunded += r;
          before += q;
        }
        expect(refunded).toBe(lineTotal);
      }),
    );
  });
});

describe('settling payments', () => {
  it('pays exactly the due: change = tendered − cash due, never negative, only on cash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.record({ method: fc.constantFrom<PaymentMethod>('upi', 'card', 'credit'), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 2 }),
        fc.integer({ min: 0, max: 100_000 }),
        (due, others, extra) => {
          let left = due;
          const inputs = others.map((o) => {
            const amountMinor = Math.floor(left * o.share);
            left -= amountMinor;
            return { method: o.method, amountMinor };
          });
          const s = settlePayments(due, [...inputs, { method: 'cash', tenderedMinor: left > 0 ? left + extra : 0 }], all);
          expect(s.payments.reduce((a, p) => a + p.amountMinor, 0)).toBe(due);
          for (const p of s.payments) {
            if (p.method === 'cash') {
              expect(p.changeMinor).toBe((p.tenderedMinor ?? 0) - p.amountMinor);
              expect(p.changeMinor).toBeGreaterThanOrEqual(0);
            } else expect(p.changeMinor).toBeUndefined();
          }
          expect(s.changeMinor).toBe(left > 0 ? extra : 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses short or over payments and methods the store does not take', () => {
    expect(() => settlePayments(1000, [{ method: 'cash', tenderedMinor: 999 }], all)).toThrow(/short/);
    expect(() => settlePayments(1000, [{ method: 'upi', amountMinor: 600 }], all)).toThrow(/short/);
    expect(() => settlePayments(1000, [{ method: 'card', amountMinor: 1100 }], all)).toThrow(/more than/);
    expect(() => settlePayments(1000, [{ method: 'jazzcash', amountMinor: 1000 }], ['upi'])).toThrow(DomainError);
    expect(settlePayments(1000, [], all)).toEqual({ payments: [{ method: 'cash', amountMinor: 1000, tenderedMinor: 1000, changeMinor: 0 }], changeMinor: 0 });
    expect(settlePayments(1000, [{ method: 'credit' }], all).payments).toEqual([{ method: 'credit', amountMinor: 1000 }]);
  });

  it('refunds go back by the methods given, adding up to what is due back', () => {
    expect(settlePayments(-700, [], all).payments).toEqual([{ method: 'cash', amountMinor: -700 }]);
    expect(settlePayments(-700, [{ method: 'upi', amountMinor: 200 }, { method: 'cash', amountMinor: 500 }], all).payments.map((p) => p.amountMinor)).toEqual([-200, -500]);
    expect(() => settlePayments(-700, [{ method: 'upi', amountMinor: 200 }, { method: 'cash', amountMinor: 400 }], all)).toThrow(/add up/);
  });
});

describe('lines with their own gross (packs, scale labels)', () => {
  it('a carton at its pack price and a labelled bag at its printed price, with a bill discount spread over both', () => {
    const m = billTotals({
      sales: [
        { qty: 24, unit: 'pc', unitPriceMinor: 2500, discount: null, grossMinor: 55_000 },
        { qty: 1253, unit: 'g', unitPriceMinor: 6000, discount: null, grossMinor: 7520 },
        { qty: 2, unit: 'pc', unitPriceMinor: 2500, discount: null },
      ],
      refunds: [],
      billDiscount: { kind: 'amount', minor: 100 },
      cashStepMinor: 1,
    });
    expect(m.sales.map((l) => l.grossMinor)).toEqual([55_000, 7520, 5000]);
    expect(m.subtotalMinor).toBe(67_520);
    expect(m.totalMinor).toBe(67_420);
  });
});
