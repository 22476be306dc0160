import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdmissionGate, type Ticket } from './admission.gate';

const admitted = (t: Ticket) => {
  if (!t.admitted) throw new Error(`refused: ${t.reason}`);
  return t;
};

describe('AdmissionGate', () => {
  afterEach(() => vi.useRealTimers());

  it('admits up to its bound at once, queues up to maxQueued, refuses the next at once', async () => {
    const gate = new AdmissionGate('push', { maxInFlight: 2, maxQueued: 1, maxWaitMs: 10_000 });
    const a = admitted(await gate.enter());
    admitted(await gate.enter());
    const queued = gate.enter();
    expect(queued).toBeInstanceOf(Promise);
    const refused = gate.enter();
    expect(refused).toEqual({ admitted: false, reason: 'queue_full', waitedMs: 0 });
    expect(gate.snapshot()).toMatchObject({ inFlight: 2, queued: 1, shed: { queue_full: 1, wait_timeout: 0 } });
    a.release();
    a.release(); // a second release of the same ticket frees nothing more
    expect(admitted(await queued).admitted).toBe(true);
    expect(gate.snapshot()).toMatchObject({ inFlight: 2, queued: 0, admitted: 3 });
  });

  it('hands freed slots to waiters in arrival order', async () => {
    const gate = new AdmissionGate('pull', { maxInFlight: 1, maxQueued: 5, maxWaitMs: 10_000 });
    const first = admitted(await gate.enter());
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => Promise.resolve(gate.enter()).then((t) => (order.push(n), admitted(t))));
    first.release();
    (await waiters[0]!).release();
    (await waiters[1]!).release();
    await waiters[2];
    expect(order).toEqual([1, 2, 3]);
  });

  it('refuses a waiter whose wait ran out, and leaves the queue to the others', async () => {
    vi.useFakeTimers();
    const gate = new AdmissionGate('read', { maxInFlight: 1, maxQueued: 5, maxWaitMs: 500 });
    const held = admitted(await gate.enter());
    const late = gate.enter();
    vi.advanceTimersByTime(500);
    expect(await late).toMatchObject({ admitted: false, reason: 'wait_timeout' });
    expect(gate.snapshot()).toMatchObject({ queued: 0, shed: { wait_timeout: 1 } });
    const next = gate.enter();
    held.release();
    expect(admitted(await next).admitted).toBe(true);
  });

  it('with no bound admits everything and never queues', () => {
    const gate = new AdmissionGate('push', { maxInFlight: 0, maxQueued: 0, maxWaitMs: 0 });
    for (let i = 0; i < 100; i++) expect(gate.enter()).toMatchObject({ admitted: true });
  });
});
