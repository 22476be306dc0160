import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeStock, projectStock, compareMovements, type MergeMovement } from './merge-rule';
import { formatHlc } from '../hlc/hlc';
import type { MovementKind } from '../domain/movements.schema';

const RUNS = 1000;
const deltaKinds: MovementKind[] = ['IN', 'SALE', 'REMOVE', 'ADJUST', 'TRANSFER_IN', 'TRANSFER_OUT'];

/** A random history for one (store, product): unique ids and HLCs from a few nodes. */
const historyArb = fc
  .array(
    fc.record({
      wall: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_100_000 }),
      counter: fc.integer({ min: 0, max: 5 }),
      node: fc.constantFrom('a', 'b', 'c', 'hub'),
      kind: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...deltaKinds) },
        { weight: 1, arbitrary: fc.constant<MovementKind>('COUNT') },
      ),
      amount: fc.integer({ min: 1, max: 500 }),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const seen = new Set<string>();
    const out: MergeMovement[] = [];
    rows.forEach((r, i) => {
      const hlc = formatHlc({ wall: r.wall, counter: r.counter, node: r.node });
      if (seen.has(hlc)) return;
      seen.add(hlc);
      const sign = r.kind === 'IN' || r.kind === 'TRANSFER_IN' || r.kind === 'COUNT' ? 1 : -1;
      const qty = r.kind === 'ADJUST' ? (i % 2 ? r.amount : -r.amount) : sign * r.amount;
      out.push({ id: `m${i.toString().padStart(3, '0')}`, kind: r.kind, qty, hlc });
    });
    return out;
  });

