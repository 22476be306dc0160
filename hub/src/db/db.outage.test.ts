import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, waitFor, type HubProcess } from '../platform/platform.test-kit';
import { SimDevice } from '../sync/sync.test-kit';
import { freePort } from '../test/free-port';
import { startPgCluster, type PgCluster } from '../test/pg-cluster';
import type { TestApp } from '../test/test-db';

interface Tally {
  ok: number;
  unavailable: number;
  unavailableWithoutRetryAfter: number;
  network: number;
  other: string[];
}

/**
 * The real hub (`tsx src/main.ts`, no supervisor) on a PostgreSQL cluster of its own, under
 * continuous sync pushes from two counters: its backends are terminated over and over, then the
 * server is stopped with `-m immediate` (a crash: no goodbye to clients) and started again. The
 * process must stay up, answer 503 with Retry-After while the database refuses connections,
 * recover by itself, and end with every pushed movement stored exactly once.
 */
describe.skipIf(!TEST_DATABASE_URL)('hub process through PostgreSQL restarts (needs TEST_DATABASE_URL and PostgreSQL server binaries)', () => {
  let cluster: PgCluster;
  let hub: HubProcess;
  let admin: pg.Pool;

  beforeAll(async () => {
    // With TEST_DATABASE_URL set, missing server binaries fail here: CI must not skip this.
    cluster = await startPgCluster();
    const setup = new pg.Client({ connectionString: cluster.url() });
    await setup.connect();
    await setup.query('CREATE DATABASE bazaar');
    await setup.end();
    admin = new pg.Pool({ connectionString: cluster.url('bazaar'), max: 1, application_name: 'outage-test' });
    admin.on('error', () => undefined); // the test's own connection dies in the restart too
    hub = await startHub(await freePort(), {
      DATABASE_URL: cluster.url('bazaar'),
      DB_POOL_SIZE: '4',
      HUB_MODE: 'development',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANON_PER_MINUTE: '0',
    });
  }, 180_000);

  afterAll(async () => {
    await hub?.stop();
    await admin?.end().catch(() => undefined);
    cluster?.destroy();
  }, 60_000);

  it('stays up, answers 503 while the database is away, recovers by itself, and loses nothing', async () => {
    const base = hub.url;
    const owner = (await api(base, 'POST', '/auth/register', undefined, { username: 'owner', name: 'Owner', password: 'a-long-test-password' })).body.token as string;
    const store = (await api(base, 'POST', '/stores', owner, { code: 'OUT1', name: 'Outage store' })).body;
    const product = (await api(base, 'POST', '/products', owner, { sku: 'ATTA-5KG', name: 'Atta 5 kg', unit: 'pc', priceMinor: 25000 })).body;
    // SimDevice over real HTTP; a connection reset counts as status 0.
    const http = {
      call: async (method: string, p: string, token?: string | null, body?: unknown) => {
        try {
          const res = await api(base, method, p, token ?? undefined, body);
          return { ...res, text: JSON.stringify(res.body) };
        } catch (err) {
          return { status: 0, headers: new Headers(), body: undefined, text: String(err) };
        }
      },
    } as unknown as TestApp;
    const devices = [await SimDevice.enroll(http, owner, store.id, 'Counter 1'), await SimDevice.enroll(http, owner, store.id, 'Counter 2')];
    const tally: Tally = { ok: 0, unavailable: 0, unavailableWithoutRetryAfter: 0, network: 0, other: [] };
    const unavailableAt: number[] = [];

    let running = true;
    async function counter(d: SimDevice) {
      let n = 0;
      while (running) {
        for (let i = 0; i < 10; i++) d.record('IN', product.id, 1 + (n++ % 3));
        while (d.acked < d.log.length) {
          const res = await d.push(d.slice(d.acked + 1, d.acked + 100));
          if (res.status === 200) tally.ok++;
          else if (res.status === 503) {
            tally.unavailable++;
            unavailableAt.push(Date.now());
            if (!res.headers.get('retry-after')) tally.unavailableWithoutRetryAfter++;
          } else if (res.status === 0) tally.network++;
          else tally.other.push(`${res.status} ${res.text.slice(0, 200)}`);
          // A real counter waits Retry-After; the test retries sooner to keep the load on.
          if (res.status !== 200) await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
    const load = devices.map((d) => counter(d));
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(1_000);

    // 1. Terminate every hub backend, 15 times in 3 s, while pushes run.
    let terminated = 0;
    for (let i = 0; i < 15; i++) {
      const { rows } = await admin.query<{ n: number }>(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name LIKE 'bazaar-hub:%'",
      );
      terminated += rows[0]?.n ?? 0;
      await pause(200);
    }
    expect(terminated).toBeGreaterThan(15);
    expect(hub.proc.exitCode).toBeNull();

    // 2. Crash the server (immediate stop), keep it down 3 s, start it again.
    const before503 = tally.unavailable;
    const downAt = Date.now();
    cluster.stop('immediate');
    const healthDown = await waitFor('/health to report the database down', async () => {
      const h = await api(base, 'GET', '/health');
      return h.status === 503 ? h : null;
    });
    expect(healthDown.body).toMatchObject({ database: 'down' });
    expect(healthDown.headers.get('retry-after')).toBeTruthy();
    await pause(Math.max(0, 3_000 - (Date.now() - downAt)));
    const startAt = Date.now();
    cluster.start();
    const serverUpAt = Date.now();
    await waitFor('/health ok again', async () => (await api(base, 'GET', '/health')).status === 200, 30_000);
    const healthyAt = Date.now();
    const okBefore = tally.ok;
    await waitFor('pushes to succeed again', async () => tally.ok > okBefore + 2, 30_000);
    const pushingAt = Date.now();
    expect(tally.unavailable).toBeGreaterThan(before503);

    await pause(1_000);
    running = false;
    await Promise.all(load);

    // The process never died; every movement is stored exactly once; stock is their sum.
    expect(hub.proc.exitCode).toBeNull();
    expect(tally.other).toEqual([]);
    expect(tally.unavailableWithoutRetryAfter).toBe(0);
    const { rows } = await admin.query<{ device_id: string; n: number; ids: number; qty: number }>(
      'SELECT device_id, count(*)::int AS n, count(DISTINCT id)::int AS ids, sum(qty)::int AS qty FROM movements GROUP BY device_id',
    );
    for (const d of devices) {
      const stored = rows.find((r) => r.device_id === d.id);
      expect(stored?.n).toBe(d.log.length);
      expect(stored?.ids).toBe(d.log.length);
      expect(stored?.qty).toBe(d.log.reduce((s, m) => s + m.qty, 0));
    }
    const pushed = devices.reduce((s, d) => s + d.log.reduce((q, m) => q + m.qty, 0), 0);
    const stock = await admin.query<{ qty: number }>('SELECT qty::int AS qty FROM stock WHERE store_id = $1 AND product_id = $2', [store.id, product.id]);
    expect(stock.rows[0]?.qty).toBe(pushed);

    const during = unavailableAt.filter((t) => t >= downAt);
    console.log(
      JSON.stringify({
        movements: devices.map((d) => d.log.length),
        pushes: tally,
        terminatedBackends: terminated,
        serverDownMs: startAt - downAt,
        pgCtlStartMs: serverUpAt - startAt,
        first503AfterStopMs: during.length ? during[0]! - downAt : null,
        last503AfterStartCalledMs: during.length ? during[during.length - 1]! - startAt : null,
        healthyAfterServerUpMs: healthyAt - serverUpAt,
        pushingAfterServerUpMs: pushingAt - serverUpAt,
      }),
    );
  }, 180_000);

  it('a hub started while the database is down waits for it instead of exiting', async () => {
    cluster.stop('fast');
    const env = { DATABASE_URL: cluster.url('bazaar'), HUB_MODE: 'development', HUB_NODE_ID: 'late' };
    // While the server is down, a stand-in on its port drops every connection and counts them: the
    // server is started only once the hub has tried twice (it is waiting, not exiting), without timing.
    let attempts = 0;
    const standIn = createServer((socket) => {
      attempts++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => standIn.listen(cluster.port, '127.0.0.1', resolve));
    // startHub rejects if the process exits before /health answers 200.
    const starting = startHub(await freePort(), env);
    starting.catch(() => undefined);
    await waitFor('the hub to try the database twice', async () => attempts >= 2, 60_000);
    await new Promise<void>((resolve) => standIn.close(() => resolve()));
    cluster.start();
    const late = await starting;
    try {
      expect(late.output()).toContain('database not reachable; retrying');
      expect((await api(late.url, 'GET', '/health')).body).toMatchObject({ database: 'ok' });
    } finally {
      await late.stop();
    }
  }, 120_000);
});
