import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTransitOf, lineDiscrepancy, transferDiscrepancies, transferStatusOf } from './transfer.flow';
import { mergeTransfer } from './transfer.sides';
import { transferSchema, type Transfer } from './transfer.schema';
import { draftTransfer } from './transfer.testing';

const DISPATCHED = '2026-03-01T09:00:00.000Z';

describe('a transfer line', () => {
  const t = { dispatchedAt: DISPATCHED, closedAt: null };
  it('is short, over or damaged only once it is settled', () => {
    expect(lineDiscrepancy(t, { qtySent: 10, qtyReceived: null, qtyDamaged: 0 })).toEqual({ short: 0, over: 0, damaged: 0 });
    expect(lineDiscrepancy(t, { qtySent: 10, qtyReceived: 7, qtyDamaged: 1 })).toEqual({ short: 2, over: 0, damaged: 1 });
    expect(lineDiscrepancy(t, { qtySent: 10, qtyReceived: 11, qtyDamaged: 1 })).toEqual({ short: 0, over: 2, damaged: 1 });
    expect(lineDiscrepancy({ ...t, closedAt: DISPATCHED }, { qtySent: 10, qtyReceived: null, qtyDamaged: 0 })).toEqual({ short: 10, over: 0, damaged: 0 });
    // Counted in against a draft whose dispatch is not known yet: nothing to compare with.
    expect(lineDiscrepancy({ dispatchedAt: null, closedAt: null }, { qtySent: 10, qtyReceived: 7, qtyDamaged: 0 })).toEqual({ short: 0, over: 0, damaged: 0 });
  });

  it('adds up to the status of its transfer', () => {
    const d = draftTransfer([5, 3]);
    expect(transferStatusOf(d)).toBe('draft');
    expect(transferStatusOf({ ...d, dispatchedAt: DISPATCHED })).toBe('dispatched');
    const one = { ...d, dispatchedAt: DISPATCHED, lines: [{ ...d.lines[0]!, qtyReceived: 5 }, d.lines[1]!] };
    expect(transferStatusOf(one)).toBe('partly_received');
    expect(transferStatusOf({ ...one, lines: one.lines.map((l) => ({ ...l, qtyReceived: 1 })) })).toBe('received');
    expect(transferStatusOf({ ...one, closedAt: DISPATCHED })).toBe('closed');
    expect(transferStatusOf({ ...d, cancelledAt: DISPATCHED })).toBe('cancelled');
    expect(transferDiscrepancies({ ...one, closedAt: DISPATCHED }).map((x) => [x.sku, x.short])).toEqual([['P1', 3]]);
  });

  it('refuses a transfer to its own store and a product twice', () => {
    const d = draftTransfer([1, 1]);
    expect(transferSchema.safeParse({ ...d, toStoreId: d.fromStoreId }).success).toBe(false);
    expect(transferSchema.safeParse({ ...d, lines: [d.lines[0], { ...d.lines[0], lineNo: 2 }] }).success).toBe(false);
  });
});

/**
 * The two offline counters of a transfer, as the hub sees them: the sender's pushes in seq order
 * (its dispatch with its TRANSFER_OUT movements), the receiver's pushes in seq order (receipts
 * line by line with their TRANSFER_IN movements, then maybe a close), interleaved at random with
 * replays of earlier pushes. Stock is what the applied movements (each once, by id) made it.
 */
interface Push {
  doc: Transfer;
  movements: { id: string; store: 'from' | 'to'; product: string; qty: number }[];
}

