import { encodeCursor } from '../src/http/cursor';
import { call, routeExists } from './lib/api';
import { Rng } from '../src/dev/world/random';
import { atMost, fmtStat, notMeasured, type BenchRow } from './lib/report';
import { latency, latencyRuns, type Latency } from './lib/stats';
import type { StoreInfo } from './lib/world-info';

export interface ReadsContext {
  hubUrl: string;
  dbUrl: string;
  adminToken: string;
  stores: StoreInfo[];
  runs: number;
  samples: number;
  sizeLabel: string;
  log: (msg: string) => void;
}

const SEARCH_WORDS = ['atta', 'rice', 'dal', 'oil', 'sugar', 'tea', 'soap', 'biscuits', 'masala', 'ghee', 'expiry', 'theft', 'sync'];

interface Probe {
  name: string;
  path: string;
  /** Builds the i-th request path (distinct URLs, so a response cache cannot answer from memory). */
  request: (i: number, rng: Rng) => Promise<string> | string;
}

async function measure(ctx: ReadsContext, probe: Probe): Promise<{ runs: Latency[]; cacheHits: number; total: number; failures: string[] }> {
  const rng = new Rng(7);
  const runs: Latency[] = [];
  let cacheHits = 0;
  let total = 0;
  const failures: string[] = [];
  // Warm-up requests use indices past the measured ones, so they never pre-fill the cache for them.
  for (let w = 0; w < 3; w++) await call(ctx.hubUrl, 'GET', await probe.request(ctx.runs * ctx.samples + w, rng), ctx.adminToken);
  for (let r = 0; r < ctx.runs; r++) {
    const ms: number[] = [];
    for (let i = 0; i < ctx.samples; i++) {
      const path = await probe.request(r * ctx.samples + i, rng);
      const res = await call(ctx.hubUrl, 'GET', path, ctx.adminToken);
      if (res.status !== 200) {
        failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        continue;
      }
      if (res.headers.get('x-cache') === 'hit') cacheHits++;
      total++;
      ms.push(res.ms);
    }
    if (ms.length) runs.push(latency(ms));
  }
  return { runs, cacheHits, total, failures };
}

/** Head-office reads on the large world, p50/p95 over repeated runs, through the real hub over HTTP. */
export async function runReads(ctx: ReadsContext): Promise<BenchRow[]> {
  const G = `4. head-office reads (${ctx.sizeLabel})`;
  const products = ctx.stores[0]!.products;
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const nowIso = new Date().toISOString();
  const storeAt = (rng: Rng) => ctx.stores[Math.floor(rng.next() * ctx.stores.length)]!;

  const movementsPage = async (store: StoreInfo, page: number): Promise<string> => {
    let cursor: string | null = null;
    const base = `/stock-movements?storeId=${store.id}&from=${encodeURIComponent(weekAgo)}&to=${encodeURIComponent(nowIso)}&limit=50`;
    for (let p = 1; p < page; p++) {
      const r: { body: { nextCursor: string | null } | null } = await call<{ nextCursor: string | null }>(ctx.hubUrl, 'GET', `${base}${cursor ? `&cursor=${cursor}` : ''}`, ctx.adminToken);
      cursor = r.body?.nextCursor ?? null;
      if (!cursor) break;
    }
    return `${base}${cursor ? `&cursor=${cursor}` : ''}`;
  };

  const probes: Probe[] = [
    {
      name: 'GET /stocks/summary, a page of 50 products across all stores',
      path: '/stocks/summary',
      request: (_i, rng) => `/stocks/summary?limit=50&cursor=${encodeCursor([products[Math.floor(rng.next() * Math.max(1, products.length - 60))]!.id])}`,
    },
    { name: 'GET /reports/low-stock, all stores', path: '/reports/low-stock', request: (i) => `/reports/low-stock?limit=${1000 + (i % 250)}` },
    {
      name: 'GET /stocks/counts, low/out-of-stock count per store, all stores in one page',
      path: '/stocks/counts',
      // limit varies so each URL is new; it always covers every store of the world.
      request: (i) => `/stocks/counts?limit=${Math.min(5000, ctx.stores.length + 1 + (i % 1000))}`,
    },
    { name: 'GET /stock-movements, one store, 7 days, keyset page 1', path: '/stock-movements', request: (_i, rng) => movementsPage(storeAt(rng), 1) },
    { name: 'GET /stock-movements, one store, 7 days, keyset page 5', path: '/stock-movements', request: (_i, rng) => movementsPage(storeAt(rng), 5) },
    { name: 'GET /logs free-text search', path: '/logs', request: (i) => `/logs?q=${SEARCH_WORDS[i % SEARCH_WORDS.length]}&limit=${50 + (i % 50)}` },
  ];

  const rows: BenchRow[] = [];
  for (const probe of probes) {
    if (!(await routeExists(ctx.hubUrl, 'GET', probe.path, ctx.adminToken))) {
      rows.push(notMeasured(G, probe.name, `GET ${probe.path} missing`, 'p95 ≤ 100 ms'));
      continue;
    }
    ctx.log(`reads: ${probe.name}`);
    const m = await measure(ctx, probe);
    if (m.runs.length === 0) {
      rows.push(notMeasured(G, probe.name, `every request failed (${m.failures[0] ?? '?'})`, 'p95 ≤ 100 ms'));
      continue;
    }
    const l = latencyRuns(m.runs);
    rows.push({
      group: G,
      name: probe.name,
      result: `p50 ${fmtStat(l.p50, 1, ' ms')}, p95 ${fmtStat(l.p95, 1, ' ms')}${m.cacheHits ? ` [${m.cacheHits}/${m.total} cache hits]` : ''}${m.failures.length ? ` [${m.failures.length} failed]` : ''}`,
      target: 'p95 ≤ 100 ms',
      verdict: atMost(l.p95.median, 100, ' ms'),
      data: { ...l, cacheHits: m.cacheHits, requests: m.total, failures: m.failures.slice(0, 3) },
    });
  }

  return rows;
}
