import { spawn } from 'node:child_process';
import path from 'node:path';
import type { StoreFigures } from '../../desktop/bench/counter-year.bench';
import { hubDir, tsxBin } from './lib/hub-process';
import { atMost, type BenchRow } from './lib/report';
import { fmt } from './lib/stats';

const G = '8. counter after a year';

/** Runs desktop/bench/counter-year.bench.ts in its own process and turns its JSON into rows (year vs month, same run). */
export function runCounterYear(opts: { quick: boolean; regenerate: boolean; hub?: { url: string; token: string }; log: (m: string) => void }): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const args = ['bench/counter-year.bench.ts', '--json', ...(opts.quick ? ['--quick'] : []), ...(opts.regenerate ? ['--regenerate'] : []), ...(opts.hub ? ['--hub', opts.hub.url, '--token', opts.hub.token] : [])];
    const child = spawn(tsxBin, args, { cwd: path.resolve(hubDir, '..', 'desktop'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => process.stdout.write(`[counter-year] ${b.toString()}`));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`counter-year bench exited with ${code}`));
      const { results } = JSON.parse(out.trim().split('\n').at(-1)!) as { results: StoreFigures[] };
      const [month, year] = results as [StoreFigures, StoreFigures];
      resolve(toRows(month, year));
    });
  });
}

const ms = (x: number) => `${fmt(x, x < 10 ? 2 : 0)} ms`;

function toRows(month: StoreFigures, year: StoreFigures): BenchRow[] {
  const size = (s: StoreFigures) => `${s.days} days: ${s.bills.toLocaleString('en')} bills, ${s.movements.toLocaleString('en')} movements, ${fmt(s.fileMb, 0)} MB`;
  const vs = (name: string, pick: (s: StoreFigures) => { p50: number; p95: number }, target?: number): BenchRow => ({
    group: G,
    name,
    result: `p50 ${ms(pick(year).p50)}, p95 ${ms(pick(year).p95)}`,
    baseline: `month-old store p50 ${ms(pick(month).p50)}, p95 ${ms(pick(month).p95)}`,
    ...(target !== undefined ? { target: `p95 ≤ ${target} ms`, verdict: atMost(pick(year).p95, target, ' ms') } : {}),
  });
  const rows: BenchRow[] = [
    { group: G, name: 'the stores (built through the real core)', result: size(year), baseline: size(month), data: { year: { ...year }, month: { ...month } } },
    vs('open the store file', (s) => s.open),
    vs('a 1-line sale', (s) => s.sale),
    vs('barcode lookup', (s) => s.lookup),
    vs('name search', (s) => s.search),
    vs('stock list, first page', (s) => s.stock),
    ...Object.keys(year.history).map((k) => vs(`history: ${k}`, (s) => s.history[k]!, 20)),
    vs('header sync status', (s) => s.syncStatus),
    {
      group: G,
      name: 'verify the whole audit chain',
      result: `${ms(year.verify.ms)} for ${year.verify.rows.toLocaleString('en')} entries`,
      baseline: `month-old store ${ms(month.verify.ms)} for ${month.verify.rows.toLocaleString('en')}`,
    },
    {
      group: G,
      name: 'a scan while the chain is verified (slowest)',
      result: ms(year.verify.scanDuring.max),
      baseline: `month-old store ${ms(month.verify.scanDuring.max)}`,
      target: '≤ 50 ms',
      verdict: atMost(year.verify.scanDuring.max, 50, ' ms'),
    },
  ];
  for (const s of [month, year]) {
    const f = s.firstSync;
    if (!f) continue;
    rows.push(
      'error' in f
        ? { group: G, name: `first sync after ${s.days} days stand-alone`, result: `not measured: ${f.error}` }
        : {
            group: G,
            name: `first sync after ${s.days} days stand-alone (enrol, push, pull)`,
            result: `${fmt(f.ms / 1000, 1)} s: ${f.pushed.toLocaleString('en')} movements pushed in ${fmt(f.pushMs / 1000, 1)} s, pull ${fmt(f.pullMs / 1000, 1)} s`,
            ...(s === year ? { target: '≤ 120 s', verdict: atMost(f.ms / 1000, 120, ' s') } : {}),
          },
    );
  }
  return rows;
}
