import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { HybridLogicalClock } from '@bazaar/shared';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testConfig } from '../config/env';
import { createDb, type HubDb } from '../db/db.factory';
import { migrateToLatest } from '../db/migrate';
import { systemClock } from '../http/app-env';
import { SimDevice } from '../sync/sync.test-kit';
import type { TestApp } from '../test/test-db';
import { freePort } from '../test/free-port';
import { createPlatform } from './platform.factory';
import { platformSettings } from './platform.config';
import type { Platform } from './platform.types';
import { TEST_DATABASE_URL, waitFor } from './platform.test-kit';

// Ports the OS picks when the test starts: a fixed one collided with a counter e2e test (8871) in the full run.
let PRIMARY_PORT = 0;
let REPLICA_PORT = 0;

/** A directory with the server binaries: Debian's /usr/lib/postgresql/<version>/bin, else on PATH. */
function findPgBin(): string | null {
  const hasAll = (bin: string) => ['initdb', 'pg_basebackup', 'postgres', 'pg_ctl', 'createdb', 'pg_isready'].every((b) => existsSync(path.join(bin, b)));
  const root = '/usr/lib/postgresql';
  const debian = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin')) : [];
  return [...debian, ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)].find(hasAll) ?? null;
}
const pgBin = findPgBin();
const isRoot = userInfo().uid === 0;
// Postgres refuses to run as root: as root, run it as the postgres user.
const asPg = (cmd: string, args: string[]): [string, string[]] => (isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
const cannotRun = !pgBin
  ? 'no PostgreSQL server binaries (initdb, pg_basebackup, postgres, pg_ctl, createdb, pg_isready) in /usr/lib/postgresql/*/bin or on PATH'
  : isRoot && spawnSync('id', ['postgres']).status !== 0
    ? 'running as root and there is no postgres user to run the servers as'
    : null;

/**
 * A real primary + streaming replica (initdb, pg_basebackup -R) on ports of our own: reports and
 * audit search read the replica, a paused replay shows that they do, and a device's pull right
 * after its push still sees the push.
 */
// Skipped only without TEST_DATABASE_URL: with it (CI), missing server binaries fail the test.
describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL streaming replica (needs TEST_DATABASE_URL and PostgreSQL server binaries)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-replica-'));
  const procs: ChildProcess[] = [];
  const dataDirs: string[] = [];
  let hubDb: HubDb;
  let platform: Platform;
  let app: ReturnType<typeof createApp>;

  function run(cmd: string, args: string[]) {
    const [c, a] = asPg(path.join(pgBin!, cmd), args);
    const r = spawnSync(c, a, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}${r.stdout}`);
  }
  async function startServer(dataDir: string, port: number) {
    const [c, a] = asPg(path.join(pgBin!, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off']);
    const p = spawn(c, a, { stdio: 'ignore' });
    procs.push(p);
    dataDirs.push(dataDir);
    await waitFor(`postgres on ${port}`, async () => spawnSync(path.join(pgBin!, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0, 60_000);
  }

  beforeAll(async () => {
    if (cannotRun) throw new Error(`TEST_DATABASE_URL is set, so this test must run, but it cannot: ${cannotRun}`);
    if (isRoot) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
    const primaryDir = path.join(dir, 'primary');
    const replicaDir = path.join(dir, 'replica');
    PRIMARY_PORT = await freePort();
    REPLICA_PORT = await freePort();
    run('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    await startServer(primaryDir, PRIMARY_PORT);
    run('createdb', ['-h', '127.0.0.1', '-p', String(PRIMARY_PORT), '-U', 'postgres', 'bazaar']);
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(PRIMARY_PORT), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
    await startServer(replicaDir, REPLICA_PORT);

    const config = testConfig({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${PRIMARY_PORT}/bazaar`,
      DATABASE_READ_URL: `postgres://postgres@127.0.0.1:${REPLICA_PORT}/bazaar`,
    });
    hubDb = createDb(config);
    await migrateToLatest(hubDb.db);
    platform = await createPlatform({ config, db: hubDb.db, readDb: hubDb.readDb, logger: pino({ level: 'silent' }), settings: platformSettings(config, { rollupEveryMs: 0 }), pools: hubDb.pools });
    app = createApp({
      config,
      db: hubDb.db,
      readDb: hubDb.readDb,
      logger: pino({ level: 'silent' }),
      clock: systemClock,
      hlc: new HybridLogicalClock({ node: 'hub', now: () => Date.now() }),
      limiter: platform.limiter,
      platform,
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.close();
    await hubDb?.close();
    // pg_ctl, not a signal to our child: runuser does not pass signals on to the server.
    for (const d of dataDirs.reverse()) {
      try {
        run('pg_ctl', ['stop', '-D', d, '-m', 'fast', '-w']);
      } catch {
        // already stopped
      }
    }
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function call(method: string, p: string, token: string | null, body?: unknown) {
    const res = await app.request(`/api/v1${p}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  it('reads audit search from the streaming replica; a device reads its own push while replay is paused', async () => {
    const health = await call('GET', '/health', null);
    expect(health.body).toMatchObject({ status: 'ok', replica: { status: 'ok', mode: 'streaming' } });

    const admin = (await call('POST', '/auth/register', null, { username: 'owner', name: 'Owner', password: 'a-long-test-password' })).body.token as string;
    const store = (await call('POST', '/stores', admin, { code: 'REP1', name: 'Replica store' })).body;
    const product = (await call('POST', '/products', admin, { sku: 'DAL-1KG', name: 'Dal 1 kg', unit: 'pc', priceMinor: 12000 })).body;
    const kit = { call: (m: string, p: string, token?: string | null, body?: unknown) => call(m, p, token ?? null, body) } as unknown as TestApp;
    const device = await SimDevice.enroll(kit, admin, store.id, 'Counter 1');
    // Everything so far has streamed to the replica.
    await waitFor('the store on the replica', async () => (await call('GET', '/logs?entity=store', admin)).body.items.length === 1);

    await sql`SELECT pg_wal_replay_pause()`.execute(hubDb.readDb);
    try {
      const second = (await call('POST', '/stores', admin, { code: 'REP2', name: 'Second store' })).body;
      // Committed on the primary; the paused replica does not have it, and audit search reads the replica.
      expect(await hubDb.db.selectFrom('stores').select('id').where('id', '=', second.id).executeTakeFirst()).toBeDefined();
      expect((await call('GET', '/logs?entity=store', admin)).body.items).toHaveLength(1);

      device.record('IN', product.id, 9);
      device.record('SALE', product.id, -2);
      await device.pushAll();
      const pages = await device.pullAll();
      expect(pages.flatMap((p) => p.stock).find((s) => s.productId === product.id)?.qty).toBe(7);
    } finally {
      await sql`SELECT pg_wal_replay_resume()`.execute(hubDb.readDb);
    }
    await waitFor('the replica to catch up', async () => (await call('GET', '/logs?entity=store', admin)).body.items.length === 2);
  }, 60_000);
});
