import { SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '@bazaar/shared';
import { Zipf } from '../../src/dev/world/random';
import { encodeCursor } from '../../src/http/cursor';
import { FleetCounter } from '../fleet.counter';
import { CpuMeter, processTree } from '../fleet.cpu';
import { enrollFleet } from '../fleet.world';
import { login } from '../lib/api';
import { startHub } from '../lib/hub-process';
import { quantile } from '../lib/stats';
import { sqlQuery } from '../lib/world-info';

/**
 * CPU per push cycle on the fleet world, for a machine too busy for the open-loop fleet run to
 * mean much: CPU time spent per unit of work moves far less with the machine's load than
 * throughput does. A hub process on the fleet database (`pnpm bench --only fleet` builds it);
 * `--concurrency` counters push (1–6 lines) and pull after each 200, closed loop, `--cycles`
 * times, and the alert jobs they queue are waited for; then each kind of head-office read of
 * the fleet bench runs `--reads` times one after another. Prints hub and PostgreSQL CPU ms per
 * push cycle and per read (this database's backends + WAL writer, checkpointer, bgwriter).
 *
 *   tsx bench/tools/cycle-cost.ts [--cycles 600] [--concurrency 4] [--reads 6] [--hub-url URL --hub-pid PID] [database-url]
 */
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const url = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'postgres://root@127.0.0.1:5432/bazaar_bench_fleet';
const dbName = new URL(url).pathname.slice(1);
const cycles = opt('cycles', 600);
const concurrency = opt('concurrency', 4);
const readsEach = opt('reads', 6);
const PORT = 8846;
const ADMIN = { username: 'admin', password: 'bazaar-admin-pass' };

const pgPids = async () =>
  (
    await sqlQuery<{ pid: number }>(url, `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`, [dbName])
  ).map((r) => Number(r.pid));

const world = await enrollFleet(url);
const zipf = new Zipf(world.products.length, 1.05);
const counters = world.counters.map((s, i) => new FleetCounter(s, world.products, zipf, 9_000 + i));
// --hub-url: a hub started by hand (e.g. under node --cpu-prof); its process tree is --hub-pid.
const given = args.includes('--hub-url') ? args[args.indexOf('--hub-url') + 1]! : null;
const hub = given ? { url: given, pid: opt('hub-pid', 0), stop: async () => undefined } : await startHub(url, PORT, { HUB_NODE_ID: 'cost' });
try {
  const admin = await login(hub.url, ADMIN.username, ADMIN.password);
  const hubCpu = new CpuMeter(async () => processTree(hub.pid));
  const pgCpu = new CpuMeter(pgPids);
  const metric = async (re: RegExp) => {
    const text = await fetch(`${hub.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${admin}` } }).then((r) => r.text());
    return Number(re.exec(text)?.[1] ?? 0);
  };
  const cycle = async (c: FleetCounter) => {
    const res = await fetch(`${hub.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${c.state.token}`, 'content-type': 'application/json', [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
      body: JSON.stringify(c.nextPush(Date.now())),
    });
    const text = await res.text();
    if (res.status !== 200) return false;
    c.ack((JSON.parse(text) as { ackedSeq: number }).ackedSeq);
    const pull = await fetch(`${hub.url}/api/v1/sync/pull?limit=1000&cursor=${c.cursor}`, { headers: { authorization: `Bearer ${c.state.token}`, [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) } });
    const body = (await pull.json()) as { cursor: string };
    c.cursor = body.cursor;
    return pull.status === 200;
  };
  // Warm up: every connection of the pool, prepared statements, the token cache of a few counters.
  for (let i = 0; i < 40; i++) await cycle(counters[(i * 7919) % counters.length]!);
  await new Promise((r) => setTimeout(r, 2_000));

  let next = 0;
  let ok = 0;
  const lat: number[] = [];
  await Promise.all([hubCpu.start(), pgCpu.start()]);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < cycles; i = next++) {
        const s = performance.now();
        if (await cycle(counters[(1_000 + i * 104_729) % counters.length]!)) ok++;
        lat.push(performance.now() - s);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  // The alert evaluations the pushes queued belong to the cycle's cost.
  for (let i = 0; i < 200 && (await metric(/^hub_job_queue_depth\{state="(?:active|waiting)"\} (\S+)/m)) > 0; i++) await new Promise((r) => setTimeout(r, 50));
  const span = (performance.now() - t0) / 1000;
  const [hubCores, pgCores] = await Promise.all([hubCpu.stop(), pgCpu.stop()]);
  lat.sort((a, b) => a - b);
  console.log(
    `push cycles: ${ok}/${cycles} ok at concurrency ${concurrency} in ${wall.toFixed(1)} s (${(ok / wall).toFixed(0)}/s); cycle p50 ${quantile(lat, 0.5).toFixed(1)} ms; ` +
      `CPU per cycle: hub ${((hubCores * span * 1000) / ok).toFixed(2)} ms, pg ${((pgCores * span * 1000) / ok).toFixed(2)} ms; load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
  );

  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const kinds: [string, (i: number) => string][] = [
    ['summary 50 products', (i) => `/stocks/summary?limit=50&cursor=${encodeCursor([world.products[(i * 31) % (world.products.length - 60)]!.id])}`],
    ['low-stock', (i) => `/reports/low-stock?limit=${500 + i}`],
    ['counts', (i) => `/stocks/counts?limit=${100 + i * 700}`],
    ['movements 7 days', (i) => `/stock-movements?storeId=${world.storeIds[(i * 7919) % world.storeIds.length]}&from=${encodeURIComponent(weekAgo)}&limit=${50 + i}`],
  ];
  for (const [label, path] of kinds) {
    const ms: number[] = [];
    await pgCpu.start();
    const r0 = performance.now();
    for (let i = 0; i < readsEach; i++) {
      const s = performance.now();
      const res = await fetch(`${hub.url}/api/v1${path(i)}`, { headers: { authorization: `Bearer ${admin}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${label}: ${res.status}`);
      ms.push(performance.now() - s);
    }
    const cores = await pgCpu.stop();
    ms.sort((a, b) => a - b);
    console.log(`read ${label}: p50 ${quantile(ms, 0.5).toFixed(0)} ms; pg CPU per read ${((cores * (performance.now() - r0)) / readsEach).toFixed(0)} ms`);
  }
} finally {
  await hub.stop();
}
