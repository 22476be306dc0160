import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropPrefix, requireRedis, uniquePrefix } from '../../src/platform/platform.test-kit';
import { freePort } from '../../src/test/free-port';
import { createTestDb } from '../../src/test/test-db';
import type { HubDb } from '../../src/db/db.factory';
import { webDir } from './harness';

export interface RealHub {
  url: string;
  output: () => string;
  close(): Promise<void>;
}

/**
 * The hub for the browser tests, as it really starts: `src/main.ts` in its own process (the
 * same composition: response cache, rate limits, admission control, events, jobs), serving
 * the SPA built for this run (WEB_DIST_DIR). On a fresh PostgreSQL database with
 * TEST_DATABASE_URL (else embedded PGlite in a temp directory), and on Redis under a prefix
 * of its own with TEST_REDIS_URL (else the in-process platform), as in production.
 */
export async function startRealHub(opts: { distDir: string; prepareDb?: (db: HubDb) => Promise<void>; port?: number }): Promise<RealHub> {
  // Test infrastructure, not the app: allowed to read the environment.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    PORT: String(opts.port ?? (await freePort())),
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: opts.distDir,
  };
  const cleanups: (() => Promise<void> | void)[] = [];
  if (process.env.TEST_DATABASE_URL) {
    const db = await createTestDb();
    cleanups.push(() => db.destroy());
    // Filled before the hub starts (a generated chain), so its caches and counters start from it.
    await opts.prepareDb?.(db);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${db.name}`;
    env.DATABASE_URL = url.toString();
  } else {
    if (opts.prepareDb) throw new Error('a prepared database needs TEST_DATABASE_URL (PostgreSQL)');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bazaar-web-e2e-hub-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    env.DATA_DIR = dataDir;
  }
  if (process.env.TEST_REDIS_URL) {
    const redis = await requireRedis(process.env.TEST_REDIS_URL);
    const prefix = uniquePrefix('web-e2e');
    cleanups.push(async () => {
      await dropPrefix(redis, prefix);
      redis.disconnect();
    });
    env.REDIS_URL = process.env.TEST_REDIS_URL;
    env.REDIS_KEY_PREFIX = prefix;
  }

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: path.join(webDir, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  // Once, whoever asks first (a test that stops the hub, then the suite's afterAll).
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      for (const c of cleanups.reverse()) await c();
    })());
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (b: Buffer) => {
        out += b.toString();
        const m = /hub listening on (http:\/\/[^"\s]+)/.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => reject(new Error(`the hub exited with ${child.exitCode} before it listened:\n${out}`)));
    });
    return { url, output: () => out, close };
  } catch (err) {
    await close();
    throw err;
  }
}
