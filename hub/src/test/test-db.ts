import { randomBytes } from 'node:crypto';
import { HybridLogicalClock, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, uuidv7, type Role } from '@bazaar/shared';
import pino from 'pino';
import { createApp } from '../app';
import { hashSecret } from '../auth/password';
import { generateToken, hashToken } from '../auth/tokens';
import { testConfig } from '../config/env';
import { createDb, createPglite, createPgPool, pgliteDb, type HubDb } from '../db/db.factory';
import { migrateToLatest } from '../db/migrate';
import { systemClock, type AppDeps, type Clock } from '../http/app-env';
import { MemoryRateLimiter } from '../http/rate-limiter';

export interface TestDb extends HubDb {
  /** Postgres database name, or 'pglite'. */
  name: string;
  /** Close and, on Postgres, drop the database. */
  destroy(): Promise<void>;
}

/**
 * A freshly migrated database. With TEST_DATABASE_URL: a new Postgres database created for
 * this call and dropped by destroy() (an unreachable server fails the test, it is not skipped).
 * Without it: PGlite in memory.
 */
export async function createTestDb(): Promise<TestDb> {
  // Test infrastructure, not the app: the one other place allowed to read the environment.
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const hubDb = pgliteDb(createPglite(undefined));
    await migrateToLatest(hubDb.db);
    return { ...hubDb, name: 'pglite', destroy: () => hubDb.close() };
  }
  const name = `hub_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = createPgPool(url, 1);
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const hubDb = createDb({ databaseUrl: dbUrl.toString(), databaseReadUrl: undefined, dbPoolSize: 20, dataDir: '' });
  await migrateToLatest(hubDb.db);
  return {
    ...hubDb,
    name,
    async destroy() {
      await hubDb.close();
      const drop = createPgPool(url, 1);
      try {
        // pool.end() resolves before the server has processed every client's goodbye; FORCE
        // would kill those backends mid-close and the dying clients throw 57P01 into the run.
        for (let i = 0; i < 50; i++) {
          const { rows } = await drop.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await drop.end();
      }
    },
  };
}

export const TEST_PASSWORD = 'correct-horse-battery';
let testPasswordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  storeIds: string[];
  token: string;
}

export interface TestAppOptions {
  clock?: Clock;
  config?: Record<string, string>;
}

/** The real app in-process on a fresh database, with quick fixtures. */
export async function createTestApp(opts: TestAppOptions = {}) {
  const testDb = await createTestDb();
  const clock = opts.clock ?? systemClock;
  const deps: AppDeps = {
    config: testConfig(opts.config),
    db: testDb.db,
    readDb: testDb.readDb,
    logger: pino({ level: 'silent' }),
    clock,
    hlc: new HybridLogicalClock({ node: 'hub', now: () => clock.now() }),
    limiter: new MemoryRateLimiter(() => clock.now()),
  };
  const app = createApp(deps);
  let n = 0;

  async function makeUser(role: Role, storeIds: string[] = [], opts2: { expiresAt?: Date; username?: string } = {}): Promise<TestUser> {
    testPasswordHash ??= hashSecret(TEST_PASSWORD);
    const id = uuidv7();
    const username = opts2.username ?? `${role}${++n}-${randomBytes(3).toString('hex')}`;
    await testDb.db
      .insertInto('users')
      .values({ id, username, name: `Test ${role} ${n}`, role, password_hash: await testPasswordHash, pin_hash: null, updated_at: new Date() })
      .execute();
    if (storeIds.length) {
      await testDb.db.insertInto('user_stores').values(storeIds.map((store_id) => ({ store_id, user_id: id }))).execute();
    }
    const token = generateToken('user');
    await testDb.db
      .insertInto('api_tokens')
      .values({
        id: uuidv7(),
        kind: 'user',
        user_id: id,
        device_id: null,
        token_hash: hashToken(token),
        expires_at: opts2.expiresAt ?? new Date(clock.now() + 3600_000),
      })
      .execute();
    return { id, username, role, storeIds, token };
  }

  async function makeStore(code = `S${++n}`): Promise<{ id: string; code: string }> {
    const id = uuidv7();
    await testDb.db.insertInto('stores').values({ id, code, name: `Store ${code}`, region: null, location: null, updated_at: new Date() }).execute();
    return { id, code };
  }

  async function makeProduct(fields: { sku?: string; reorderLevel?: number; unit?: 'pc' | 'g' | 'ml' } = {}) {
    const id = uuidv7();
    const sku = fields.sku ?? `SKU-${++n}`;
    await testDb.db
      .insertInto('products')
      .values({
        id,
        sku,
        barcode: null,
        name: `Product ${sku}`,
        unit: fields.unit ?? 'pc',
        category: 'general',
        supplier_id: null,
        price_minor: 1000,
        cost_minor: 700,
        reorder_level: fields.reorderLevel ?? 5,
        updated_at: new Date(),
      })
      .execute();
    return { id, sku };
  }

  const call = requestJson(app);

  return { app, deps, db: testDb, makeUser, makeStore, makeProduct, call, close: () => testDb.destroy() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * What a counter of today says on every request (sync protocol 3: money in minor-unit names), so
 * a device's reads come back in today's names. A push is left to say what each test chooses (the
 * format of its answer: protocol 1 lists every movement); its answer holds no money either way.
 */
export function todaysProtocol(path: string): Record<string, string> {
  return /\/sync\/push$/.test(path.split('?')[0]!) ? {} : { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };
}

/** app.request with JSON and a bearer token, for any app the tests build. */
export function requestJson(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) {
  return async function call(method: string, path: string, token?: string | null, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(path.startsWith('/api') ? path : `/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...todaysProtocol(path),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are asserted field by field
    return { status: res.status, headers: res.headers, text, body: json as any };
  };
}
