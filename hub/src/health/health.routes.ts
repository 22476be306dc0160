import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { withTimeout } from '../platform/with-timeout';

/** A health check must answer the load balancer quickly even when the database host does not. */
const DB_CHECK_TIMEOUT_MS = 2_000;

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'down']), dbLatencyMs: z.number(), time: z.string() }).loose();
const health = route({
  summary: 'Liveness and database check (503 while the primary database is down)',
  tag: 'ops',
  public: true,
  responses: { 200: healthSchema, 503: { description: 'Degraded: the database (or a required platform part) is down', schema: healthSchema } },
});

export function createHealthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/health', health, async (c) => {
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
