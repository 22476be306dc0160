import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.types';
import { migrateToLatest } from '../src/db/migrate';
import { generateWorld, PRESETS, type WorldOptions } from '../src/dev/world/generate';
import { progressBar } from '../src/dev/world/progress-bar';
import { databaseComment, pgTarget, recreateDatabase, setDatabaseComment, withDatabase } from '../src/dev/world/pg-target';
import { runCounterYear } from './counter-year.rows';
import { runFleet, type FleetSizes } from './fleet.bench';
import { runHttp } from './http.bench';
import { runIngest } from './ingest.bench';
import { login } from './lib/api';
import { hubDir, startHub, tsxBin, type RunningServer } from './lib/hub-process';
import { atMost, markdownTable, notMeasured, textTable, type BenchRow } from './lib/report';
import { fmt, stat, type Stat } from './lib/stats';
import { readWorld, sqlQuery } from './lib/world-info';
import { runPull } from './pull.bench';
import { runReads } from './reads.bench';

/**
 * `pnpm bench [--quick] [--only ingest,pull,http,reads,sale,fleet,counter-year] [--regenerate] [--save]`
 * Every figure is a median over repeated runs with min and max; every ratio is taken against
 * a baseline measured in this same run. Results: hub/bench/output/<date>[-quick].json and .md
 * (ignored by git, so a run leaves the tree clean); with --save in hub/bench/results/ instead,
 * the tracked results a README quotes, committed on purpose.
 */
const ADMIN = { username: 'admin', password: 'bazaar-admin-pass' };
const PORTS = { hub: 8840, hello: 8841, readsHub: 8842, fleet: [8843, 8844] as [number, number], counterHub: 8845 };
const ALL = ['ingest', 'pull', 'http', 'reads', 'sale', 'fleet', 'counter-year'] as const;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    save: { type: 'boolean', default: false },
    /** Fleet ramp override, e.g. --fleet-rates 50,200,400 --fleet-seconds 8 (trial runs). */
    'fleet-rates': { type: 'string' },
    'fleet-seconds': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log('usage: pnpm bench [--quick] [--only ingest,pull,http,reads,sale,fleet,counter-year] [--regenerate] [--save]\n  results go to hub/bench/output/ (ignored); --save writes them to hub/bench/results/ (tracked) instead\n  needs PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (a server the bench may create bazaar_bench_* databases on)');
  process.exit(0);
}
const quick = values.quick;
const only = new Set((values.only ?? ALL.join(',')).split(',').map((s) => s.trim()));
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'pnpm bench needs PostgreSQL: set BENCH_DATABASE_URL or DATABASE_URL, e.g.\n' +
      '  DATABASE_URL=postgres://root@127.0.0.1:5432/postgres pnpm bench --quick\n' +
      'The bench creates (and recreates) its own databases bazaar_bench_* on that server; it never writes to the one named in the URL.',
  );
  process.exit(1);
}

const sizes = quick
  ? { runs: 3, batchesPerDevice: 2, perRequest: 60, backlogRuns: 2, readSamples: 15, httpSeconds: 3, pullRuns: 2, world: PRESETS.quick }
  : { runs: 5, batchesPerDevice: 5, perRequest: 500, backlogRuns: 3, readSamples: 40, httpSeconds: 10, pullRuns: 3, world: PRESETS.default };
const PULL_PRODUCTS = 20_000;
/**
 * The fleet (7): N stores × 2 counters, a push ramp and the overload step. Quick: small enough
 * for CI (~1 minute with its world); default: 10,000 stores × 300 products, the issue's fleet.
 */
const fleet: { world: WorldOptions; sizes: FleetSizes } = quick
  ? {
      world: { stores: 200, products: 100, movements: 30_000, days: 3, seed: 77, admin: ADMIN, rebuildIndexes: true },
      sizes: { rates: [25, 75], stepSeconds: 4, readsPerSecond: 2, baselineSeconds: 2, overload: false, twoNodes: true },
    }
  : {
      world: { stores: 10_000, products: 300, movements: 3_300_000, days: 7, seed: 77, admin: ADMIN, rebuildIndexes: true },
      sizes: { rates: [50, 100, 200, 300, 400, 500, 670, 800, 1000], stepSeconds: 15, readsPerSecond: 4, baselineSeconds: 10, overload: true, twoNodes: true },
    };
if (values['fleet-rates']) fleet.sizes.rates = values['fleet-rates'].split(',').map(Number).filter((n) => n > 0);
if (values['fleet-seconds']) fleet.sizes.stepSeconds = Number(values['fleet-seconds']);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (m: string) => console.log(`[bench] ${m}`);
const rows: BenchRow[] = [];
const started = Date.now();

