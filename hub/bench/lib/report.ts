import { fmt, fmtStat, type Stat } from './stats';

/** One line of the results table. */
export interface BenchRow {
  /** e.g. "1. sync ingest". */
  group: string;
  name: string;
  /** Rendered figure (median (min–max) unit), or "not measured: …". */
  result: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  /** pass / miss with the margin; absent when there is no target for this line. */
  verdict?: string;
  /** Raw numbers for the JSON file. */
  data?: Record<string, unknown>;
}

export function notMeasured(group: string, name: string, why: string, target?: string): BenchRow {
  return { group, name, result: `not measured: ${why}`, target, verdict: target ? 'not measured' : undefined };
}

/** "≥ goal": pass/miss and by how much, relative to the goal. */
export function atLeast(value: number, goal: number, unit = ''): string {
  if (!Number.isFinite(value)) return 'not measured';
  const pct = ((value - goal) / goal) * 100;
  return value >= goal ? `pass (+${fmt(pct, 0)}% over ${fmt(goal, 2)}${unit})` : `MISS (${fmt(pct, 0)}% under ${fmt(goal, 2)}${unit})`;
}

/** "≤ limit": pass/miss and by how much. */
export function atMost(value: number, limit: number, unit = ''): string {
  if (!Number.isFinite(value)) return 'not measured';
  const pct = ((value - limit) / limit) * 100;
  return value <= limit ? `pass (${fmt(-pct, 0)}% under ${fmt(limit, 2)}${unit})` : `MISS (+${fmt(pct, 0)}% over ${fmt(limit, 2)}${unit})`;
}

export function ratioOf(a: Stat, b: Stat): Stat {
  // Ratio of medians, with the extremes of the two ranges: the honest spread of a noisy pair.
  return { median: a.median / b.median, min: a.min / b.max, max: a.max / b.min, runs: Math.min(a.runs, b.runs) };
}

export { fmtStat };

function cell(s: string | undefined): string {
  return (s ?? '').replace(/\|/g, '\\|');
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const head = '| benchmark | measured | baseline (same run) | ratio | target | verdict |\n|---|---|---|---|---|---|';
  const body = rows.map((r) => `| ${cell(`${r.group}: ${r.name}`)} | ${cell(r.result)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target)} | ${cell(r.verdict)} |`);
  return [head, ...body].join('\n');
}

/** Plain text table for the terminal. */
export function textTable(rows: readonly BenchRow[]): string {
  const cols: [string, (r: BenchRow) => string][] = [
    ['benchmark', (r) => `${r.group}: ${r.name}`],
    ['measured', (r) => r.result],
    ['baseline', (r) => r.baseline ?? ''],
    ['ratio', (r) => r.ratio ?? ''],
    ['verdict', (r) => r.verdict ?? ''],
  ];
  const widths = cols.map(([h, f], i) => Math.min(i === 0 ? 110 : 80, Math.max(h.length, ...rows.map((r) => f(r).length))));
  const line = (vals: string[]) => vals.map((v, i) => v.slice(0, widths[i]).padEnd(widths[i]!)).join('  ');
  return [line(cols.map(([h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map(([, f]) => f(r))))].join('\n');
}