const scenarioArb = fc
  .record({
    planned: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
    sentDelta: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 4, maxLength: 4 }),
    counts: fc.array(fc.record({ got: fc.integer({ min: -6, max: 6 }), damaged: fc.integer({ min: 0, max: 3 }), step: fc.integer({ min: 0, max: 2 }) }), { minLength: 4, maxLength: 4 }),
    close: fc.boolean(),
    order: fc.array(fc.boolean(), { minLength: 0, maxLength: 12 }),
    replays: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map((s) => {
    const draft = draftTransfer(s.planned);
    const sent = draft.lines.map((l, i) => Math.max(0, l.qtySent + s.sentDelta[i]!));
    const dispatched: Transfer = { ...draft, status: 'dispatched', dispatchedAt: DISPATCHED, lines: draft.lines.map((l, i) => ({ ...l, qtySent: sent[i]! })) };
    const sender: Push[] = [{ doc: dispatched, movements: dispatched.lines.filter((l) => l.qtySent > 0).map((l) => ({ id: `out-${l.lineNo}`, store: 'from', product: l.productId, qty: -l.qtySent })) }];
    // The receiver counts against the draft it pulled (it may never have seen the dispatch): in steps 0, 1, 2 (2 = never).
    const receiver: Push[] = [];
    let doc: Transfer = draft;
    for (const step of [0, 1]) {
      const lines = doc.lines.map((l, i) => {
        const c = s.counts[i]!;
        if (c.step !== step) return l;
        return { ...l, qtyReceived: Math.max(0, draft.lines[i]!.qtySent + c.got), qtyDamaged: c.damaged };
      });
      const fresh = lines.filter((l, i) => l.qtyReceived !== null && doc.lines[i]!.qtyReceived === null);
      if (fresh.length === 0) continue;
      doc = { ...doc, lines, receivedAt: `2026-03-02T0${step}:00:00.000Z`, receivedBy: { id: null, name: 'asha' } };
      doc = { ...doc, status: transferStatusOf(doc) };
      receiver.push({ doc, movements: fresh.filter((l) => l.qtyReceived! > 0).map((l) => ({ id: `in-${l.lineNo}`, store: 'to', product: l.productId, qty: l.qtyReceived! })) });
    }
    if (s.close) {
      doc = { ...doc, closedAt: '2026-03-03T00:00:00.000Z', closedBy: { id: null, name: 'asha' } };
      receiver.push({ doc: { ...doc, status: transferStatusOf(doc) }, movements: [] });
    }
    // Interleave the two streams, each in its own order, then replay some pushes already delivered.
    const pushes: Push[] = [];
    let i = 0;
    let j = 0;
    for (const takeSender of [...s.order, ...Array<boolean>(sender.length + receiver.length).fill(true)]) {
      if (takeSender && i < sender.length) pushes.push(sender[i++]!);
      else if (j < receiver.length) pushes.push(receiver[j++]!);
      else if (i < sender.length) pushes.push(sender[i++]!);
    }
    // A replay comes after its original (a device resends what it sent, never what it has not recorded yet).
    for (const r of s.replays) {
      const k = r % pushes.length;
      pushes.splice(k + 1 + (Math.floor(r / pushes.length) % (pushes.length - k)), 0, pushes[k]!);
    }
    return { draft, pushes };
  });

const BEFORE = 1000;

function replay(draft: Transfer, pushes: readonly Push[], check: (doc: Transfer, stock: Map<string, number>) => void): Transfer {
  let hub = draft;
  const applied = new Set<string>();
  const stock = new Map<string, number>();
  for (const p of pushes) {
    hub = mergeTransfer(hub, p.doc);
    for (const m of p.movements) {
      if (applied.has(m.id)) continue;
      applied.add(m.id);
      const key = `${m.store}/${m.product}`;
      stock.set(key, (stock.get(key) ?? BEFORE) + m.qty);
    }
    check(hub, stock);
  }
  return hub;
}

describe('transfers between two offline counters (property)', () => {
  it('source + destination + in transit + written off = what the stores held, at every moment; the end does not depend on order or replays', () => {
    fc.assert(
      fc.property(scenarioArb, ({ draft, pushes }) => {
        const end = replay(draft, pushes, (doc, stock) => {
          const flows = inTransitOf([doc]);
          for (const l of doc.lines) {
            const f = flows.find((x) => x.productId === l.productId)!;
            const source = stock.get(`from/${l.productId}`) ?? BEFORE;
            const dest = stock.get(`to/${l.productId}`) ?? BEFORE;
            expect(source + dest + f.inTransit + f.writtenOff).toBe(2 * BEFORE);
          }
        });
        // Once everything arrived, nothing is left in transit unless a line was never counted or closed.
        for (const l of end.lines) {
          const f = inTransitOf([end]).find((x) => x.productId === l.productId)!;
          expect(f.inTransit).toBe(l.qtyReceived === null && end.closedAt === null ? l.qtySent : 0);
        }
        // The same pushes in the opposite order, without replays, end in the same document.
        const distinct = [...new Set(pushes)].reverse();
        const again = replay(draft, distinct, () => undefined);
        expect(again).toEqual(end);
      }),
      { numRuns: 500 },
    );
  });
});