async function migrate(url: string) {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

/** A generated world in its own database; a complete one from an earlier run is reused unless --regenerate. */
async function world(name: string, opts: WorldOptions): Promise<string> {
  const url = withDatabase(serverUrl!, name);
  const marker = `bazaar bench world complete: ${JSON.stringify({ stores: opts.stores, products: opts.products, movements: opts.movements, days: opts.days, seed: opts.seed })}`;
  if (!values.regenerate && (await databaseComment(serverUrl!, name).catch(() => null)) === marker) {
    await migrate(url);
    log(`reusing ${name} (${opts.stores} stores × ${opts.products} products, ${opts.movements.toLocaleString('en-US')} movements)`);
    return url;
  }
  log(`generating ${name}: ${opts.stores} stores × ${opts.products} products, ${opts.movements.toLocaleString('en-US')} movements`);
  await recreateDatabase(serverUrl!, name);
  await migrate(url);
  const target = await pgTarget(url);
  const bar = progressBar(name);
  try {
    const s = await generateWorld(target, opts, bar.update);
    bar.stop();
    log(`generated in ${(s.ms / 1000).toFixed(1)} s (${s.stockRows.toLocaleString('en-US')} stock rows, ${s.auditRows} audit rows)`);
    rows.push({ group: '0. data', name: `generate ${name}`, result: `${fmt(s.ms / 1000, 1)} s for ${s.movements.toLocaleString('en-US')} movements + ${s.stockRows.toLocaleString('en-US')} stock rows`, data: { ...s, storeIds: undefined } });
  } finally {
    bar.stop();
    await target.close();
  }
  await setDatabaseComment(serverUrl!, name, marker);
  return url;
}

async function withHub<T>(dbUrl: string, port: number, fn: (hub: RunningServer, token: string) => Promise<T>): Promise<T> {
  const hub = await startHub(dbUrl, port);
  try {
    return await fn(hub, await login(hub.url, ADMIN.username, ADMIN.password));
  } finally {
    await hub.stop();
  }
}

async function section(name: string, fn: () => Promise<void>) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    log(`${name} failed: ${msg}`);
    rows.push(notMeasured(name, 'benchmark failed', msg.split('\n')[0]!.slice(0, 200)));
  }
  log(`${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** The desktop counter-sale benchmark runs in its own process, on the real core, and answers JSON. */
function runSale(): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const desktopDir = path.resolve(hubDir, '..', 'desktop');
    const child = spawn(tsxBin, ['bench/counter-sale.bench.ts', '--json', ...(quick ? ['--quick'] : [])], { cwd: desktopDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => process.stdout.write(`[sale] ${b.toString()}`));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`counter-sale bench exited with ${code}`));
      type Lat = { p50: number; p99: number };
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as { sales: number; lookups: number; products: number; core: Lat[]; raw: Lat[]; lookup: Lat[]; rawLookup: Lat[]; pragmas: string };
      const s = (xs: Lat[], k: 'p50' | 'p99'): Stat => stat(xs.map((x) => x[k]));
      const f = (x: Stat) => `${fmt(x.median, 3)} ms (${fmt(x.min, 3)}–${fmt(x.max, 3)})`;
      const coreP99 = s(r.core, 'p99');
      const rawP99 = s(r.raw, 'p99');
      const ratio = coreP99.median / rawP99.median;
      const G = '3. counter sale';
      resolve([
        { group: G, name: `3-line sale through the desktop core, p50 (file DB, ${r.pragmas}, ${r.sales} sales/run)`, result: f(s(r.core, 'p50')), baseline: `raw better-sqlite3 p50 ${f(s(r.raw, 'p50'))}`, data: r },
        { group: G, name: '3-line sale through the desktop core, p99', result: f(coreP99), target: '≤ 2 ms', verdict: atMost(coreP99.median, 2, ' ms') },
        { group: G, name: 'core p99 / raw p99', result: `${fmt(ratio, 1)}×`, baseline: `raw better-sqlite3 p99 ${f(rawP99)}`, ratio: `${fmt(ratio, 1)}×`, target: '≤ 3× raw p99', verdict: atMost(ratio, 3, '×') },
        { group: G, name: `barcode lookup among ${r.products.toLocaleString('en-US')} products (core.findProduct)`, result: `p50 ${f(s(r.lookup, 'p50'))}, p99 ${f(s(r.lookup, 'p99'))}`, baseline: `raw SELECT by barcode p50 ${f(s(r.rawLookup, 'p50'))}` },
      ]);
    });
  });
}

async function main() {
  const pgVersion = (await sqlQuery<{ v: string }>(serverUrl!, "SELECT current_setting('server_version') AS v")).map((r) => r.v)[0] ?? '?';
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    load1: os.loadavg()[0],
    node: process.version,
    postgres: pgVersion,
    platform: `${os.platform()} ${os.release()}`,
  };
  log(`${quick ? 'quick' : 'default'} sizes on ${machine.cpus} cores (${machine.cpuModel}), Postgres ${pgVersion}, Node ${machine.node}`);

  const needIngestHub = only.has('ingest') || only.has('pull') || only.has('http');
  if (needIngestHub) {
    const ingestWorld = await world('bazaar_bench_ingest', { stores: 4, products: PULL_PRODUCTS, movements: 4 * PULL_PRODUCTS, days: 1, seed: 8, admin: ADMIN, rebuildIndexes: true });
    // Ingest changes this world: regenerate it next time.
    await setDatabaseComment(serverUrl!, 'bazaar_bench_ingest', 'dirty');
    const stores = await readWorld(ingestWorld, 4, PULL_PRODUCTS);
    await withHub(ingestWorld, PORTS.hub, async (hub, token) => {
      if (only.has('ingest')) {
        await section('1-2-5. ingest', async () => {
          rows.push(...(await runIngest({ hubUrl: hub.url, dbUrl: ingestWorld, adminToken: token, stores, runs: sizes.runs, batchesPerDevice: sizes.batchesPerDevice, perRequestCount: sizes.perRequest, backlogRuns: sizes.backlogRuns, log })));
        });
      }
      if (only.has('pull')) {
        await section('5. pull', async () => {
          rows.push(...(await runPull({ hubUrl: hub.url, adminToken: token, store: stores[3]!, products: PULL_PRODUCTS, runs: sizes.pullRuns, log })));
        });
      }
      if (only.has('http')) {
        await section('6. http', async () => {
          rows.push(...(await runHttp({ hubUrl: hub.url, adminToken: token, helloPort: PORTS.hello, runs: sizes.runs, durationSeconds: sizes.httpSeconds, log })));
        });
      }
    });
  }

  if (only.has('reads')) {
    const w = sizes.world;
    const label = `${w.stores} stores × ${w.products} products, ${(w.movements / 1e6).toFixed(1)}M movements`;
    const url = await world(quick ? 'bazaar_bench_reads_quick' : 'bazaar_bench_reads', { ...w, seed: 42, admin: ADMIN, rebuildIndexes: true });
    const stores = await readWorld(url, w.stores, w.products);
    await withHub(url, PORTS.readsHub, async (hub, token) => {
      await section('4. reads', async () => {
        rows.push(...(await runReads({ hubUrl: hub.url, dbUrl: url, adminToken: token, stores, runs: sizes.runs, samples: sizes.readSamples, sizeLabel: label, log })));
      });
    });
  }

  if (only.has('sale')) await section('3. sale', async () => void rows.push(...(await runSale())));

  if (only.has('fleet')) {
    // The fleet's pushes keep the world consistent (verified after every run), so it is reused as it grows.
    const name = quick ? 'bazaar_bench_fleet_quick' : 'bazaar_bench_fleet';
    const url = await world(name, fleet.world);
    await section('7. fleet', async () => {
      rows.push(...(await runFleet({ dbUrl: url, dbName: name, admin: ADMIN, sizes: fleet.sizes, ports: PORTS.fleet, redisUrl: REDIS_URL, startHub, log })));
    });
  }

  if (only.has('counter-year')) {
    // The counter's stores are kept in desktop/bench/output/stores and reused; the hub only receives their first sync.
    const url = await world(quick ? 'bazaar_bench_counter_hub_quick' : 'bazaar_bench_counter_hub', { stores: 1, products: 10, movements: 10, days: 1, seed: 3, admin: ADMIN, rebuildIndexes: false });
    await setDatabaseComment(serverUrl!, quick ? 'bazaar_bench_counter_hub_quick' : 'bazaar_bench_counter_hub', 'dirty');
    await withHub(url, PORTS.counterHub, async (hub, token) => {
      await section('8. counter-year', async () => void rows.push(...(await runCounterYear({ quick, regenerate: values.regenerate, hub: { url: hub.url, token }, log }))));
    });
  }

  const order = (r: BenchRow) => r.group;
  rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const totalSecs = (Date.now() - started) / 1000;
  console.log(`\n${textTable(rows)}\n`);
  console.log(`total ${totalSecs.toFixed(0)} s`);

  const date = new Date().toISOString().slice(0, 10);
  const dir = path.join(hubDir, 'bench', values.save ? 'results' : 'output');
  mkdirSync(dir, { recursive: true });
  // A partial run (--only) gets its own file instead of overwriting the day's full results.
  const base = path.join(dir, `${date}${quick ? '-quick' : ''}${values.only ? `-${[...only].join('-')}` : ''}`);
  writeFileSync(`${base}.json`, `${JSON.stringify({ date: new Date().toISOString(), preset: quick ? 'quick' : 'default', machine, sizes, totalSeconds: Math.round(totalSecs), rows }, null, 2)}\n`);
  const misses = rows.filter((r) => r.verdict?.startsWith('MISS'));
  const unmeasured = rows.filter((r) => r.result.startsWith('not measured'));
  const md = [
    `# Bazaar bench, ${date} (${quick ? '--quick' : 'default sizes'})`,
    '',
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, ${machine.platform}; Node ${machine.node}; PostgreSQL ${machine.postgres}; load average at start ${fmt(machine.load1 ?? 0, 2)}. Total ${totalSecs.toFixed(0)} s.`,
    '',
    'Each figure: median (min–max) over repeated runs; each ratio against a baseline measured in the same run.',
    '',
    markdownTable(rows),
    '',
    `Targets missed: ${misses.length}${misses.length ? ` (${misses.map((m) => `${m.group}: ${m.name}`).join('; ')})` : ''}. Not measured: ${unmeasured.length}.`,
    '',
  ].join('\n');
  writeFileSync(`${base}.md`, md);
  log(`wrote ${path.relative(path.resolve(hubDir, '..'), base)}.json and .md`);
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
