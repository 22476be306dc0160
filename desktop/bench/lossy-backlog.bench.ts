import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Product, Store } from '@bazaar/shared';
import type { SyncRunResult } from '../src/core/core.api';
import { StoreCore } from '../src/core/store-core';
import { FaultProxy, NO_FAULTS, type FaultPlan } from '../src/core/testing/fault-proxy';
import { startHub } from '../src/core/testing/hub-process';
import { freePort } from '../src/core/testing/free-port';

/**
 * Issue 14 item 3: a counter with a 14,000-movement backlog (14 pushes of 1,000) comes back
 * online through a lossy link, and its background sync loop (default back-off settings) must
 * converge in under 5 s. The real hub process (PostgreSQL when DATABASE_URL or
 * TEST_DATABASE_URL is set, else embedded PGlite), the real desktop core and its SyncLoop, and
 * a fault proxy between them (resets before the hub, 502s, answers lost after commit, answers cut
 * mid-body, duplicated requests). Measured from the loop's start to the end of its first
 * successful cycle (everything acknowledged, then pulled). Prints a table; asserts nothing.
 *
 *   pnpm --filter @bazaar/desktop exec tsx bench/lossy-backlog.bench.ts [--movements 14000] [--runs 3] [--loss 0.25]
 */
const LINES_PER_SALE = 50;

/** Mulberry32, so each run's faults repeat from its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lossyPlan(loss: number): FaultPlan {
  // The share of faulted requests, split over the kinds the chaos run saw.
  return { dropRequest: loss * 0.3, badGateway: loss * 0.2, loseAnswer: loss * 0.3, resetMidBody: loss * 0.1, duplicate: loss * 0.1 };
}

async function main() {
  const { values } = parseArgs({ options: { movements: { type: 'string' }, runs: { type: 'string' }, loss: { type: 'string' } }, strict: true });
  const movements = Number(values.movements ?? 14_000);
  const runs = Number(values.runs ?? 3);
  const loss = Number(values.loss ?? 0.25);
  const hub = await startHub(await freePort(), process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const rows: { link: string; ms: number[]; cycles: number[]; faults: number[]; requests: number[] }[] = [];
  try {
    const admin = (await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Owner', password: 'a-long-password-1' })).token;
    for (const [link, plan] of [
      ['clean', NO_FAULTS],
      [`lossy (${Math.round(loss * 100)}% of requests faulted)`, lossyPlan(loss)],
    ] as const) {
      const row = { link, ms: [] as number[], cycles: [] as number[], faults: [] as number[], requests: [] as number[] };
      rows.push(row);
      for (let run = 0; run < runs; run++) {
        const code = `LOSSY-${link.slice(0, 5)}-${run}-${Date.now().toString(36)}`.toUpperCase();
        const store = await hub.api<Store>('POST', '/stores', { code, name: `Bench ${code}` }, admin);
        const product = await hub.api<Product>('POST', '/products', { sku: `${code}-P`, name: 'Bench item', unit: 'pc', priceMinor: 1000 }, admin);
        const dev = await hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'bench till' }, admin);
        const proxy = new FaultProxy(hub.url, seeded(1000 + run));
        const url = await proxy.start();
        const dir = mkdtempSync(path.join(tmpdir(), 'bazaar-lossy-'));
        const core = await StoreCore.open(path.join(dir, 'store.db'));
        try {
          await core.initStore({ code: 'S1', name: 'Bench' });
          await core.enroll({ hubUrl: url, token: dev.token });
          await core.syncNow();
          // The backlog: a day offline.
          for (let done = 0; done < movements; done += LINES_PER_SALE) {
            const n = Math.min(LINES_PER_SALE, movements - done);
            await core.sell({ lines: Array.from({ length: n }, () => ({ product: product.sku, qty: 1 })) });
          }
          proxy.plan = plan;
          let cycles = 0;
          const started = performance.now();
          const converged = new Promise<number>((resolve) => {
            core.startSyncLoop({
              intervalMs: 600_000,
              onResult: (r: SyncRunResult | Error) => {
                cycles += 1;
                if (!(r instanceof Error) && r.status.pendingMovements === 0) resolve(performance.now() - started);
              },
            });
          });
          const ms = await converged;
          const status = await core.syncStatus();
          if (status.ackedSeq !== movements + 0 || status.pendingMovements !== 0) throw new Error(`not converged: ${JSON.stringify(status)}`);
          row.ms.push(ms);
          row.cycles.push(cycles);
          row.faults.push(Object.entries(proxy.counts).reduce((a, [k, v]) => (k === 'passed' ? a : a + v), 0));
          row.requests.push(Object.values(proxy.counts).reduce((a, v) => a + v, 0));
        } finally {
          await core.close();
          await proxy.stop();
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await hub.stop();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\n${movements.toLocaleString('en')}-movement backlog through the sync loop (${runs} runs; target < 5 s on the lossy link)\n`);
  console.log('| link | median | min | max | cycles (median) | requests / faulted (median) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`| ${r.link} | ${s(median(r.ms))} | ${s(Math.min(...r.ms))} | ${s(Math.max(...r.ms))} | ${median(r.cycles)} | ${median(r.requests)} / ${median(r.faults)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
