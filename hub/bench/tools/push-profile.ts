import { HybridLogicalClock } from '@bazaar/shared';
import { Kysely, PostgresDialect } from 'kysely';
import pino from 'pino';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config/env';
import { createPgPool } from '../../src/db/db.factory';
import type { Database } from '../../src/db/database.types';
import { systemClock } from '../../src/http/app-env';
import { MemoryRateLimiter } from '../../src/http/rate-limiter';
import { BASELINE_SQL } from '../ingest.bench';
import { uuidv7At } from '../../src/dev/world/random';
import { SyntheticDevice } from '../lib/movements';
import { readWorld } from '../lib/world-info';

/**
 * Where does a 1,000-movement push spend its time? Runs the real app in-process on a bench
 * world (default bazaar_bench_ingest) with Kysely's query log, pushes a few batches and prints
 * the statements by total time. `tsx bench/tools/push-profile.ts [database-url]`
 */
const url = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/bazaar_bench_ingest';
const timings = new Map<string, { n: number; ms: number }>();
const appPool = createPgPool(url, 4);
// --explain: plans (actual times, triggers) of statements over 2 ms go to the Postgres server log.
if (process.argv.includes('--explain')) {
  appPool.on('connect', (client) => {
    void client.query("LOAD 'auto_explain'; SET auto_explain.log_min_duration = 2; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on; SET auto_explain.log_triggers = on");
  });
}
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: appPool }),
  log: (e) => {
    const key = e.query.sql.replace(/\s+/g, ' ').slice(0, 90);
    const t = timings.get(key) ?? { n: 0, ms: 0 };
    t.n++;
    t.ms += e.queryDurationMillis;
    timings.set(key, t);
  },
});
const app = createApp({
  config: testConfig({ LOG_LEVEL: 'silent' }),
  db,
  readDb: db,
  logger: pino({ level: 'silent' }),
  clock: systemClock,
  hlc: new HybridLogicalClock({ node: 'hub', now: () => Date.now() }),
  limiter: new MemoryRateLimiter(),
});
const req = async (method: string, path: string, token: string | null, body?: unknown) => {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const login = await req('POST', '/auth/login', null, { username: 'admin', password: 'bazaar-admin-pass' });
const token = String(login.body.token);
const [store] = await readWorld(url, 1, 20_000);
const enrolled = await req('POST', '/devices', token, { storeId: store!.id, name: 'profile' });
const device = enrolled.body as { token: string; device: { node: string } };
const dev = new SyntheticDevice(device.device.node, store!, 5);
if (process.argv.includes('--per-request')) {
  timings.clear();
  const ms = new SyntheticDevice('web', store!, 6).batch(20, Date.now() - 100_000, 1000);
  const t1 = performance.now();
  for (const m of ms) {
    const r = await req('POST', '/stock-movements', token, { storeId: store!.id, kind: m.kind, productId: m.productId, qty: m.qty, reason: m.reason, occurredAt: m.occurredAt });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body).slice(0, 300));
  }
  console.log(`POST /stock-movements: ${((performance.now() - t1) / ms.length).toFixed(0)} ms each`);
  for (const [q, t] of [...timings.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
    console.log(`${(t.ms / ms.length).toFixed(1).padStart(8)} ms/request  ×${String(t.n / ms.length).padEnd(4)} ${q}`);
  }
}
timings.clear();
const batches = Number(process.env.PUSH_BATCHES ?? 5);
const t0 = performance.now();
for (let b = 0; b < batches; b++) {
  const r = await req('POST', '/sync/push', device.token, { movements: dev.batch(1000, Date.now() - 100_000 + b * 10_000, 10) });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body).slice(0, 300));
}
const total = performance.now() - t0;
const sqlMs = [...timings.values()].reduce((s, t) => s + t.ms, 0);
console.log(`${batches} pushes of 1,000: ${(total / batches).toFixed(0)} ms each; SQL ${(sqlMs / batches).toFixed(0)} ms of it`);
for (const [q, t] of [...timings.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(`${(t.ms / batches).toFixed(1).padStart(8)} ms/push  ×${String(t.n / batches).padEnd(4)} ${q}`);
}

// The raw baseline of the ingest bench on one connection, same world, same run: the push's ceiling.
const pool = createPgPool(url, 1);
const raw = new SyntheticDevice('rawbase', store!, 7);
const rawDevice = uuidv7At(Date.now());
let rawMs = 0;
for (let b = 0; b < batches; b++) {
  const ms = raw.batch(1000, Date.now() - 100_000 + b * 10_000, 10);
  const col = <T>(f: (m: (typeof ms)[number]) => T) => ms.map(f);
  const t1 = performance.now();
  await pool.query(BASELINE_SQL, [
    col(() => store!.id), col((m) => m.id), col(() => rawDevice), col((m) => m.seq), col((m) => m.hlc), col((m) => m.kind),
    col((m) => m.productId), col((m) => m.qty), col((m) => m.unitPriceMinor ?? null), col((m) => m.unitCostMinor ?? null),
    col((m) => m.reason ?? null), col((m) => m.supplierId ?? null), col((m) => m.occurredAt),
  ]);
  rawMs += performance.now() - t1;
}
await pool.end();
console.log(`raw baseline (unnest insert + stock upsert, 1 connection): ${(rawMs / batches).toFixed(0)} ms per 1,000; push/raw ${((total / batches) / (rawMs / batches)).toFixed(2)}×`);
await db.destroy();
