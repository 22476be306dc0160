import { createTranslator } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { receiptPlan, type ReceiptRow } from './receipt-plan';

const en = createTranslator({ locale: 'en' });
const row = (over: Partial<ReceiptRow>): ReceiptRow => ({ productId: 'p1', sku: 'TEA', name: 'Tea', unit: 'pc', packs: [], orderedQty: null, receivedBeforeQty: 0, qtyText: '', costText: '', taxText: '', ...over });

describe("a supplier's bill being received", () => {
  it('totals like the receipt document: qty × cost per line (per kg for loose goods) plus tax', () => {
    const plan = receiptPlan(
      [
        row({ productId: 'tea', qtyText: '10', costText: '245', taxText: '12.25' }),
        row({ productId: 'rice', unit: 'g', qtyText: '12.5', costText: '95.50' }),
      ],
      false,
      en,
    );
    expect(plan.errors).toEqual({});
    expect(plan.lines).toEqual([
      { product: 'tea', qty: 10, costMinor: 24_500, taxMinor: 1_225 },
      { product: 'rice', qty: 12_500, costMinor: 9_550, taxMinor: 0 },
    ]);
    // 12.5 kg × ₹95.50 = ₹1,193.75
    expect([plan.subtotalMinor, plan.taxMinor, plan.totalMinor]).toEqual([245_000 + 119_375, 1_225, 245_000 + 119_375 + 1_225]);
    expect(plan.view.map((v) => v.lineTotalMinor)).toEqual([246_225, 119_375]);
  });

  it('says how each ordered line stands after this bill: short, complete, over, left out, not ordered', () => {
    const plan = receiptPlan(
      [
        row({ productId: 'a', orderedQty: 24, qtyText: '1 carton', packs: [{ name: 'carton', qty: 12 }] }),
        row({ productId: 'b', orderedQty: 10, receivedBeforeQty: 4, qtyText: '6' }),
        row({ productId: 'c', orderedQty: 5, qtyText: '7' }),
        row({ productId: 'd', orderedQty: 5 }),
        row({ productId: 'e', orderedQty: null, qtyText: '2' }),
      ],
      true,
      en,
    );
    expect(plan.view.map((v) => v.against)).toEqual([{ kind: 'short', qty: 12 }, { kind: 'complete' }, { kind: 'over', qty: 2 }, { kind: 'leftOut' }, { kind: 'notOrdered' }]);
    expect(plan.lines.map((l) => [l.product, l.qty])).toEqual([['a', 12], ['b', 6], ['c', 7], ['e', 2]]);
  });

  it('refuses a cost or quantity that is not one, and leaves that line out', () => {
    const plan = receiptPlan([row({ productId: 'x', qtyText: '3', costText: 'abc' }), row({ productId: 'y', qtyText: 'many' })], false, en);
    expect(Object.keys(plan.errors)).toEqual(['x', 'y']);
    expect(plan.lines).toEqual([]);
    expect(plan.totalMinor).toBe(0);
  });
});
