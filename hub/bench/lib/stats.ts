/** Summary of repeated measurements: every figure in a report is a median with min and max. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function stat(values: readonly number[]): Stat {
  const s = [...values].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, runs: s.length };
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function latency(samplesMs: readonly number[]): Latency {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), n: s.length };
}

/** Percentile figures over repeated runs: each percentile reported as median (min–max) of the runs. */
export function latencyRuns(runs: readonly Latency[]): { p50: Stat; p95: Stat; p99: Stat } {
  return { p50: stat(runs.map((r) => r.p50)), p95: stat(runs.map((r) => r.p95)), p99: stat(runs.map((r) => r.p99)) };
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtStat(s: Stat, digits = 0, unit = ''): string {
  return `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}
