import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env';
import type { CacheNamespace, VersionedCache } from './cache.types';

/** Successful writes under these prefixes change what the cached routes answer. */
const INVALIDATES: { prefix: string; ns: CacheNamespace[] }[] = [
  { prefix: '/api/v1/stock-movements', ns: ['stock'] },
  { prefix: '/api/v1/sync/', ns: ['stock'] },
  { prefix: '/api/v1/products', ns: ['stock', 'catalog'] },
  { prefix: '/api/v1/stores', ns: ['stock', 'catalog'] },
  { prefix: '/api/v1/suppliers', ns: ['stock', 'catalog'] },
  { prefix: '/api/v1/conflicts', ns: ['stock'] },
  // Enrolling or revoking a counter changes the Overview's counter counts.
  { prefix: '/api/v1/devices', ns: ['stock'] },
  { prefix: '/api/v1/dev/', ns: ['stock', 'catalog'] },
];

/**
 * Bumps cache namespaces after successful writes. The bump happens after the handler returned,
 * i.e. after its transaction committed and before the client sees the answer, so a client
 * that got its write acknowledged by node A never reads the old value from node B.
 *
 * Lookups are not here: a middleware runs before the route's role check, so a cached answer
 * would reach principals the route refuses. Routes call cachedAnswer (cached-answer.ts) after
 * authorising the caller.
 */
export function responseCacheMiddleware(cache: VersionedCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
    const rule = INVALIDATES.find((r) => c.req.path.startsWith(r.prefix));
    if (rule) await cache.bump(...rule.ns);
  };
}
