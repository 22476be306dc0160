import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '@bazaar/shared';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface HubProcess {
  url: string;
  /** The hub's PostgreSQL database (null on embedded PGlite), for tests that play a restore. */
  databaseUrl: string | null;
  /** Call the hub's REST API as a signed-in user. */
  api: <T>(method: string, path: string, body?: unknown, token?: string) => Promise<T>;
  stop: () => Promise<void>;
}

/**
 * The real hub as a separate process (`hub/src/main.ts`), on a fresh PostgreSQL database
 * when TEST_DATABASE_URL is set (created here, dropped on stop; unreachable = failure),
 * else on embedded PGlite in a temp directory.
 */
export async function startHub(port: number, testDatabaseUrl: string | undefined): Promise<HubProcess> {
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  let dropDb: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (testDatabaseUrl) {
    const name = `bazaar_desktop_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(testDatabaseUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'bazaar-hub-'));
    env.DATA_DIR = dataDir;
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;

  // Embedded PGlite initialises a fresh directory slowly on a busy machine.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}:\n${log}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hub did not become healthy in 240 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const api = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      // A device token reads as a counter of today (protocol 3: money in minor-unit names); a push keeps protocol 1's answer.
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(path.startsWith('/sync/push') ? {} : { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await dropDb?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, databaseUrl: env.DATABASE_URL ?? null, api, stop };
}
