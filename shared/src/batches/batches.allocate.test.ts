import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStock } from '../stock/merge-rule';
import { allocateBatches, daysUntil, type BatchReceipt } from './batches.allocate';

/** The reference: receive every batch, then sell what is gone one unit at a time, always from the earliest expiry. */
function reference(stock: number, receipts: readonly BatchReceipt[]): Map<string, number> {
  const units: string[] = [];
  for (const r of receipts) for (let i = 0; i < r.qty; i++) units.push(`${r.expiresOn}|${r.lot ?? ''}`);
  units.sort();
  const gone = Math.max(0, units.length - Math.max(0, stock));
  const out = new Map<string, number>();
  for (const u of units.slice(gone)) out.set(u, (out.get(u) ?? 0) + 1);
  return out;
}

const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const receipt = fc.record({ lot: fc.constantFrom(null, 'A', 'B', 'C'), expiresOn: day, qty: fc.integer({ min: 0, max: 40 }) });

describe('batch stock', () => {
  it('FEFO: what is left is what selling the earliest expiry first leaves, and it adds up to the stock', () => {
    fc.assert(
      fc.property(fc.array(receipt, { maxLength: 12 }), fc.integer({ min: -50, max: 400 }), (receipts, stock) => {
        const a = allocateBatches(stock, receipts);
        const got = new Map(a.batches.map((b) => [`${b.expiresOn}|${b.lot ?? ''}`, b.qty]));
        expect(got).toEqual(reference(stock, receipts));
        expect(a.batches.reduce((s, b) => s + b.qty, 0) + a.unbatched).toBe(stock);
        expect(a.batches.every((b) => b.qty > 0)).toBe(true);
        for (let i = 1; i < a.batches.length; i++) expect(a.batches[i - 1]!.expiresOn <= a.batches[i]!.expiresOn).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never depends on the order receipts arrive in, and follows the merge rule under any arrival order of the movements', () => {
    const movement = fc.record({ kind: fc.constantFrom('IN' as const, 'SALE' as const, 'COUNT' as const), qty: fc.integer({ min: 1, max: 30 }), hlc: fc.integer({ min: 1, max: 1_000_000 }), batch: receipt });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 20 }), (moves) => {
        const asMovements = moves.map((m, i) => ({ id: String(i), kind: m.kind, qty: m.kind === 'SALE' ? -m.qty : m.qty, hlc: `${String(m.hlc).padStart(13, '0')}:0000:n${i}` }));
        const shuffled = [...asMovements].reverse();
        const stock = mergeStock(asMovements).qty;
        expect(mergeStock(shuffled).qty).toBe(stock);
        const receipts = moves.filter((m) => m.kind === 'IN').map((m) => ({ ...m.batch, qty: m.qty }));
        const a = allocateBatches(stock, receipts);
        const b = allocateBatches(mergeStock(shuffled).qty, [...receipts].reverse());
        expect(b).toEqual(a);
        expect(a.batches.reduce((s, x) => s + x.qty, 0) + a.unbatched).toBe(stock);
      }),
      { numRuns: 300 },
    );
  });

  it('the earliest expiry goes first: 3 sold of 10 (Jan 5) + 10 (Jan 9) leaves 7 + 10', () => {
    const a = allocateBatches(17, [
      { lot: 'L9', expiresOn: '2026-01-09', qty: 10 },
      { lot: 'L5', expiresOn: '2026-01-05', qty: 10 },
    ]);
    expect(a).toEqual({ batches: [{ lot: 'L5', expiresOn: '2026-01-05', qty: 7 }, { lot: 'L9', expiresOn: '2026-01-09', qty: 10 }], unbatched: 0 });
    expect(allocateBatches(25, [{ lot: null, expiresOn: '2026-01-05', qty: 10 }])).toEqual({ batches: [{ lot: null, expiresOn: '2026-01-05', qty: 10 }], unbatched: 15 });
    expect(allocateBatches(-2, [{ lot: null, expiresOn: '2026-01-05', qty: 10 }])).toEqual({ batches: [], unbatched: -2 });
    expect(daysUntil('2026-03-01', '2026-02-27')).toBe(2);
    expect(daysUntil('2026-02-27', '2026-03-01')).toBe(-2);
  });

  it('a removal tagged with a batch empties it, even when undated stock would otherwise be laid over it', () => {
    const receipts: BatchReceipt[] = [
      { lot: 'OLD', expiresOn: '2026-01-05', qty: 10 },
      { lot: 'NEW', expiresOn: '2026-02-01', qty: 10 },
    ];
    // 25 on hand: both batches full, 5 undated (sold first in the model, so the old batch looks full).
    expect(allocateBatches(25, receipts).batches.map((b) => b.qty)).toEqual([10, 10]);
    // Writing off the old batch's 10 with its tag: it holds nothing more, the undated 5 stay undated.
    const after = allocateBatches(15, [...receipts, { lot: 'OLD', expiresOn: '2026-01-05', qty: -10 }]);
    expect(after).toEqual({ batches: [{ lot: 'NEW', expiresOn: '2026-02-01', qty: 10 }], unbatched: 5 });
    // Without the tag the same removal would leave the old batch looking full again.
    expect(allocateBatches(15, receipts).batches.map((b) => [b.lot, b.qty])).toEqual([['OLD', 5], ['NEW', 10]]);
  });
});
