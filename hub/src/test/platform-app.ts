import pino from 'pino';
import { createApp } from '../app';
import { createPlatform } from '../platform/platform.factory';
import { platformSettings } from '../platform/platform.config';
import type { Platform } from '../platform/platform.types';
import { createTestApp, requestJson, type TestApp, type TestAppOptions } from './test-db';

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
