import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { todaysProtocol } from '../test/test-db';

// Test infrastructure, not the app: allowed to read the environment (like test/test-db.ts).
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function uniquePrefix(what: string): string {
  return `test:${what}:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;
}

/** Connects or throws: a set but unreachable TEST_REDIS_URL must fail the test, never skip it. */
export async function requireRedis(url: string): Promise<Redis> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000, retryStrategy: () => null });
  r.on('error', () => undefined); // connect() rejects with the same error
  await r.connect();
  await r.ping();
  return r;
}

/** Deletes every key under prefix (tests share the CI Redis database). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface HubProcess {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** A real `tsx src/main.ts` on a port of ours, ready when /health answers. */
export async function startHub(port: number, env: Record<string, string>): Promise<HubProcess> {
  const tsx = [path.join(hubDir, 'node_modules/.bin/tsx'), path.join(hubDir, '../node_modules/.bin/tsx')].find((p) => existsSync(p)) ?? 'tsx';
  const proc = spawn(tsx, ['src/main.ts'], {
    cwd: hubDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.on('error', (err) => (out += `spawn failed: ${err.message}\n`));
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      `hub on ${port}`,
      async () => {
        if (proc.exitCode !== null) throw new Error(`hub exited: ${out}`);
        return (await fetch(`${url}/api/v1/health`)).status === 200;
      },
      60_000,
    );
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${out}`);
  }
  return {
    url,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/** JSON over HTTP with a bearer token. */
export async function api(base: string, method: string, p: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${p}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...todaysProtocol(p) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are asserted field by field
  return { status: res.status, headers: res.headers, body: json as any };
}

/**
 * A key prefix of the file's own on the test Redis (which must answer: a set TEST_REDIS_URL never
 * skips), its keys deleted after the file's tests.
 */
export function useRedisPrefix(what: string) {
  const prefix = uniquePrefix(what);
  let redis: Redis | undefined;
  beforeAll(async () => {
    if (!TEST_REDIS_URL) throw new Error('a Redis key prefix needs TEST_REDIS_URL');
    redis = await requireRedis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    if (!redis) return;
    await dropPrefix(redis, prefix);
    redis.disconnect();
  }, 30_000);
  return {
    prefix,
    get client(): Redis {
      if (!redis) throw new Error('the Redis client connects in beforeAll');
      return redis;
    },
  };
}
