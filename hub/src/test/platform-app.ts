import pino from 'pino';
import { createApp } from '../app';
import { createPlatform } from '../platform/platform.factory';
import { platformSettings } from '../platform/platform.config';
import type { Platform } from '../platform/platform.types';
import { createTestApp, type TestApp, type TestAppOptions } from './test-db';

export interface PlatformTestApp extends TestApp {
  platform: Platform;
}

/**
 * The test app with its in-process platform services (response cache, live events, jobs): the
 * shape a hub node runs in, for tests of what those services add (cache, events, limits).
 */
export async function createPlatformTestApp(opts: TestAppOptions = {}): Promise<PlatformTestApp> {
  const t = await createTestApp(opts);
  const platform = await createPlatform({
    config: t.deps.config,
    db: t.deps.db,
    readDb: t.deps.readDb,
    logger: pino({ level: 'silent' }),
    settings: platformSettings({ redisUrl: undefined }, { rollupEveryMs: 0, perTokenPerMinute: 0, anonPerIpPerMinute: 0 }),
    now: () => t.deps.clock.now(),
  });
  const app = createApp({ ...t.deps, limiter: platform.limiter, platform });
  async function call(method: string, path: string, token?: string | null, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(path.startsWith('/api') ? path : `/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
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
  }
  return {
    ...t,
    app,
    platform,
    call,
    async close() {
      await platform.close();
      await t.close();
    },
  };
}
