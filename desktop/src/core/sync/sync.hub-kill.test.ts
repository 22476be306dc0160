import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, Store } from '@bazaar/shared';
import { tempStore } from '../testing/temp-store';
import { freePort } from '../testing/free-port';
import { SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '@bazaar/shared';

/**
 * README: "every offline movement arrives exactly once", with the real hub process SIGKILLed in
 * the middle of a push. The kill is made to land inside the push's database transaction: the
 * test holds the store's change-counter row lock, so the push (which takes it after locking the
 * device row and writing) waits inside its open transaction; pg_stat_activity shows that
 * backend, in a transaction with an xid, waiting on the lock, before the SIGKILL. Needs
 * PostgreSQL (pg_stat_activity and a database that outlives the hub process).
 */
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!TEST_DATABASE_URL)('the real hub SIGKILLed inside a push (needs TEST_DATABASE_URL)', () => {
  const dbName = `bazaar_hub_kill_${process.pid}_${Date.now()}`;
  let dbUrl: string;
  let port: number;
  let url: string;
  let child: ChildProcess | null = null;
  let log = '';
  let sql: pg.Client;
  let admin: string;

  async function startHub() {
    log = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', HUB_MODE: 'test', RATE_LIMIT_PER_MINUTE: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const c = child;
    await until('hub health', async () => {
      if (c.exitCode !== null) throw new Error(`hub exited: ${log}`);
      return (await fetch(`${url}/api/v1/health`)).ok;
    }).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${log}`);
    });
  }

  async function api<T>(method: string, path: string, body?: unknown, token = admin): Promise<T> {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(path.startsWith('/sync/push') ? {} : { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  beforeAll(async () => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`create database ${dbName}`);
    await c.end();
    const u = new URL(TEST_DATABASE_URL!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    await startHub();
    sql = new pg.Client({ connectionString: dbUrl });
    await sql.connect();
    admin = '';
    admin = (await api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Owner', password: 'a-long-password-1' })).token;
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await sql?.end().catch(() => undefined);
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  }, 60_000);

  it('three SIGKILLs of the hub inside push transactions; after restarts every movement is on the hub exactly once', async () => {
    const store = await api<Store>('POST', '/stores', { code: 'KILL-1', name: 'Kill store' });
    const products: Product[] = [];
    for (let i = 0; i < 300; i++) products.push(await api<Product>('POST', '/products', { sku: `K${i}`, name: `Item ${i}`, unit: 'pc', priceMinor: 100 }));
    const device = await api<{ token: string; device: { id: string } }>('POST', '/devices', { storeId: store.id, name: 'Counter' });
    const s = await tempStore();
    try {
      const core = s.core;
      await core.enroll({ hubUrl: url, token: device.token });
      await core.syncNow();
      // A first push, so the store's change counter row exists to be held.
      await core.stockIn({ product: 'K0', qty: 5 });
      await core.syncNow();
      // 1,500 more movements: two push batches of up to 1,000.
      for (let round = 0; round < 5; round++) await core.count({ lines: products.map((p, i) => ({ product: p.sku, counted: round * 3 + (i % 5) })) });
      let localTotal = 1 + 5 * products.length;
      const onHub = async () =>
        Number((await sql.query<{ n: string }>('select count(*) as n from movements where device_id = $1', [device.device.id])).rows[0]!.n);

      for (let kill = 0; kill < 3; kill++) {
        if (kill === 1) {
          await core.count({ lines: products.map((p) => ({ product: p.sku, counted: 7 })) });
          localTotal += products.length;
        }
        const before = await onHub();
        const holder = new pg.Client({ connectionString: dbUrl });
        await holder.connect();
        await holder.query('begin');
        await holder.query('select version from change_counters where scope = $1 for update', [store.id]);
        const syncing = core.syncNow().then(
          () => 'finished',
          () => 'failed',
        );
        // The push is inside its transaction (an xid: it has locked or written rows), waiting on the counter lock.
        const inPush = await until('a push transaction waiting on the store counter', async () => {
          const r = await sql.query<{ pid: number; query: string }>(
            `select pid, query from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid() and pid <> $1
               and xact_start is not null and backend_xid is not null and wait_event_type = 'Lock' and query ilike '%change_counters%'`,
            [(await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid],
          );
          return r.rows[0];
        });
        expect(inPush.query).toMatch(/change_counters/i);
        const exited = new Promise<NodeJS.Signals | null>((r) => child!.once('exit', (_c, signal) => r(signal)));
        child!.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        expect(await syncing).toBe('failed');
        await holder.query('rollback');
        await holder.end();
        // The killed push's backend notices its client is gone and rolls back: nothing of it stays.
        await until('the killed push backend to end', async () => (await sql.query('select 1 from pg_stat_activity where pid = $1', [inPush.pid])).rowCount === 0);
        expect(await onHub()).toBe(before);
        await startHub();
        // After the first kill everything goes through; the next kills land in pushes of new movements.
        if (kill === 0) await core.syncNow();
      }

      const r = await core.syncNow();
      expect(r.status).toMatchObject({ pendingMovements: 0, ackedSeq: localTotal, lastSeq: localTotal });
      const stats = await sql.query<Record<'n' | 'ids' | 'seqs' | 'min' | 'max', string>>(
        'select count(*) as n, count(distinct id) as ids, count(distinct seq) as seqs, min(seq) as min, max(seq) as max from movements where device_id = $1',
        [device.device.id],
      );
      const row = stats.rows[0]!;
      expect([row.n, row.ids, row.seqs, row.min, row.max].map(Number)).toEqual([localTotal, localTotal, localTotal, 1, localTotal]);
      // The hub's stock is what the counter shows.
      const hubStock = await api<{ items: { productId: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}&limit=500`);
      for (const row of hubStock.items.slice(0, 30)) expect((await core.findProduct({ code: row.productId })).qty).toBe(row.qty);
    } finally {
      await s.cleanup();
    }
  }, 600_000);
});
