import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Redis } from 'ioredis';
import { Zipf } from '../src/dev/world/random';
import { pgTarget } from '../src/dev/world/pg-target';
import { checkConsistency } from '../src/dev/world/verify';
import { rawBaseline, type BaselineOutcome } from './fleet.baseline';
import { FleetCounter } from './fleet.counter';
import { CpuMeter, processTree } from './fleet.cpu';
import { FleetLoad, type StepOutcome, type StepPlan } from './fleet.load';
import { fleetRows, held, type FleetConfigResult, type FleetVerification } from './fleet.report';
import { enrollFleet } from './fleet.world';
import { login } from './lib/api';
import { encodeCursor } from '../src/http/cursor';
import type { RunningServer } from './lib/hub-process';
import type { BenchRow } from './lib/report';
import { sqlQuery } from './lib/world-info';

export interface FleetSizes {
  /** Offered push rates of the ramp, pushes per second. */
  rates: number[];
  stepSeconds: number;
  readsPerSecond: number;
  baselineSeconds: number;
  /** Run a step at twice the highest rate held (overload). */
  overload: boolean;
  /** Ramp the two-node configuration too. */
  twoNodes: boolean;
}

export interface FleetContext {
  dbUrl: string;
  dbName: string;
  admin: { username: string; password: string };
  sizes: FleetSizes;
  ports: [number, number];
  redisUrl: string;
  startHub: (dbUrl: string, port: number, env: Record<string, string>) => Promise<RunningServer>;
  log: (msg: string) => void;
}

const TIMEOUT_MS = 10_000;
/** Connections per hub node, as the other benchmarks run it (DB_POOL_SIZE); the raw baseline uses as many. */
const POOL = Number(process.env.FLEET_POOL ?? 10);

/** Pids of Postgres doing this benchmark's work: its database's backends and the server's WAL writer, checkpointer and background writer. */
function pgPids(dbUrl: string, dbName: string) {
  return async () =>
    (
      await sqlQuery<{ pid: number }>(
        dbUrl,
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
        [dbName],
      )
    ).map((r) => Number(r.pid));
}

/** Saturation gauges of each node, summed (hub /metrics): what the admission gates, the pool and the in-process job queue hold. */
async function scrapeSaturation(hubs: RunningServer[], adminToken: string): Promise<Record<string, number>> {
  const want: Record<string, RegExp> = {
    pushInFlight: /^hub_admission_in_flight\{gate="push"\} (\S+)/m,
    pushQueued: /^hub_admission_queued\{gate="push"\} (\S+)/m,
    pullInFlight: /^hub_admission_in_flight\{gate="pull"\} (\S+)/m,
    readInFlight: /^hub_admission_in_flight\{gate="read"\} (\S+)/m,
    lockWaiters: /^hub_db_lock_waiters (\S+)/m,
    poolWaiting: /^hub_db_pool_connections\{pool="primary",state="waiting"\} (\S+)/m,
    jobsActive: /^hub_job_queue_depth\{state="active"\} (\S+)/m,
  };
  const out: Record<string, number> = {};
  for (const h of hubs) {
    const text = await fetch(`${h.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${adminToken}` }, signal: AbortSignal.timeout(5_000) })
      .then((r) => r.text())
      .catch(() => '');
    for (const [k, re] of Object.entries(want)) out[k] = (out[k] ?? 0) + Number(re.exec(text)?.[1] ?? NaN);
  }
  return out;
}

