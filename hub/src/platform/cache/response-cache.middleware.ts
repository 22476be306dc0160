import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { visibleStoreIds } from '../../auth/principal';
import type { AppEnv } from '../../http/app-env';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { CacheNamespace, VersionedCache } from './cache.types';

/** GET routes whose JSON answers are cached, and the namespace whose bump invalidates them. */
const CACHED: { prefix: string; ns: CacheNamespace; ttlSeconds: number }[] = [
  { prefix: '/api/v1/stocks/summary', ns: 'stock', ttlSeconds: 60 },
  { prefix: '/api/v1/reports/', ns: 'stock', ttlSeconds: 60 },
];

/** Successful writes under these prefixes change what the cached routes answer. */
const INVALIDATES: { prefix: string; ns: CacheNamespace[] }[] = [
  { prefix: '/api/v1/stock-movements', ns: ['stock'] },
  { prefix: '/api/v1/sync/', ns: ['stock'] },
  { prefix: '/api/v1/products', ns: ['stock', 'catalog'] },
  { prefix: '/api/v1/stores', ns: ['stock', 'catalog'] },
  { prefix: '/api/v1/suppliers', ns: ['stock', 'catalog'] },
  { prefix: '/api/v1/conflicts', ns: ['stock'] },
  { prefix: '/api/v1/dev/', ns: ['stock', 'catalog'] },
];

/**
 * Caches whole JSON answers of read-heavy routes per (path, query, what the caller may see),
 * and bumps namespaces after successful writes. The bump happens after the handler returned,
 * i.e. after its transaction committed and before the client sees the answer, so a client
 * that got its write acknowledged by node A never reads the old value from node B.
 */
export function responseCacheMiddleware(cache: VersionedCache, metrics: HubMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      await next();
      if (c.res.status < 400) {
        const rule = INVALIDATES.find((r) => c.req.path.startsWith(r.prefix));
        if (rule) await cache.bump(...rule.ns);
      }
      return;
    }
    const rule = CACHED.find((r) => c.req.path.startsWith(r.prefix));
    const p = c.get('principal');
    const wantsCsv = (c.req.header('accept') ?? '').includes('text/csv') || c.req.query('format') === 'csv';
    if (!rule || !p || wantsCsv) return next();

    const visible = visibleStoreIds(p);
    const scope = visible === null ? 'all' : [...visible].sort().join(',');
    const url = new URL(c.req.url);
    const query = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const key = createHash('sha256').update(JSON.stringify([url.pathname, query, scope])).digest('base64url');

    const hit = await cache.lookup(rule.ns, key);
    if (hit.value !== null) {
      metrics.cache('hit');
      c.header('X-Cache', 'hit');
      return c.body(hit.value, 200, { 'Content-Type': 'application/json' });
    }
    metrics.cache(hit.version === null ? 'bypass' : 'miss');
    await next();
    c.header('X-Cache', hit.version === null ? 'bypass' : 'miss');
    if (hit.version !== null && c.res.status === 200 && (c.res.headers.get('content-type') ?? '').includes('application/json')) {
      const body = await c.res.clone().text();
      await cache.store(rule.ns, hit.version, key, body, rule.ttlSeconds);
    }
  };
}
