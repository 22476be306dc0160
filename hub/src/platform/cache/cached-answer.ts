import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { visibleStoreIds, type Principal } from '../../auth/principal';
import type { AppEnv } from '../../http/app-env';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { CacheNamespace, VersionedCache } from './cache.types';

/** A route's cache policy, declared once where the route is. */
export interface CachePolicy {
  ns: CacheNamespace;
  ttlSeconds: number;
}

export interface CacheServices {
  cache: VersionedCache;
  metrics: HubMetrics;
}

/** JSON with sorted keys: the same parsed query always gives the same key. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * A route's JSON answer from the cache, or computed and stored. Called by the handler *after*
 * it authorised the caller and parsed the query, so a cached answer can only reach a principal
 * the route itself accepted; the key holds everything that shapes the answer: the route, the
 * principal's kind and role, the stores it sees, and the parsed query (defaults included).
 */
export async function cachedAnswer(
  c: Context<AppEnv>,
  services: CacheServices | undefined,
  policy: CachePolicy,
  who: Principal,
  query: unknown,
  compute: () => Promise<Response>,
): Promise<Response> {
  if (!services) return compute();
  const visible = visibleStoreIds(who);
  const scope = visible === null ? 'all' : [...visible].sort().join(',');
  const role = who.kind === 'user' ? who.role : 'device';
  const key = createHash('sha256').update(stable([c.req.path, who.kind, role, scope, query])).digest('base64url');

  const hit = await services.cache.lookup(policy.ns, key);
  if (hit.value !== null) {
    services.metrics.cache('hit');
    c.header('X-Cache', 'hit');
    return c.body(hit.value, 200, { 'Content-Type': 'application/json' });
  }
  services.metrics.cache(hit.version === null ? 'bypass' : 'miss');
  c.header('X-Cache', hit.version === null ? 'bypass' : 'miss');
  const res = await compute();
  if (hit.version !== null && res.status === 200 && (res.headers.get('content-type') ?? '').includes('application/json')) {
    await services.cache.store(policy.ns, hit.version, key, await res.clone().text(), policy.ttlSeconds);
  }
  return res;
}
