import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import { routePath } from 'hono/route';
import type { MiddlewareHandler } from 'hono';
import type { HubConfig } from '../config/env';
import type { Database } from '../db/database.types';
import type { AppEnv } from '../http/app-env';
import { evaluateAlerts, evaluateAlertsJob, recordWebhookDeliveries } from '../alerts/alerts.evaluate';
import { deliverWebhook, deliverWebhookJob } from '../alerts/webhook.deliver';
import { MemoryCache } from './cache/memory-cache';
import { RedisCache } from './cache/redis-cache';
import { responseCacheMiddleware } from './cache/response-cache.middleware';
import type { VersionedCache } from './cache/cache.types';
import { MemoryEventBus, type EventBus } from '../events/event-bus';
import { RedisEventBus } from '../events/redis-event-bus';
import type { SseClients } from '../events/sse-clients';
import { runExport, exportJob } from '../exports/export.run';
import { afterWriteMiddleware } from './after-write.middleware';
import { rateLimitMiddleware } from './rate-limit/rate-limit.middleware';
import { BullJobQueue } from './jobs/bullmq-queue';
import { MemoryJobQueue, type JobHandlers, type JobQueue } from './jobs/job-queue';
import { createHubMetrics } from './metrics/hub-metrics';
import { LocalRateLimiter, ResilientRateLimiter, type SharedRateLimiter } from './rate-limit/rate-limiter';
import { createReadRouting } from './read-routing';
import { connectRedis, type RedisConnection } from './redis/redis.connection';
import { recentDays, rollupSales, rollupSalesJob } from '../reports/sales-rollup';
import type { PlatformSettings } from './platform.config';
import type { HealthCheck, Platform, PlatformHealth, StockCommit } from './platform.types';
import { withTimeout } from './with-timeout';

export interface PlatformDeps {
  config: HubConfig;
  db: Kysely<Database>;
  readDb: Kysely<Database>;
  logger: Logger;
  settings: PlatformSettings;
  /** pg pools for pool-usage metrics (absent on PGlite). */
  pools?: { primary?: pg.Pool; replica?: pg.Pool };
  now?: () => number;
}