async function ramp(ctx: FleetContext, label: string, load: FleetLoad, hubs: RunningServer[], seed: number, adminToken: string): Promise<FleetConfigResult> {
  const hubCpu = new CpuMeter(async () => hubs.flatMap((h) => processTree(h.pid)));
  const pgCpu = new CpuMeter(pgPids(ctx.dbUrl, ctx.dbName));
  const steps: FleetConfigResult['steps'] = [];
  const run = async (plan: StepPlan) => {
    const load1 = os.loadavg()[0] ?? 0;
    await Promise.all([hubCpu.start(), pgCpu.start()]);
    const gen0 = process.cpuUsage();
    let saturation: Record<string, number> = {};
    const probe = setTimeout(() => void scrapeSaturation(hubs, adminToken).then((m) => (saturation = m)), (plan.seconds * 1000) / 2);
    const outcome: StepOutcome = await load.step(plan);
    clearTimeout(probe);
    const [hubCores, pgCores] = await Promise.all([hubCpu.stop(), pgCpu.stop()]);
    const gen = process.cpuUsage(gen0);
    const genCores = (gen.user + gen.system) / 1e6 / (plan.seconds + outcome.drainMs / 1000);
    const s = { outcome, hubCores, pgCores, genCores, load1, saturation };
    steps.push(s);
    const st = Object.entries(outcome.byStatus).map(([k, v]) => `${k}:${v}`).join(' ');
    ctx.log(
      `${label} ${plan.label}: ${outcome.achievedPerSecond.toFixed(0)}/s ok of ${plan.rate}/s offered; p50/p99/max ${outcome.okLatency.p50.toFixed(0)}/${outcome.okLatency.p99.toFixed(0)}/${outcome.okLatency.max.toFixed(0)} ms; ${st}; ` +
        `reads p95 ${outcome.reads.latency.p95.toFixed(0)} ms; hub ${hubCores.toFixed(2)} / pg ${pgCores.toFixed(2)} / gen ${genCores.toFixed(2)} cores; load ${load1.toFixed(1)}; mid-step ${JSON.stringify(saturation)}`,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    return s;
  };
  let best = 0;
  for (const [i, rate] of ctx.sizes.rates.entries()) {
    const s = await run({ label: `${rate}/s`, rate, seconds: ctx.sizes.stepSeconds, readsPerSecond: ctx.sizes.readsPerSecond, timeoutMs: TIMEOUT_MS, seed: seed + i });
    if (held(s.outcome)) best = Math.max(best, rate);
    // Far past capacity: higher steps would only measure the same collapse for longer.
    else if (s.outcome.okLatency.p99 > 5_000 || s.outcome.achievedPerSecond < 0.7 * rate) break;
  }
  let overload: FleetConfigResult['overload'] = null;
  // Capacity: the highest rate held; when none was (a loaded machine), the most it completed per second.
  const capacity = best > 0 ? best : Math.round(Math.max(0, ...steps.map((s) => s.outcome.achievedPerSecond)));
  if (ctx.sizes.overload && capacity > 0) {
    overload = await run({ label: `2× (${capacity * 2}/s)`, rate: capacity * 2, seconds: ctx.sizes.stepSeconds * 2, readsPerSecond: ctx.sizes.readsPerSecond, timeoutMs: TIMEOUT_MS, seed: seed + 99 });
  }
  return { label, nodes: hubs.length, steps, best, capacity, overload };
}

/** Push whatever the counters still hold (shed or timed out at the end of a step), a few at a time, until nothing is pending. */
async function flush(counters: FleetCounter[], hubUrl: string, log: (m: string) => void): Promise<number> {
  let rounds = 0;
  for (let pending = counters.filter((c) => c.pending > 0); pending.length && rounds < 30; pending = counters.filter((c) => c.pending > 0), rounds++) {
    log(`flush: ${pending.length} counters with unacknowledged movements`);
    for (let i = 0; i < pending.length; i += 4) {
      await Promise.all(
        pending.slice(i, i + 4).map(async (c) => {
          const res = await fetch(`${hubUrl}/api/v1/sync/push`, {
            method: 'POST',
            headers: { authorization: `Bearer ${c.state.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(c.pendingBody()),
          }).catch(() => null);
          if (res?.status === 200) c.ack(((await res.json()) as { ackedSeq: number }).ackedSeq);
          else await res?.arrayBuffer();
        }),
      );
    }
    if (counters.some((c) => c.pending > 0)) await new Promise((r) => setTimeout(r, 2_000));
  }
  return counters.filter((c) => c.pending > 0).length;
}

async function verify(ctx: FleetContext, counters: FleetCounter[], stillPending: number): Promise<FleetVerification> {
  const ids = counters.map((c) => c.state.deviceId);
  const starts = counters.map((c) => c.state.startSeq);
  const [stored] = await sqlQuery<{ movements: number; devices_behind: number; devices_ahead: number }>(
    ctx.dbUrl,
    `WITH f AS (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS f(id, start_seq, acked))
     SELECT (SELECT count(*)::int FROM movements m JOIN f ON m.device_id = f.id AND m.seq > f.start_seq) AS movements,
            (SELECT count(*)::int FROM devices d JOIN f ON d.id = f.id WHERE d.last_seq < f.acked) AS devices_behind,
            (SELECT count(*)::int FROM devices d JOIN f ON d.id = f.id WHERE d.last_seq > f.acked) AS devices_ahead`,
    [ids, starts, counters.map((c) => c.ackedSeq)],
  );
  const made = counters.reduce((n, c) => n + c.made, 0);
  const acked = counters.reduce((n, c) => n + (c.ackedSeq - c.state.startSeq), 0);
  const target = await pgTarget(ctx.dbUrl);
  try {
    const t0 = performance.now();
    const report = await checkConsistency(target.main);
    ctx.log(`verify: ${stored?.movements ?? 0} stored of ${made} made (${acked} acknowledged); merge-rule check ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { made, acknowledged: acked, stored: stored?.movements ?? 0, devicesBehind: stored?.devices_behind ?? 0, devicesAhead: stored?.devices_ahead ?? 0, stillPending, consistency: report };
  } finally {
    await target.close();
  }
}

async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing to clean.
  } finally {
    r.disconnect();
  }
}

/**
 * The fleet: N stores × 2 counters pushing small batches on an open-loop schedule ramped in
 * steps, head-office reads alongside, against one hub node and then two nodes on Redis; the
 * same pushes as raw SQL as the baseline; afterwards every movement must be stored once and
 * stock must equal the merge rule.
 */
export async function runFleet(ctx: FleetContext): Promise<BenchRow[]> {
  const world = await enrollFleet(ctx.dbUrl);
  const zipf = new Zipf(world.products.length, 1.05);
  const counters = world.counters.map((s, i) => new FleetCounter(s, world.products, zipf, 7_000 + i));
  ctx.log(`fleet: ${world.storeIds.length} stores × 2 counters (${counters.length} device tokens), ${world.products.length} products`);
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const readPath = (i: number) => {
    const store = world.storeIds[(i * 7919) % world.storeIds.length]!;
    const product = world.products[(i * 31) % Math.max(1, world.products.length - 60)]!;
    switch (i % 4) {
      case 0:
        return `/stocks/summary?limit=50&cursor=${encodeCursor([product.id])}`;
      case 1:
        return `/reports/low-stock?limit=${500 + (i % 500)}`;
      case 2:
        return `/stocks/counts?limit=${Math.min(5_000, 100 + (i % 4_000))}`;
      default:
        return `/stock-movements?storeId=${store}&from=${encodeURIComponent(weekAgo)}&limit=${50 + (i % 50)}`;
    }
  };

  const nodeEnv = { DB_POOL_SIZE: String(POOL) };
  const configs: FleetConfigResult[] = [];
  let baseline: BaselineOutcome | null = null;
  let verification: FleetVerification | null = null;
  const finish = async (hubUrl: string) => {
    verification = await verify(ctx, counters, await flush(counters, hubUrl, ctx.log));
  };

  const one = await ctx.startHub(ctx.dbUrl, ctx.ports[0], { ...nodeEnv, HUB_NODE_ID: 'f1' });
  try {
    const adminToken = await login(one.url, ctx.admin.username, ctx.admin.password);
    ctx.log(`raw SQL baseline: the same pushes over ${POOL} connections for ${ctx.sizes.baselineSeconds} s`);
    baseline = await rawBaseline({ dbUrl: ctx.dbUrl, storeIds: world.storeIds, products: world.products, connections: POOL, seconds: ctx.sizes.baselineSeconds, seed: 5, pgCpu: new CpuMeter(pgPids(ctx.dbUrl, ctx.dbName)) });
    ctx.log(`raw SQL baseline: ${baseline.pushesPerSecond.toFixed(0)} pushes/s, p50 ${baseline.latency.p50.toFixed(1)} ms, pg ${baseline.pgCores.toFixed(2)} cores`);
    configs.push(await ramp(ctx, '1 node', new FleetLoad(counters, { hubUrls: [one.url], adminToken, readPath }), [one], 100, adminToken));
    if (!ctx.sizes.twoNodes) await finish(one.url);
  } finally {
    await one.stop();
  }

  if (ctx.sizes.twoNodes) {
    const prefix = `bazaar:fleetbench:${randomBytes(3).toString('hex')}:`;
    const env = { ...nodeEnv, REDIS_URL: ctx.redisUrl, REDIS_KEY_PREFIX: prefix };
    const hubs: RunningServer[] = [];
    try {
      hubs.push(await ctx.startHub(ctx.dbUrl, ctx.ports[0], { ...env, HUB_NODE_ID: 'f1' }));
      hubs.push(await ctx.startHub(ctx.dbUrl, ctx.ports[1], { ...env, HUB_NODE_ID: 'f2' }));
      const adminToken = await login(hubs[0]!.url, ctx.admin.username, ctx.admin.password);
      configs.push(await ramp(ctx, '2 nodes + Redis', new FleetLoad(counters, { hubUrls: hubs.map((h) => h.url), adminToken, readPath }), hubs, 200, adminToken));
      await finish(hubs[0]!.url);
    } finally {
      for (const h of hubs) await h.stop();
      await dropRedisPrefix(ctx.redisUrl, prefix);
    }
  }
  return fleetRows({ stores: world.storeIds.length, counters: counters.length, baseline, configs, verification });
}
