import { DomainError } from '@bazaar/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/route-helpers';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { SharedRateLimiter } from './rate-limiter';

export interface ApiLimits {
  /** Requests per minute per API token (user or device); 0 turns the limit off. */
  perTokenPerMinute: number;
  /** Requests per minute per client IP without a token. */
  anonPerIpPerMinute: number;
}

const MINUTE = 60_000;
/** Probes and long-lived streams: a load balancer polling /health must never be throttled. */
const EXEMPT = new Set(['/api/v1/health', '/api/v1/metrics', '/api/v1/events']);

/**
 * Throttles every API request per token, or per IP without one, on the limiter all nodes
 * share. Answers with RateLimit-* headers (IETF draft) and, on 429, Retry-After.
 */
export function rateLimitMiddleware(
  deps: Pick<AppDeps, 'config'>,
  limiter: SharedRateLimiter,
  limits: ApiLimits,
  metrics: HubMetrics,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (EXEMPT.has(c.req.path) || c.req.method === 'OPTIONS') return next();
    const p = c.get('principal');
    const [key, limit] = p
      ? [p.kind === 'user' ? `api:token:${p.tokenId}` : `api:device:${p.id}`, limits.perTokenPerMinute]
      : [`api:ip:${clientIp(c, deps) ?? 'unknown'}`, limits.anonPerIpPerMinute];
    if (limit <= 0) return next();
    const r = await limiter.consume(key, limit, MINUTE);
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(r.remaining));
    c.header('RateLimit-Reset', String(r.resetSeconds));
    c.header('RateLimit-Policy', `${limit};w=60`);
    if (!r.allowed) {
      metrics.rateLimited();
      throw new DomainError('RATE_LIMITED', `too many requests; try again in ${r.retryAfterSeconds} s`, {
        retryAfterSeconds: r.retryAfterSeconds,
        limit,
        windowSeconds: 60,
      });
    }
    return next();
  };
}