export async function createPlatform(deps: PlatformDeps): Promise<Platform> {
  const { db, readDb, logger, settings } = deps;
  const now = deps.now ?? (() => Date.now());
  const log = logger.child({ component: 'platform' });
  const redis: RedisConnection | null = settings.redisUrl ? connectRedis(settings.redisUrl, settings.redisKeyPrefix, log) : null;
  if (redis) await waitForFirstConnect(redis, log);

  const limiter: SharedRateLimiter = redis ? new ResilientRateLimiter(redis, now) : new LocalRateLimiter(now);
  const cache: VersionedCache = redis ? new RedisCache(redis, log) : new MemoryCache(5_000, now);
  const events: EventBus = redis ? new RedisEventBus(redis, log) : new MemoryEventBus(10_000, now);
  const reads = createReadRouting({ db, readDb, redis, stickyMs: settings.readYourWritesMs, now });
  const sseClients: SseClients = { count: 0, closing: false, wakers: new Set() };

  let jobs: JobQueue | null = null;
  const metrics = createHubMetrics({
    queue: () => jobs!,
    pools: deps.pools ?? {},
    redisUp: () => (redis ? redis.up() : null),
    sseClients: () => sseClients.count,
  });
  const publish: EventBus['publish'] = async (e) => {
    metrics.eventPublished();
    await events.publish(e);
  };
  const bus: EventBus = {
    publish,
    subscribe: (l) => events.subscribe(l),
    replay: (after, limit) => events.replay(after, limit),
    mode: () => events.mode(),
    close: () => events.close(),
  };

  const handlers: JobHandlers = {
    'evaluate-alerts': async (data) => {
      const { storeIds } = evaluateAlertsJob.parse(data);
      const { raised, closed } = await evaluateAlerts(db, storeIds, new Date(now()));
      for (const a of raised) await publish({ type: 'alert.raised', storeId: a.storeId, data: a });
      for (const a of closed) await publish({ type: 'alert.closed', storeId: a.storeId, data: a });
      const deliveries = await recordWebhookDeliveries(db, raised);
      for (const deliveryId of deliveries) {
        await jobs!.add('deliver-webhook', { deliveryId }, { attempts: settings.webhookAttempts, backoffMs: settings.webhookBackoffMs });
      }
    },
    'deliver-webhook': async (data, ctx) => {
      const { deliveryId } = deliverWebhookJob.parse(data);
      await deliverWebhook(db, deliveryId, ctx, settings.webhookTimeoutMs);
    },
    'rollup-sales': async (data) => {
      const { days } = rollupSalesJob.parse(data);
      await rollupSales(db, days);
    },
    'export-csv': async (data, ctx) => {
      const { exportId } = exportJob.parse(data);
      await runExport({ db, readDb, exportId, final: ctx.final, progress: (p) => publish({ type: 'export.progress', storeId: null, data: p }) });
    },
  };
  jobs = redis ? new BullJobQueue(redis, handlers, log) : new MemoryJobQueue(handlers, log);

  const rollupTimer =
    settings.rollupEveryMs > 0
      ? setInterval(() => void scheduleRollup(), settings.rollupEveryMs).unref()
      : null;
  async function scheduleRollup() {
    // With Redis, one node per period queues the rollup (whoever wins the NX key), not every node.
    if (redis?.up()) {
      const slot = Math.floor(now() / settings.rollupEveryMs);
      const won = await redis.client.set(`rollup:slot:${slot}`, '1', 'PX', settings.rollupEveryMs * 2, 'NX').catch(() => null);
      if (!won) return;
    }
    await jobs!.add('rollup-sales', { days: recentDays(new Date(now())) }, { attempts: 3, backoffMs: 10_000 }).catch(() => undefined);
  }

  const observe: MiddlewareHandler<AppEnv> = async (c, next) => {
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

  async function stockCommitted(commit: StockCommit): Promise<void> {
    try {
      const storeIds = [...new Set(commit.storeIds)];
      metrics.ingest(commit.source === 'sync' ? 'sync' : 'web', commit.movements);
      await cache.bump('stock');
      if (commit.deviceId) await reads.markWrite(commit.deviceId);
      if (commit.movements === 0 || storeIds.length === 0) return;
      for (const storeId of storeIds) {
        const stock = commit.stock?.filter((s) => s.storeId === storeId).slice(0, 500);
        await publish({ type: 'stock.changed', storeId, data: { source: commit.source, movements: commit.movements, stock } });
      }
      await jobs!.add('evaluate-alerts', { storeIds }, { attempts: 3, backoffMs: 1_000 });
    } catch (err) {
      log.error({ err }, 'after-commit work failed (the write itself is committed)');
    }
  }

  async function health(): Promise<PlatformHealth> {
    const [replica, redisCheck, queue, failed] = await Promise.all([
      checkReplica(db, readDb),
      checkRedis(redis),
      (async () => {
        try {
          const counts = await withTimeout(jobs!.counts(), 1_500, 'queue counts');
          const mode = jobs!.mode();
          const status: HealthCheck['status'] = redis && mode !== 'bullmq' ? 'down' : 'ok';
          return { status, mode, counts: { ...counts } };
        } catch (err) {
          return { status: 'down' as const, detail: (err as Error).message };
        }
      })(),
      withTimeout(
        db
          .selectFrom('webhook_deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('state', '=', 'failed')
          .where('updated_at', '>', new Date(now() - 86_400_000))
          .executeTakeFirst(),
        1_500,
        'webhook count',
      ).then(
        (r) => Number(r?.n ?? 0),
        () => null,
      ),
    ]);
    const degraded = replica.status === 'down' || redisCheck.status === 'down' || queue.status === 'down';
    return { checks: { replica, redis: redisCheck, queue, webhooks: { failedLast24h: failed } }, degraded, requiredDown: false };
  }

  return {
    redis,
    limiter,
    cache,
    events: bus,
    get jobs() {
      return jobs!;
    },
    reads,
    metrics,
    observe,
    api: [
      rateLimitMiddleware({ config: deps.config }, limiter, { perTokenPerMinute: settings.perTokenPerMinute, anonPerIpPerMinute: settings.anonPerIpPerMinute }, metrics),
      responseCacheMiddleware(cache, metrics),
      afterWriteMiddleware(stockCommitted),
    ],
    stockCommitted,
    health,
    sseClients,
    endStreams() {
      sseClients.closing = true;
      for (const w of sseClients.wakers) w();
    },
    async close() {
      if (rollupTimer) clearInterval(rollupTimer);
      await jobs!.close();
      await events.close();
      await redis?.close();
    },
  };
}

async function waitForFirstConnect(redis: RedisConnection, log: Logger): Promise<void> {
  // Start serving even if Redis is down (degraded), but give it a moment so a healthy start is not reported degraded.
  const until = Date.now() + 3_000;
  while (!redis.up() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (!redis.up()) log.error('redis not reachable at start; serving on in-process fallbacks until it is');
}

async function checkReplica(db: Kysely<Database>, readDb: Kysely<Database>): Promise<HealthCheck> {
  if (readDb === db) return { status: 'not_configured' };
  const started = performance.now();
  try {
    const { rows } = await withTimeout(
      sql<{ recovery: boolean; lag: number | null }>`
        SELECT pg_is_in_recovery() AS recovery,
               EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp()))::float8 AS lag`.execute(readDb),
      2_000,
      'replica check',
    );
    const r = rows[0];
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: 'ok', latencyMs, mode: r?.recovery ? 'streaming' : 'separate', detail: r?.lag != null ? `replay lag ${r.lag.toFixed(1)} s` : undefined };
  } catch (err) {
    return { status: 'down', detail: (err as Error).message };
  }
}

async function checkRedis(redis: RedisConnection | null): Promise<HealthCheck> {
  if (!redis) return { status: 'not_configured', mode: 'in-process' };
  if (!redis.up()) return { status: 'down', mode: 'in-process fallback' };
  const started = performance.now();
  try {
    await withTimeout(redis.client.ping(), 1_000, 'redis ping');
    return { status: 'ok', mode: 'shared', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { status: 'down', mode: 'in-process fallback', detail: (err as Error).message };
  }
}
