import { describe, expect, it } from 'vitest';
import type { SyncProgress, SyncRunResult } from '../core.api';
import { HubError } from './sync.http';
import { SyncLoop, nextAttempt } from './sync.client';

const opts = { intervalMs: 30_000, baseBackoffMs: 2_000, maxBackoffMs: 300_000, afterProgressMs: 50, random: () => 1 };
const lost = new HubError('cannot reach the hub (ECONNRESET); working offline', 0, null, null);

describe('sync back-off', () => {
  it('resets on progress: a cycle that got batches acknowledged before failing retries at once', () => {
    let failures = 0;
    const seen: number[] = [];
    // 13 of 14 batches through, then the link drops: progress, not a failure.
    for (const outcome of [
      { ok: false as const, error: lost, progressed: false },
      { ok: false as const, error: lost, progressed: false },
      { ok: false as const, error: lost, progressed: true },
      { ok: false as const, error: lost, progressed: false },
      { ok: true as const },
    ]) {
      const next = nextAttempt(failures, outcome, opts);
      failures = next.failures;
      seen.push(next.delayMs);
    }
    // 1st and 2nd without progress: 2 s, 4 s (random 1 = top of the jitter); progress: 50 ms and
    // the count restarts, so the next failure is a first one again (2 s); success: the interval.
    expect(seen).toEqual([2_000, 4_000, 50, 2_000, 30_000]);
  });

  it('jitters only the cycles without progress, within half to all of the cap', () => {
    const lows = [1, 2, 3, 4].map((n) => nextAttempt(n - 1, { ok: false, error: lost, progressed: false }, { ...opts, random: () => 0 }).delayMs);
    const highs = [1, 2, 3, 4].map((n) => nextAttempt(n - 1, { ok: false, error: lost, progressed: false }, { ...opts, random: () => 1 }).delayMs);
    expect(lows).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(highs).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(nextAttempt(0, { ok: false, error: lost, progressed: true }, { ...opts, random: () => 0 }).delayMs).toBe(50);
  });

  it('still honours a Retry-After the hub named after progress', () => {
    const busy = new HubError('hub answered 503', 503, 'SERVICE_UNAVAILABLE', null, 10_000);
    const next = nextAttempt(3, { ok: false, error: busy, progressed: true }, { ...opts, random: () => 0 });
    expect(next).toEqual({ failures: 0, delayMs: 10_000 });
  });

  it('the loop schedules by that rule, driven by hand (no real timers)', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const script: ('progress-then-fail' | 'fail' | 'ok')[] = ['fail', 'fail', 'progress-then-fail', 'fail', 'ok'];
    const run = async (hooks: { onProgress: (p: SyncProgress) => void }): Promise<SyncRunResult> => {
      const step = script.shift();
      if (step === 'progress-then-fail') {
        hooks.onProgress({ phase: 'push', done: 1000, total: 14_000 });
        throw lost;
      }
      if (step === 'fail') throw lost;
      return { pushedMovements: 0, pushBatches: 0, rejected: 0, remaps: 0, pulledPages: 1, pulledProducts: 0, pulledStockRows: 0 } as unknown as SyncRunResult;
    };
    const loop = new SyncLoop(run, async () => false, {
      ...opts,
      setTimer: (fn, ms) => {
        timers.push({ fn, ms });
        return () => undefined;
      },
    });
    loop.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = timers.shift()!;
      if (i > 0) delays.push(t.ms);
      t.fn();
      // Let the cycle finish and schedule the next one.
      while (timers.length === 0) await new Promise((r) => setImmediate(r));
    }
    delays.push(timers.shift()!.ms);
    expect(delays).toEqual([2_000, 4_000, 50, 2_000, 30_000]);
    expect(loop.failuresWithoutProgress).toBe(0);
    await loop.stop();
  });
});
