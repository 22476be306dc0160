import { HybridLogicalClock } from '@bazaar/shared';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testConfig } from '../config/env';
import { systemClock } from '../http/app-env';
import { MemoryRateLimiter } from '../http/rate-limiter';
import { TEST_DATABASE_URL, waitFor } from '../platform/platform.test-kit';
import { createTestApp, type TestApp } from '../test/test-db';
import type { Database } from './database.types';
import { isDatabaseUnavailable } from './db-unavailable';
import { createDb, createPgPool, type HubDb } from './db.factory';

function appOn(hubDb: HubDb) {
  return createApp({
    config: testConfig(),
    db: hubDb.db,
    readDb: hubDb.readDb,
    logger: pino({ level: 'silent' }),
    clock: systemClock,
    hlc: new HybridLogicalClock({ node: 'hub', now: () => Date.now() }),
    limiter: new MemoryRateLimiter(),
  });
}

describe('a database that refuses connections', () => {
  // Nothing listens on port 1: every connect fails with ECONNREFUSED, like a stopped server.
  const hubDb = createDb({ databaseUrl: 'postgres://hub@127.0.0.1:1/none', databaseReadUrl: undefined, dbPoolSize: 2, dataDir: '' });
  const app = appOn(hubDb);
  afterAll(() => hubDb.close());

  it('answers 503 with Retry-After, for the API and for /health', async () => {
    const res = await app.request('/api/v1/stock-movements', { headers: { Authorization: 'Bearer bzu_whatever' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    const health = await app.request('/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('2');
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'down', databaseDetail: expect.stringContaining('ECONNREFUSED') });
  });

  it('a replica that refuses connections: its reads (audit search) answer 503, the rest serves', async () => {
    const t = await createTestApp();
    const replica = createPgPool('postgres://hub@127.0.0.1:1/none', 2);
    try {
      const app = createApp({ ...t.deps, readDb: new Kysely<Database>({ dialect: new PostgresDialect({ pool: replica }) }) });
      const admin = await t.makeUser('admin');
      const logs = await app.request('/api/v1/logs', { headers: { Authorization: `Bearer ${admin.token}` } });
      expect(logs.status).toBe(503);
      expect(logs.headers.get('retry-after')).toBe('2');
      expect((await app.request('/api/v1/stores', { headers: { Authorization: `Bearer ${admin.token}` } })).status).toBe(200);
    } finally {
      await replica.end();
      await t.close();
    }
  });

  it('classifies connection-class errors only', () => {
    for (const code of ['08006', '08001', '08003', '57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]))).toBe(true);
    for (const code of ['22P02', '23505', '40001', '42P01', undefined]) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(false);
    }
  });
});

/**
 * pg_terminate_backend on the hub's own connections, idle and checked out, primary and replica
 * pool. Without the handlers in createPgPool the dying client's 'error' event has no listener:
 * an uncaught exception, which fails this run (and kills a real hub process).
 */
describe.skipIf(!TEST_DATABASE_URL)('pooled PostgreSQL connections terminated (needs TEST_DATABASE_URL)', () => {
  let t: TestApp;
  let hubDb: HubDb;
  let admin: pg.Pool;
  const lost: { pool: string; message: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${t.db.name}`;
    // Primary and replica pools on the same database, told apart by application_name.
    hubDb = createDb(
      { databaseUrl: url.toString(), databaseReadUrl: url.toString(), dbPoolSize: 4, dataDir: '' },
      { onConnectionError: (pool, err) => lost.push({ pool, message: err.message }) },
    );
    admin = createPgPool(TEST_DATABASE_URL!, 1, { name: 'connection-loss-test' });
  }, 60_000);

  afterAll(async () => {
    await hubDb?.close();
    await admin?.end();
    await t?.close();
  });

  const terminate = async (appName: string) => {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
      [t.db.name, appName],
    );
    return rows[0]?.n ?? 0;
  };

  it('drops idle connections of both pools when their backends are terminated, and reconnects on the next query', async () => {
    const { primary, replica } = hubDb.pools!;
    // Open several connections in each pool, then leave them idle.
    await Promise.all([...Array(4)].flatMap(() => [sql`SELECT pg_sleep(0.05)`.execute(hubDb.db), sql`SELECT pg_sleep(0.05)`.execute(hubDb.readDb)]));
    expect(primary.idleCount).toBe(4);
    expect(replica!.idleCount).toBe(4);

    // The test kit's own pool (same database, same name) loses its connection too.
    expect(await terminate('bazaar-hub:primary')).toBeGreaterThanOrEqual(4);
    expect(await terminate('bazaar-hub:replica')).toBe(4);
    await waitFor('the pools to drop the dead connections', async () => primary.totalCount === 0 && replica!.totalCount === 0);
    expect(new Set(lost.map((l) => l.pool))).toEqual(new Set(['primary', 'replica']));
    expect(lost.every((l) => /terminating connection|Connection terminated/.test(l.message))).toBe(true);

    const store = await t.makeStore();
    const app = appOn(hubDb);
    const user = await t.makeUser('admin');
    const product = await t.makeProduct();
    const res = await app.request('/api/v1/stock-movements', {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ storeId: store.id, productId: product.id, kind: 'IN', qty: 4 }),
    });
    expect(res.status).toBe(201);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM movements`.execute(hubDb.readDb)).rows[0]?.n).toBe(1);
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });

  it('survives a checked-out connection dying between two queries of a transaction; the request fails as unavailable', async () => {
    lost.length = 0;
    const failed = await hubDb.db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        // The client is checked out and idle: the pool's idle listener is not attached to it now.
        await waitFor('the client to see its connection die', async () => lost.length > 0);
        await sql`SELECT 1`.execute(trx);
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failed).not.toBeNull();
    expect(isDatabaseUnavailable(failed)).toBe(true);
    expect(lost[0]?.pool).toBe('primary');
    // The broken client was not put back: the next query gets a working one.
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(hubDb.db)).rows[0]?.one).toBe(1);
  });
});
