import { Hono } from 'hono';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { createAlertsRoutes } from './alerts/alerts.routes';
import { createEventsRoutes } from './events/events.routes';
import { createExportsRoutes } from './exports/exports.routes';

/** /events, /metrics, /alerts, /exports: mounted at /api/v1 (only when the hub runs with its scale services). */
export function createScaleRoutes(deps: AppDeps) {
  const scale = deps.scale;
  if (!scale) return new Hono<AppEnv>();
  return new Hono<AppEnv>()
    .route('/', createEventsRoutes(deps, scale.events, scale.sseClients))
    .get('/metrics', async (c) => {
      // Operators scrape with an admin token; store counts and latencies are not for everyone.
      requireUser(c, ['admin']);
      return c.body(await scale.metrics.registry.metrics(), 200, { 'Content-Type': scale.metrics.registry.contentType });
    })
    .route('/alerts', createAlertsRoutes(deps, scale.events))
    .route('/exports', createExportsRoutes(deps, () => scale.jobs));
}
