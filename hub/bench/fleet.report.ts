import type { ConsistencyReport } from '../src/dev/world/verify';
import type { BaselineOutcome } from './fleet.baseline';
import type { StepOutcome } from './fleet.load';
import { atLeast, atMost, type BenchRow } from './lib/report';
import { fmt } from './lib/stats';

export interface FleetStep {
  outcome: StepOutcome;
  hubCores: number;
  pgCores: number;
  genCores: number;
  load1: number;
  /** Admission, pool and job-queue gauges of the nodes halfway through the step (summed over nodes). */
  saturation: Record<string, number>;
}

export interface FleetConfigResult {
  label: string;
  nodes: number;
  steps: FleetStep[];
  /** Highest offered rate held (p99 ≤ 500 ms, no errors); 0 when none was. */
  best: number;
  /** What the overload step doubles: best, or the highest completed rate when no step held. */
  capacity: number;
  overload: FleetStep | null;
}

export interface FleetVerification {
  made: number;
  acknowledged: number;
  stored: number;
  devicesBehind: number;
  devicesAhead: number;
  stillPending: number;
  consistency: ConsistencyReport;
}

const P99_LIMIT_MS = 500;
const G = '7. fleet';

const errorsOf = (o: StepOutcome) => Object.entries(o.byStatus).filter(([s]) => s !== '200');

/**
 * A rate is held when every push sent succeeded, p99 from the scheduled time is ≤ 500 ms, and the
 * hub kept up with the arrivals actually drawn (Poisson: a 12 s step at 10/s may draw 90 or 150).
 */
export function held(o: StepOutcome): boolean {
  const arrived = o.scheduled / o.plan.seconds;
  return errorsOf(o).length === 0 && o.noIdleCounter === 0 && o.okLatency.p99 <= P99_LIMIT_MS && o.achievedPerSecond >= 0.9 * arrived;
}

const ms = (n: number) => `${fmt(n, 0)}`;
const statuses = (o: StepOutcome) => {
  const errs = errorsOf(o).map(([s, n]) => `${s}×${n}`);
  if (o.noIdleCounter) errs.push(`no idle counter×${o.noIdleCounter}`);
  return errs.length ? errs.join(', ') : 'none';
};

function stepRow(cfg: FleetConfigResult, s: FleetStep, name: string): BenchRow {
  const o = s.outcome;
  return {
    group: G,
    name: `${cfg.label}: ${name}`,
    result:
      `${fmt(o.achievedPerSecond, 0)}/s ok; p50/p95/p99/max ${ms(o.okLatency.p50)}/${ms(o.okLatency.p95)}/${ms(o.okLatency.p99)}/${ms(o.okLatency.max)} ms; ` +
      `errors: ${statuses(o)}; pull p99 ${ms(o.pulls.latency.p99)} ms; reads p95 ${ms(o.reads.latency.p95)} ms (${o.reads.ok}/${o.reads.sent} ok); ` +
      `CPU hub ${fmt(s.hubCores, 2)}, pg ${fmt(s.pgCores, 2)}, load generator ${fmt(s.genCores, 2)} cores; load avg ${fmt(s.load1, 1)}`,
    target: `p99 ≤ ${P99_LIMIT_MS} ms, 0 errors`,
    verdict: held(o) ? 'held' : 'not held',
    data: { ...o, hubCores: s.hubCores, pgCores: s.pgCores, genCores: s.genCores, load1: s.load1, saturation: s.saturation },
  };
}

function versusOneNode(two: number, one: number): string {
  if (one === 0) return two > 0 ? `pass (${two}/s held, 1 node held none)` : 'neither held a step';
  return atLeast(two, one, '/s');
}

