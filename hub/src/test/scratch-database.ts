import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** One statement on its own connection: for tests that look behind a hub process's back. */
export async function sqlOn<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops it even while hubs are still connected. */
  drop(): Promise<void>;
}

/** A new empty database on the server of `serverUrl`, for a test that starts its own hubs or migrator. */
export async function createScratchDatabase(serverUrl: string, what: string): Promise<ScratchDatabase> {
  const name = `hub_${what}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  await sqlOn(serverUrl, `CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString(), drop: async () => void (await sqlOn(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
}

/**
 * A scratch database made before the file's tests and dropped after them (call it first in the
 * describe: its afterAll then runs last, after the hubs on it have stopped).
 */
export function useScratchDatabase(serverUrl: string | undefined, what: string) {
  let db: ScratchDatabase | undefined;
  const made = () => {
    if (!db) throw new Error('the scratch database is made in beforeAll');
    return db;
  };
  beforeAll(async () => {
    if (!serverUrl) throw new Error('a scratch database needs TEST_DATABASE_URL');
    db = await createScratchDatabase(serverUrl, what);
  });
  afterAll(async () => {
    await db?.drop();
  }, 60_000);
  return {
    get name() {
      return made().name;
    },
    get url() {
      return made().url;
    },
    sql: <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sqlOn<R>(made().url, text, params),
  };
}

/**
 * A session holding a device's row lock until release(): that device's push waits on it inside
 * its transaction, so a test can prove a push is in flight (see waitForLockWait).
 */
export async function holdDeviceRow(url: string, deviceId: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query('SELECT 1 FROM devices WHERE id = $1 FOR UPDATE', [deviceId]);
  return {
    /** Ends the lock: `COMMIT` (nothing was written) or `ROLLBACK`. */
    async release(how: 'COMMIT' | 'ROLLBACK' = 'ROLLBACK') {
      await c.query(how);
      await c.end();
    },
  };
}

/** Some session of database `name` waits on a lock (a held push is inside its transaction). */
export async function someoneWaitsOnLock(url: string, name: string): Promise<boolean> {
  const [r] = await sqlOn<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [name]);
  return (r?.n ?? 0) > 0;
}
