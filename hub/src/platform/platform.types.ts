import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { VersionedCache } from './cache/cache.types';
import type { EventBus } from '../events/event-bus';
import type { SseClients } from '../events/sse-clients';
import type { JobQueue } from './jobs/job-queue';
import type { HubMetrics } from './metrics/hub-metrics';
import type { SharedRateLimiter } from './rate-limit/rate-limiter';
import type { RedisConnection } from './redis/redis.connection';

/** What a write path reports after its transaction committed. */
export interface StockCommit {
  source: 'sync' | 'web' | 'job';
  storeIds: readonly string[];
  /** Movements newly stored by this commit (duplicates excluded). */
  movements: number;
  /** For a sync push: the pushing device. */
  deviceId?: string;
  /** Products whose stock changed (alerts are re-evaluated for these only); absent: the whole store. */
  productIds?: readonly string[];
  /** Stock rows after the change, for live dashboards (optional; events carry what is given). */
  stock?: readonly { storeId: string; productId: string; qty: number; reorderLevel: number }[];
}

export interface HealthCheck {
  status: 'ok' | 'down' | 'not_configured';
  latencyMs?: number;
  mode?: string;
  detail?: string;
}

export interface PlatformHealth {
  checks: {
    replica: HealthCheck;
    redis: HealthCheck;
    queue: HealthCheck & { counts?: Record<string, number> };
    webhooks: { failedLast24h: number | null };
  };
  /** Something optional is down: serving, but on fallbacks. */
  degraded: boolean;
  /** Something required is down: answer 503 so a load balancer takes this node out. */
  requiredDown: boolean;
}

/**
 * Stage-3 services of one hub node: shared rate limits, cache, live events, background jobs,
 * metrics. In-process implementations without REDIS_URL; Redis-backed with it,
 * falling back in-process (degraded, reported by /health) while Redis is unreachable.
 */
export interface Platform {
  redis: RedisConnection | null;
  limiter: SharedRateLimiter;
  cache: VersionedCache;
  events: EventBus;
  jobs: JobQueue;
  metrics: HubMetrics;
  /** For app.use('*'): request rate and latency by route. */
  observe: MiddlewareHandler<AppEnv>;
  /** For app.use('/api/*') after authentication: throttling, then the response cache. */
  api: MiddlewareHandler<AppEnv>[];
  /** Call after a transaction that stored movements committed. Never throws. */
  stockCommitted(commit: StockCommit): Promise<void>;
  health(): Promise<PlatformHealth>;
  sseClients: SseClients;
  /** First step of shutdown: end live-event streams so the HTTP server can drain. */
  endStreams(): void;
  /** Graceful shutdown: drain jobs, close streams and connections. */
  close(): Promise<void>;
}
