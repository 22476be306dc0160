import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { createAlertsRoutes } from '../alerts/alerts.routes';
import { createEventsRoutes } from '../events/events.routes';
import { createExportsRoutes } from '../exports/exports.routes';
import { createSavedViewsRoutes } from '../views/views.routes';

const metrics = route({
  summary: 'Prometheus metrics of this node (admin)',
  tag: 'ops',
  responses: { 200: { description: 'Prometheus text format', mediaType: 'text/plain', schema: z.string() } },
});

/** /events, /metrics, /alerts, /exports, /saved-views: mounted at /api/v1 (only when the hub runs with its platform services). */
export function createPlatformRoutes(deps: AppDeps) {
  const platform = deps.platform;
  if (!platform) return new Hono<AppEnv>();
  return new Hono<AppEnv>()
    .route('/', createEventsRoutes(deps, platform.events, platform.sseClients))
    .get('/metrics', metrics, async (c) => {
      // Operators scrape with an admin token; store counts and latencies are not for everyone.
      requireUser(c, ['admin']);
      return c.body(await platform.metrics.registry.metrics(), 200, { 'Content-Type': platform.metrics.registry.contentType });
    })
    .route('/alerts', createAlertsRoutes(deps, platform.events))
    .route('/exports', createExportsRoutes(deps, () => platform.jobs))
    .route('/saved-views', createSavedViewsRoutes(deps, () => platform.jobs));
}
