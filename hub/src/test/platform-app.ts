import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../app';
import { createPlatform } from '../platform/platform.factory';
import { platformSettings, type PlatformSettings } from '../platform/platform.config';
import type { Platform } from '../platform/platform.types';
import { createTestApp, requestJson, type TestApp, type TestAppOptions } from './test-db';

export interface PlatformTestApp extends TestApp {
  platform: Platform;
}

/** Platform services as a test wants them: on a Redis (else in-process), and settings of its own. */
export interface PlatformTestOptions {
  redisUrl?: string | undefined;
  /** Over the hub's defaults; without any, rate limits are off so tests need not count requests. */
  settings?: Partial<PlatformSettings>;
}

/**
 * The test app with its platform services (response cache, live events, jobs, limits): the
 * shape a hub node runs in, for tests of what those services add. No periodic rollups.
 */
export async function createPlatformTestApp(opts: TestAppOptions = {}, services: PlatformTestOptions = {}): Promise<PlatformTestApp> {
  const t = await createTestApp(opts);
  const overrides = services.settings ?? { perTokenPerMinute: 0, anonPerIpPerMinute: 0 };
  const platform = await createPlatform({
    config: t.deps.config,
    db: t.deps.db,
    readDb: t.deps.readDb,
    logger: pino({ level: 'silent' }),
    settings: platformSettings({ redisUrl: services.redisUrl }, { rollupEveryMs: 0, reportScheduleEveryMs: 0, ...overrides }),
    now: () => t.deps.clock.now(),
  });
  const app = createApp({ ...t.deps, limiter: platform.limiter, platform });
  const call = requestJson(app);
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

/** A platform test app made before the file's tests and closed after them; `ready` hands it to the file. */
export function usePlatformTestApp(ready: (t: PlatformTestApp) => void, services: PlatformTestOptions = {}, opts: TestAppOptions = {}): void {
  let t: PlatformTestApp | undefined;
  beforeAll(async () => {
    t = await createPlatformTestApp(opts, services);
    ready(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);
}