function overloadRows(cfg: FleetConfigResult): BenchRow[] {
  const s = cfg.overload;
  if (!s) return [];
  const o = s.outcome;
  return [
    stepRow(cfg, s, `overload, ${o.plan.rate}/s offered (2× the ${cfg.capacity}/s ${cfg.best ? 'held' : 'completed; no step held'})`),
    {
      group: G,
      name: `${cfg.label}: at 2×, pushes that succeeded within 1 s or were shed with 503 + Retry-After within 1 s`,
      result: `${fmt(o.goodWithin1s * 100, 1)}% of ${o.sent} (${o.shedWithRetryAfter} shed)`,
      target: '≥ 90%',
      verdict: atLeast(o.goodWithin1s * 100, 90, '%'),
    },
    { group: G, name: `${cfg.label}: at 2×, head-office reads p95`, result: `${ms(o.reads.latency.p95)} ms`, target: '≤ 1,000 ms', verdict: atMost(o.reads.latency.p95, 1000, ' ms') },
    { group: G, name: `${cfg.label}: at 2×, throughput vs capacity`, result: `${fmt(o.achievedPerSecond, 0)}/s ok`, baseline: `${cfg.capacity}/s ${cfg.best ? 'held' : 'completed'}`, target: '≥ capacity', verdict: atLeast(o.achievedPerSecond, cfg.capacity, '/s') },
  ];
}

export function fleetRows(r: { stores: number; counters: number; baseline: BaselineOutcome | null; configs: FleetConfigResult[]; verification: FleetVerification | null }): BenchRow[] {
  const rows: BenchRow[] = [];
  const b = r.baseline;
  const baseText = b ? `raw SQL ${fmt(b.pushesPerSecond, 0)} pushes/s (${b.connections} conns)` : undefined;
  if (b) {
    rows.push({
      group: G,
      name: `raw SQL baseline: the same 1–6-line pushes (unnest insert + stock upsert, one transaction each), ${b.connections} connections back to back`,
      result: `${fmt(b.pushesPerSecond, 0)} pushes/s (${fmt(b.movements / b.seconds, 0)} mv/s); p50/p99 ${fmt(b.latency.p50, 1)}/${fmt(b.latency.p99, 1)} ms; pg ${fmt(b.pgCores, 2)} cores`,
      data: { ...b },
    });
  }
  for (const cfg of r.configs) {
    for (const s of cfg.steps) if (s !== cfg.overload) rows.push(stepRow(cfg, s, `${s.outcome.plan.rate}/s offered (${s.outcome.plan.seconds} s)`));
    const ratio = b && cfg.best ? (cfg.best / b.pushesPerSecond) * 100 : NaN;
    rows.push({
      group: G,
      name: `${cfg.label}: highest offered rate held (p99 ≤ ${P99_LIMIT_MS} ms, 0 errors), ${r.stores} stores × 2 counters`,
      result: `${cfg.best}/s ≈ ${fmt(cfg.best * 15, 0)} stores at one push per counter per 30 s`,
      baseline: baseText,
      ratio: Number.isFinite(ratio) ? `${fmt(ratio, 0)}% of raw` : undefined,
      target: cfg.nodes === 1 ? '≥ 670/s and ≥ 50% of raw' : '≥ 1 node',
      verdict: cfg.nodes === 1 ? `${atLeast(cfg.best, 670, '/s')}; ${Number.isFinite(ratio) ? atLeast(ratio, 50, '%') : 'no rate held'}` : versusOneNode(cfg.best, r.configs[0]?.best ?? 0),
      data: { best: cfg.best, nodes: cfg.nodes },
    });
    rows.push(...overloadRows(cfg));
  }
  const v = r.verification;
  if (v) {
    const c = v.consistency;
    const lost = Math.max(0, v.made - v.stored);
    const ok = v.stored === v.made && v.devicesBehind === 0 && v.devicesAhead === 0 && v.stillPending === 0 && c.mismatchedRows === 0 && c.sampleMismatches.length === 0 && c.seqGaps === 0 && (c.countMismatches ?? 0) === 0;
    rows.push({
      group: G,
      name: 'after the run: every movement stored exactly once, stock = merge rule',
      result:
        `${v.stored.toLocaleString('en-US')} stored of ${v.made.toLocaleString('en-US')} made (${lost} lost; ids unique by constraint), ${v.stillPending} counters still pending; ` +
        `stock rows off the merge rule ${c.mismatchedRows} of ${c.stockRows.toLocaleString('en-US')} (sample ${c.sampleMismatches.length}/${c.sampled}), seq gaps ${c.seqGaps}, store counters off ${c.countMismatches ?? '–'}`,
      target: '0 lost, 0 doubled, stock exact',
      verdict: ok ? 'pass' : 'MISS',
      data: { ...v },
    });
  }
  return rows;
}
