import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../../http/app-env';
import type { HubMetrics } from './hub-metrics';

/** For app.use('*'): request rate and latency by route pattern (never by raw path). */
export function observeRequests(metrics: HubMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A live-event stream lasts minutes: it would only distort the latency histogram.
    if (c.req.path === '/api/v1/events') return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      // After next(), the route index points at the handler that answered (not the last one matched).
      const route = c.req.path.startsWith('/api/') ? routePath(c) : 'static';
      metrics.request(c.req.method, route, c.res.status, (performance.now() - started) / 1000);
    }
  };
}