function shuffle<T>(items: T[], keys: number[]): T[] {
  return items
    .map((item, i) => ({ item, k: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.item);
}

/** The rule spelled out the slow, obvious way: latest COUNT by HLC plus later deltas. */
function oracle(ms: MergeMovement[]): number {
  const counts = ms.filter((m) => m.kind === 'COUNT').sort(compareMovements);
  const last = counts[counts.length - 1];
  const later = ms.filter((m) => m.kind !== 'COUNT' && (!last || compareMovements(m, last) > 0));
  return (last?.qty ?? 0) + later.reduce((s, m) => s + m.qty, 0);
}

describe('mergeStock', () => {
  it('equals latest COUNT plus later deltas', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        expect(mergeStock(h).qty).toBe(oracle(h));
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on arrival order', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (h, keys) => {
        expect(mergeStock(shuffle(h, keys))).toEqual(mergeStock(h));
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on duplication', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { maxLength: 40 }), (h, dupIdx) => {
        const dups = h.length ? dupIdx.map((i) => h[i % h.length]!) : [];
        expect(mergeStock([...h, ...dups])).toEqual(mergeStock(h));
      }),
      { numRuns: RUNS },
    );
  });

  it('folding batch by batch with projectStock in clock order gives the same stock (a device folds its own movements so)', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1 }), (h, sizes) => {
        // projectStock's baseline is (qty, last count): enough for movements that come after it by
        // clock, as a device's own do (its HLC is monotonic). Out-of-order arrival is the next test.
        const sorted = [...h].sort(compareMovements);
        let base = { qty: 0, lastCountHlc: null as string | null };
        let i = 0;
        let s = 0;
        while (i < sorted.length) {
          const size = sizes[s++ % sizes.length] ?? 1;
          const batch = sorted.slice(i, i + size);
          base = {
            qty: projectStock(base, batch),
            lastCountHlc: [base.lastCountHlc, ...batch.filter((m) => m.kind === 'COUNT').map((m) => m.hlc)]
              .filter((x): x is string => x !== null)
              .sort()
              .at(-1) ?? null,
          };
          i += size;
        }
        expect(base.qty).toBe(mergeStock(h).qty);
      }),
      { numRuns: RUNS },
    );
  });

  it('out-of-order batches: the hub folds what arrived in any order and split; a device projects its later movements on it', () => {
    fc.assert(
      fc.property(
        historyArb,
        historyArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1 }),
        (arrived, own, keys, sizes) => {
          // What reached the hub, in an arrival order unrelated to the clocks, in random batches:
          // after every batch the hub's stock is mergeStock of everything so far.
          const order = shuffle(arrived, keys);
          let delivered: MergeMovement[] = [];
          let hub = mergeStock([]);
          for (let i = 0, s = 0; i < order.length; s++) {
            const size = sizes[s % sizes.length] ?? 1;
            delivered = [...delivered, ...order.slice(i, i + size)];
            hub = mergeStock(delivered);
            i += size;
          }
          expect(hub).toEqual(mergeStock(arrived));
          // The device's movements after its pull: stamped after everything the pull showed it
          // (it merges the hub's clock), so later by HLC than every arrived movement.
          const mine = own.map((m) => ({ ...m, id: `own-${m.id}`, hlc: formatHlc({ wall: 1_800_000_000_000 + Number(m.id.slice(1)), counter: 0, node: 'd' }) }));
          const view = projectStock({ qty: hub.qty, lastCountHlc: hub.lastCount?.hlc ?? null }, shuffle(mine, keys));
          expect(view).toBe(mergeStock([...arrived, ...mine]).qty);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('projectStock is not a merge of out-of-order batches: a pending count older than a delta already in the baseline loses it', () => {
    // Why the device view relies on its own movements being later than its baseline: folded the
    // other way round, the (qty, last count) baseline cannot tell which deltas follow an older count.
    const sale = { id: 's', kind: 'SALE' as const, qty: -3, hlc: formatHlc({ wall: 20, counter: 0, node: 'b' }) };
    const count = { id: 'c', kind: 'COUNT' as const, qty: 10, hlc: formatHlc({ wall: 10, counter: 0, node: 'a' }) };
    const base = { qty: mergeStock([sale]).qty, lastCountHlc: null };
    expect(mergeStock([sale, count]).qty).toBe(7);
    expect(projectStock(base, [count])).toBe(10);
  });

  it('a late movement from before the latest count is absorbed: stock unchanged, variance moves', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 100 }), (h, saleQty) => {
        const withCount = [
          ...h,
          { id: 'count', kind: 'COUNT' as const, qty: 50, hlc: formatHlc({ wall: 1_800_000_000_000, counter: 0, node: 'a' }) },
        ];
        const before = mergeStock(withCount);
        const lateSale = { id: 'late', kind: 'SALE' as const, qty: -saleQty, hlc: formatHlc({ wall: 1_799_999_999_999, counter: 0, node: 'b' }) };
        const after = mergeStock([...withCount, lateSale]);
        expect(after.qty).toBe(before.qty);
        expect(after.qty).toBe(50);
        expect(after.variance).toBe((before.variance ?? 0) + saleQty);
        expect(after.absorbed).toBe(before.absorbed + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('counts the variance against what the log expected', () => {
    const r = mergeStock([
      { id: '1', kind: 'IN', qty: 10, hlc: formatHlc({ wall: 1, counter: 0, node: 'a' }) },
      { id: '2', kind: 'SALE', qty: -3, hlc: formatHlc({ wall: 2, counter: 0, node: 'a' }) },
      { id: '3', kind: 'COUNT', qty: 5, hlc: formatHlc({ wall: 3, counter: 0, node: 'b' }) },
      { id: '4', kind: 'SALE', qty: -1, hlc: formatHlc({ wall: 4, counter: 0, node: 'a' }) },
    ]);
    expect(r).toMatchObject({ qty: 4, variance: -2, lastCount: { id: '3', qty: 5 }, absorbed: 2, movements: 4 });
  });

  it('keeps negative stock (the sale happened)', () => {
    const r = mergeStock([{ id: '1', kind: 'SALE', qty: -2, hlc: formatHlc({ wall: 1, counter: 0, node: 'a' }) }]);
    expect(r.qty).toBe(-2);
    expect(r.variance).toBeNull();
  });
});

describe('projectStock', () => {
  it('on an empty baseline equals mergeStock', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        expect(projectStock({ qty: 0, lastCountHlc: null }, h)).toBe(mergeStock(h).qty);
      }),
      { numRuns: RUNS },
    );
  });
});
