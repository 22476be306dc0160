/**
 * The "done when" of the sync issue, end to end over HTTP against a running hub:
 * two counters of one store and one of another sell the same product offline, push in a
 * shuffled order with duplicates, and every device's stock, the hub's stock and the shared
 * merge rule must agree; the conflicts endpoint must show the negative stock.
 *
 *   pnpm --filter @bazaar/hub exec tsx scripts/sync-demo.ts
 *
 * Without HUB_URL it starts its own hub process on a fresh PostgreSQL database (DEMO_PG_URL,
 * default postgres://root@127.0.0.1:5432/postgres) on DEMO_PORT (8831) and drops it after.
 * With HUB_URL it uses that hub and signs in as DEMO_USERNAME / DEMO_PASSWORD (an admin).
 * Exits 1 if anything disagrees.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HybridLogicalClock,
  clockOffset,
  mergeStock,
  projectStock,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  uuidv7,
  type DeviceMovementInput,
  type MergeMovement,
} from '@bazaar/shared';
import pg from 'pg';

const env = process.env;
const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let base = env.HUB_URL ?? '';
let child: ChildProcess | null = null;
let dbName: string | null = null;
const pgUrl = env.DEMO_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function call<T = unknown>(method: string, p: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(`/api/v1${p}`, base), {
    method,
    // Reads as a counter of today (protocol 3, money in minor-unit names); pushes as protocol 1, whose answer lists every movement.
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(p.startsWith('/sync/push') ? {} : { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function must<T>(what: string, p: Promise<{ status: number; body: unknown }>, status: number): Promise<T> {
  const r = await p;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

async function startHub(): Promise<void> {
  dbName = `sync_demo_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  const port = env.DEMO_PORT ?? '8831';
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: hubDir,
    env: { ...env, PORT: port, HOST: '127.0.0.1', DATABASE_URL: url.toString(), LOG_LEVEL: 'warn', HUB_MODE: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the hub did not start within 30 s');
}

async function stopHub(): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (dbName) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

/** A counter as the desktop runs it: own HLC, gap-free seq, hub offset, baseline from pull. */
class Counter {
  log: (DeviceMovementInput & MergeMovement & { seq: number })[] = [];
  acked = 0;
  cursor: string | null = null;
  offset = 0;
  baseline = new Map<string, { qty: number; lastCountHlc: string | null; includesSeq: number }>();
  clock: HybridLogicalClock;
  constructor(
    readonly label: string,
    readonly storeId: string,
    readonly token: string,
    node: string,
    readonly skewMs: number,
  ) {
    this.clock = new HybridLogicalClock({ node, now: () => Date.now() + this.skewMs + this.offset });
  }
  sell(productId: string, qty: number) {
    this.log.push({ id: uuidv7(), seq: this.log.length + 1, hlc: this.clock.now(), kind: 'SALE', productId, qty: -qty, occurredAt: new Date(Date.now() + this.skewMs + this.offset).toISOString() });
  }
  async pull() {
    for (;;) {
      const qs = this.cursor ? `?cursor=${this.cursor}` : '';
      const sentAt = Date.now();
      const page = pullResponseSchema.parse(await must('pull', call('GET', `/sync/pull${qs}`, this.token), 200));
      this.offset = clockOffset(sentAt + this.skewMs, Date.now() + this.skewMs, page.serverTime);
      this.clock.receive(page.hubHlc);
      for (const s of page.stock) this.baseline.set(s.productId, { qty: s.qty, lastCountHlc: s.lastCountHlc, includesSeq: page.includesSeq });
      this.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }
  view(productId: string) {
    const b = this.baseline.get(productId);
    const pending = this.log.filter((m) => m.seq > (b?.includesSeq ?? 0) && m.productId === productId);
    return projectStock({ qty: b?.qty ?? 0, lastCountHlc: b?.lastCountHlc ?? null }, pending);
  }
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

async function main(): Promise<number> {
  if (!base) await startHub();
  console.log(`hub: ${base}${child ? ` (started here on PostgreSQL database ${dbName})` : ''}`);

  let adminToken: string;
  if (child) {
    adminToken = (await must<{ token: string }>('register', call('POST', '/auth/register', null, { username: 'owner', name: 'Demo Owner', password: 'demo-password-123' }), 201)).token;
  } else {
    adminToken = (await must<{ token: string }>('login', call('POST', '/auth/login', null, { username: env.DEMO_USERNAME, password: env.DEMO_PASSWORD }), 200)).token;
  }
  const tag = Date.now().toString(36).toUpperCase();
  const s1 = await must<{ id: string; code: string }>('store 1', call('POST', '/stores', adminToken, { code: `DEMO1-${tag}`, name: 'Demo Kiryana, Indiranagar' }), 201);
  const s2 = await must<{ id: string; code: string }>('store 2', call('POST', '/stores', adminToken, { code: `DEMO2-${tag}`, name: 'Demo Kiryana, Jayanagar' }), 201);
  const product = await must<{ id: string; sku: string }>('product', call('POST', '/products', adminToken, { sku: `PARLE-G-${tag}`, name: 'Parle-G 250 g', unit: 'pc', priceMinor: 2500 }), 201);
  console.log(`stores ${s1.code}, ${s2.code}; product ${product.sku}`);

  // Opening stock, posted from the web: 5 in store 1, 2 in store 2.
  const opening: MergeMovement[] = [];
  for (const [store, qty] of [[s1, 5], [s2, 2]] as const) {
    const r = await must<{ movement: MergeMovement & { storeId: string } }>('stock-in', call('POST', '/stock-movements', adminToken, { storeId: store.id, kind: 'IN', productId: product.id, qty }), 201);
    opening.push({ ...r.movement, storeId: store.id } as MergeMovement & { storeId: string });
  }

  const enroll = async (label: string, storeId: string, skewMs: number) => {
    const r = await must<{ device: { id: string; node: string }; token: string }>('enroll', call('POST', '/devices', adminToken, { storeId, name: label }), 201);
    return new Counter(label, storeId, r.token, r.device.node, skewMs);
  };
  // Counter 2's PC clock is two days slow (dead CMOS battery); the hub offset corrects it after the first pull.
  const counters = [await enroll('store1-counter1', s1.id, 0), await enroll('store1-counter2', s1.id, -2 * 86_400_000), await enroll('store2-counter1', s2.id, 0)];
  for (const c of counters) await c.pull();

  // Offline: the network is down; everyone keeps selling from what they last saw.
  for (const [c, sales] of [[counters[0]!, [2, 1, 1]], [counters[1]!, [1, 2]], [counters[2]!, [1, 1, 1]]] as const) {
    for (const q of sales) c.sell(product.id, q);
  }

  // Back online: every counter's log in 2 batches, each sent twice, all in a shuffled order.
  type Job = { c: Counter; from: number; to: number };
  const queue: Job[] = shuffle(
    counters.flatMap((c) => {
      const mid = Math.ceil(c.log.length / 2);
      const jobs = [{ c, from: 1, to: mid }, { c, from: mid + 1, to: c.log.length }];
      return [...jobs, ...jobs];
    }),
  );
  let requests = 0;
  const statuses: Record<string, number> = {};
  while (queue.length) {
    const job = queue.shift()!;
    requests++;
    const res = await call<{ error?: { code: string; details: { expectedSeq: number } } }>('POST', '/sync/push', job.c.token, { movements: job.c.log.slice(job.from - 1, job.to) });
    if (res.status === 200) {
      const body = pushResponseSchema.parse(res.body);
      job.c.acked = Math.max(job.c.acked, body.ackedSeq);
      for (const r of body.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    } else if (res.body.error?.code === 'SEQ_GAP') {
      statuses.SEQ_GAP = (statuses.SEQ_GAP ?? 0) + 1;
      // The hub says where to resume; retry this batch later (after the missing one).
      queue.push(job);
    } else {
      throw new Error(`push ${job.c.label} ${job.from}-${job.to}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  console.log(`pushed in shuffled order with duplicates: ${requests} requests, results ${JSON.stringify(statuses)}`);
  for (const c of counters) await c.pull();

  let ok = true;
  console.log('\nstore            device            device view   hub stock   mergeStock');
  for (const store of [s1, s2]) {
    const mine = counters.filter((c) => c.storeId === store.id);
    const all = [...opening.filter((m) => (m as MergeMovement & { storeId: string }).storeId === store.id), ...mine.flatMap((c) => c.log)];
    const expected = mergeStock(all).qty;
    const hub = await must<{ items: { qty: number }[] }>('stocks', call('GET', `/stocks?storeId=${store.id}&productId=${product.id}`, adminToken), 200);
    const hubQty = hub.items[0]?.qty;
    for (const c of mine) {
      const view = c.view(product.id);
      const agree = view === hubQty && hubQty === expected;
      ok &&= agree;
      console.log(`${store.code.padEnd(16)} ${c.label.padEnd(17)} ${String(view).padStart(11)} ${String(hubQty).padStart(11)} ${String(expected).padStart(12)}  ${agree ? 'ok' : 'MISMATCH'}`);
    }
  }

  console.log('\nNEGATIVE_STOCK conflicts:');
  for (const store of [s1, s2]) {
    const list = await must<{ items: { kind: string; details: { qty: number; previousQty: number }; deviceId: string | null; createdAt: string }[] }>(
      'conflicts',
      call('GET', `/conflicts?storeId=${store.id}&kind=NEGATIVE_STOCK`, adminToken),
      200,
    );
    for (const c of list.items) console.log(`  ${store.code}: stock went from ${c.details.previousQty} to ${c.details.qty} (device ${c.deviceId}, ${c.createdAt})`);
    if (list.items.length === 0) {
      ok = false;
      console.log(`  ${store.code}: none found — expected one`);
    }
  }
  console.log(ok ? '\nAll devices, the hub and the merge rule agree.' : '\nDISAGREEMENT: see above.');
  return ok ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(`sync-demo failed: ${(err as Error).message}`);
} finally {
  await stopHub().catch((err: unknown) => console.error(`cleanup: ${(err as Error).message}`));
}
process.exit(code);
