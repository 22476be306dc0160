import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HybridLogicalClock, parseHlc } from './hlc';
import { CLOCK_CORRECTION_THRESHOLD_MS, correctStamps, hlcAfter, resumeAfterCorrection } from './hlc.correction';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 10);

describe('correctStamps', () => {
  it('re-derives stamps made under a wrong offset from the raw clock, in the device order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * DAY, max: 3 * DAY }),
        fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 30 }),
        (skew, gaps) => {
          // A clock `skew` off, never corrected (offset 0), stamps at true times T0 + cumulative gaps.
          let t = T0;
          const trueTimes: number[] = [];
          const raw = { now: 0 };
          const clock = new HybridLogicalClock({ node: 'dev', now: () => raw.now });
          const stamps = gaps.map((g) => {
            t += g;
            trueTimes.push(t);
            raw.now = t + skew;
            return { hlc: clock.now(), deviceTimeMs: t + skew, offsetMs: 0 };
          });
          const out = correctStamps(null, 'dev', -skew, stamps);
          for (let i = 0; i < out.length; i++) {
            expect(out[i]!.occurredAtMs).toBe(Math.abs(skew) > CLOCK_CORRECTION_THRESHOLD_MS ? trueTimes[i] : trueTimes[i]! + skew);
            if (i > 0) expect(compareHlc(out[i]!.hlc, out[i - 1]!.hlc)).toBe(1);
            // Within a millisecond of the true time (the counter breaks ties inside one).
            if (Math.abs(skew) > CLOCK_CORRECTION_THRESHOLD_MS) expect(parseHlc(out[i]!.hlc).wall).toBe(trueTimes[i]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps stamps whose offset was right to within the threshold', () => {
    const stamps = [{ hlc: formatHlc({ wall: T0, counter: 0, node: 'dev' }), deviceTimeMs: T0 - 60_000, offsetMs: 60_000 }];
    expect(correctStamps(null, 'dev', 60_400, stamps)).toEqual([{ hlc: stamps[0]!.hlc, occurredAtMs: T0, changed: false }]);
    const moved = correctStamps(null, 'dev', 62_000, stamps);
    expect(moved[0]).toMatchObject({ occurredAtMs: T0 + 2000, changed: true });
  });

  it('never goes behind the previous final stamp, even when the clock went backwards', () => {
    const prev = formatHlc({ wall: T0 + 5000, counter: 3, node: 'dev' });
    const out = correctStamps(prev, 'dev', 0, [
      { hlc: formatHlc({ wall: T0 + DAY, counter: 0, node: 'dev' }), deviceTimeMs: T0, offsetMs: DAY },
      { hlc: formatHlc({ wall: T0 + DAY, counter: 1, node: 'dev' }), deviceTimeMs: T0 - 10, offsetMs: DAY },
    ]);
    expect(out.map((o) => o.hlc)).toEqual([hlcAfter(prev, 'dev'), hlcAfter(hlcAfter(prev, 'dev'), 'dev')]);
  });
});

describe('resumeAfterCorrection', () => {
  it('drops a persisted stamp days ahead of corrected time and keeps a plausible one', () => {
    const ahead = formatHlc({ wall: T0 + 3 * DAY, counter: 0, node: 'dev' });
    const final = formatHlc({ wall: T0 - 1000, counter: 0, node: 'dev' });
    expect(resumeAfterCorrection(ahead, final, T0)).toBe(final);
    const near = formatHlc({ wall: T0 + 10, counter: 4, node: 'dev' });
    expect(resumeAfterCorrection(near, final, T0)).toBe(near);
    expect(resumeAfterCorrection(null, null, T0)).toBeNull();
  });
});
