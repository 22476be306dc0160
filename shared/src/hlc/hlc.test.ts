import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HybridLogicalClock, compareHlc, formatHlc, parseHlc, clockOffset, HLC_MAX_COUNTER } from './hlc';

describe('HLC string form', () => {
  it('round-trips and sorts like compareHlc', () => {
    const tsArb = fc.record({
      wall: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
      node: fc.stringMatching(/^[0-9a-z]{1,16}$/),
    });
    fc.assert(
      fc.property(tsArb, tsArb, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        const lexical = sa < sb ? -1 : sa > sb ? 1 : 0;
        expect(compareHlc(a, b)).toBe(lexical);
        // Total order: wall, then counter, then node.
        const expected = a.wall - b.wall || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        expect(Math.sign(compareHlc(a, b))).toBe(Math.sign(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects malformed timestamps with a clear message', () => {
    expect(() => parseHlc('yesterday')).toThrow(/invalid HLC timestamp "yesterday"/);
    expect(() => new HybridLogicalClock({ node: 'Bad Node!' })).toThrow(/HLC node id/);
  });
});

describe('HybridLogicalClock', () => {
  it('is strictly monotonic under skewed, jumping physical clocks across many nodes exchanging messages', () => {
    const step = fc.record({
      node: fc.integer({ min: 0, max: 2 }),
      op: fc.constantFrom('now', 'send'),
      to: fc.integer({ min: 0, max: 2 }),
      jump: fc.integer({ min: -5_000, max: 5_000 }),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -86_400_000, max: 86_400_000 }), { minLength: 3, maxLength: 3 }), fc.array(step, { maxLength: 200 }), (skews, steps) => {
        let t = 1_700_000_000_000;
        const clocks = skews.map(
          (skew, i) => new HybridLogicalClock({ node: `n${i}`, now: () => t + skew, maxDriftMs: 3 * 86_400_000 }),
        );
        const last: string[] = clocks.map(() => '');
        const all = new Set<string>();
        for (const s of steps) {
          t += s.jump; // physical time may even go backwards
          const c = clocks[s.node]!;
          const ts = c.now();
          expect(ts > last[s.node]!).toBe(true);
          last[s.node] = ts;
          expect(all.has(ts)).toBe(false);
          all.add(ts);
          if (s.op === 'send' && s.to !== s.node) {
            const r = clocks[s.to]!.receive(ts);
            // causality: the receiver's clock is now after the message it received, unless the
            // sender was beyond the drift bound, which is refused (and flagged) by design
            if (!r.driftExceeded) expect(r.timestamp > ts).toBe(true);
            expect(r.timestamp > last[s.to]!).toBe(true);
            last[s.to] = r.timestamp;
            all.add(r.timestamp);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('issues 100k timestamps in one millisecond without failing or repeating', () => {
    const clock = new HybridLogicalClock({ node: 'a', now: () => 1_700_000_000_000 });
    let prev = '';
    for (let i = 0; i < 100_000; i++) {
      const ts = clock.now();
      expect(ts > prev).toBe(true);
      prev = ts;
    }
    expect(parseHlc(prev).wall).toBe(1_700_000_000_000);
  });

  it('borrows the next millisecond when the counter is exhausted', () => {
    const clock = new HybridLogicalClock({
      node: 'a',
      now: () => 5,
      last: formatHlc({ wall: 5, counter: HLC_MAX_COUNTER, node: 'a' }),
    });
    expect(parseHlc(clock.now())).toEqual({ wall: 6, counter: 0, node: 'a' });
  });

  it('does not let a remote clock far in the future drag it ahead, and flags it', () => {
    const clock = new HybridLogicalClock({ node: 'hub', now: () => 1_000_000, maxDriftMs: 60_000 });
    const future = formatHlc({ wall: 1_000_000 + 3 * 86_400_000, counter: 0, node: 'dev' });
    const r = clock.receive(future);
    expect(r.driftExceeded).toBe(true);
    expect(r.driftMs).toBe(3 * 86_400_000);
    expect(parseHlc(r.timestamp).wall).toBe(1_000_000);
    const near = clock.receive(formatHlc({ wall: 1_030_000, counter: 7, node: 'dev' }));
    expect(near.driftExceeded).toBe(false);
    expect(parseHlc(near.timestamp)).toEqual({ wall: 1_030_000, counter: 8, node: 'hub' });
  });

  it('resumes after a restart without going backwards', () => {
    const a = new HybridLogicalClock({ node: 'a', now: () => 100 });
    a.now();
    const saved = a.now();
    const b = new HybridLogicalClock({ node: 'a', now: () => 50, last: saved });
    expect(b.now() > saved).toBe(true);
  });

  it('computes the device clock offset from a round trip', () => {
    // device clock 3 days behind: sent at 0, answered at 100 (device time), hub said 259_200_050
    expect(clockOffset(0, 100, 259_200_050)).toBe(259_200_000);
    // within half the round trip: indistinguishable from a correct clock, left alone
    expect(clockOffset(0, 100, 70)).toBe(0);
    expect(clockOffset(0, 100, 30)).toBe(0);
    expect(clockOffset(0, 10, 70)).toBe(65);
  });
});
