import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../http/app-env';
import { withTimeout } from '../platform/with-timeout';

/** A health check must answer the load balancer quickly even when the database host does not. */
const DB_CHECK_TIMEOUT_MS = 2_000;

export function createHealthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/health', async (c) => {
    const started = performance.now();
    let database: 'ok' | 'down' = 'ok';
    let databaseDetail: string | undefined;
    try {
      await withTimeout(sql`SELECT 1`.execute(deps.db), DB_CHECK_TIMEOUT_MS, 'database check');
    } catch (err) {
      database = 'down';
      databaseDetail = (err as Error).message;
    }
    const body = {
      status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
      database,
      ...(databaseDetail ? { databaseDetail } : {}),
      dbLatencyMs: Math.round((performance.now() - started) * 10) / 10,
      time: new Date(deps.clock.now()).toISOString(),
    };
    // While the primary is down the node answers 503 (the LB takes it out); it recovers by itself.
    if (database === 'down') c.header('Retry-After', '2');
    // Replica, Redis, queue and failed webhooks (src/platform); optional parts degrade, they do not 503.
    const platform = await deps.platform?.health();
    if (platform) {
      const up = database === 'ok' && !platform.requiredDown;
      return c.json({ ...body, ...platform.checks, status: up && !platform.degraded ? ('ok' as const) : ('degraded' as const) }, up ? 200 : 503);
    }
    return c.json(body, database === 'ok' ? 200 : 503);
  });
}
