import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { repoRoot, tsxBin } from './paths';
import { startProcess, type Proc } from './processes';
import { SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '@bazaar/shared';

/**
 * A real hub as its own process. With TEST_DATABASE_URL: on a fresh PostgreSQL database
 * created for this run and dropped afterwards (an unreachable server fails the test).
 * Without it: on embedded PGlite in a temp directory.
 */
export interface HubDatabase {
  env: NodeJS.ProcessEnv;
  drop: () => Promise<void>;
}

export async function createHubDatabase(): Promise<HubDatabase> {
  // Test infrastructure reads the environment, as the hub's own tests do.
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bazaar-hub-e2e-'));
    return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `counter_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: dbUrl.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function startHub(opts: { port: number; db: HubDatabase }): Promise<Proc & { url: string }> {
  const proc = await startProcess(tsxBin, ['src/main.ts'], {
    cwd: join(repoRoot, 'hub'),
    env: { ...process.env, ...opts.db.env, PORT: String(opts.port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    ready: /hub listening on (http:\/\/[^"\s]+)/,
    timeoutMs: 120_000,
  });
  return { ...proc, url: `http://127.0.0.1:${opts.port}` };
}

/** Minimal typed calls to the hub's REST API for arranging a store and checking its stock. */
export function hubClient(baseUrl: string) {
  let token: string | null = null;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(path.startsWith('/sync/push') ? {} : { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`hub ${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    call,
    async signInAsOwner(): Promise<void> {
      const cred = { username: 'owner', password: 'correct-horse-battery-staple' };
      await call('POST', '/auth/register', { ...cred, name: 'Shop Owner' });
      token = (await call<{ token: string }>('POST', '/auth/login', cred)).token;
    },
  };
}
