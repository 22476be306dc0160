import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AdmissionGate, Refusal } from './admission.gate';

/** Saturation of one node on /metrics: what each gate works on and holds, what it sheds, how long admitted requests waited. */
export function createAdmissionMetrics(registry: Registry, gates: readonly AdmissionGate[], lockWaiters: () => Promise<number | null>) {
  const byName = (fn: (g: AdmissionGate) => number) =>
    function (this: Gauge<'gate'>) {
      for (const g of gates) this.set({ gate: g.name }, fn(g));
    };
  new Gauge({ name: 'hub_admission_in_flight', help: 'Requests this node is working on, by admission gate (push, pull, read)', labelNames: ['gate'] as const, registers: [registry], collect: byName((g) => g.snapshot().inFlight) });
  new Gauge({ name: 'hub_admission_queued', help: 'Requests waiting for a slot, by admission gate', labelNames: ['gate'] as const, registers: [registry], collect: byName((g) => g.snapshot().queued) });
  new Gauge({ name: 'hub_admission_limit', help: 'Most requests in flight per gate (0 = unbounded)', labelNames: ['gate'] as const, registers: [registry], collect: byName((g) => g.snapshot().maxInFlight) });
  const shed = new Counter({ name: 'hub_admission_shed_total', help: 'Requests answered 503 + Retry-After at capacity, by gate and reason (queue_full, wait_timeout, lock_timeout)', labelNames: ['gate', 'reason'] as const, registers: [registry] });
  const wait = new Histogram({
    name: 'hub_admission_wait_seconds',
    help: 'Time an admitted request waited for its slot',
    labelNames: ['gate'] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'hub_db_lock_waiters',
    help: 'Sessions of the hub database waiting on a lock right now (store, device or audit locks)',
    registers: [registry],
    async collect() {
      const n = await lockWaiters();
      if (n !== null) this.set(n);
    },
  });
  return {
    shed: (gate: string, reason: Refusal | 'lock_timeout') => shed.inc({ gate, reason }),
    waited: (gate: string, ms: number) => wait.observe({ gate }, ms / 1000),
  };
}

export type AdmissionMetrics = ReturnType<typeof createAdmissionMetrics>;
