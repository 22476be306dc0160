import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../http/app-env';

export function createHealthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/health', async (c) => {
    const started = performance.now();
    let database: 'ok' | 'down' = 'ok';
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch {
      database = 'down';
    }
    const body = {
      status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
      database,
      dbLatencyMs: Math.round((performance.now() - started) * 10) / 10,
      time: new Date(deps.clock.now()).toISOString(),
    };
    // Replica, Redis, queue and failed webhooks (src/platform); optional parts degrade, they do not 503.
    const platform = await deps.platform?.health();
    if (platform) {
      const up = database === 'ok' && !platform.requiredDown;
      return c.json({ ...body, ...platform.checks, status: up && !platform.degraded ? ('ok' as const) : ('degraded' as const) }, up ? 200 : 503);
    }
    return c.json(body, database === 'ok' ? 200 : 503);
  });
}
