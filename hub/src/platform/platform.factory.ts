import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/env';
import type { Database } from '../db/database.types';
import { MemoryCache } from './cache/memory-cache';
import { RedisCache } from './cache/redis-cache';
import { responseCacheMiddleware } from './cache/response-cache.middleware';
import type { VersionedCache } from './cache/cache.types';
import { MemoryEventBus, type EventBus } from '../events/event-bus';
import { RedisEventBus } from '../events/redis-event-bus';
import type { SseClients } from '../events/sse-clients';
import { afterWriteMiddleware } from './after-write.middleware';
import { rateLimitMiddleware } from './rate-limit/rate-limit.middleware';
import { BullJobQueue } from './jobs/bullmq-queue';
import { MemoryJobQueue, type JobQueue } from './jobs/job-queue';
import { createHubMetrics } from './metrics/hub-metrics';
import { observeRequests } from './metrics/observe.middleware';
import { createJobHandlers } from './platform.jobs';
import { platformHealth } from './platform.health';
import { LocalRateLimiter, ResilientRateLimiter, type SharedRateLimiter } from './rate-limit/rate-limiter';
import { connectRedis, type RedisConnection } from './redis/redis.connection';
import { rollupDaysAt } from '../reports/sales-rollup';
import type { PlatformSettings } from './platform.config';
import { requeueStranded, runDueSchedules } from '../views/views.schedule';
import type { Platform, StockCommit } from './platform.types';

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

  const handlers = createJobHandlers({ db, readDb, settings, publish, jobs: () => jobs!, now });
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
    const days = rollupDaysAt(new Date(now()), settings.rollupEveryMs);
    await jobs!.add('rollup-sales', { days }, { attempts: 3, backoffMs: 10_000 }).catch(() => undefined);
    // The daily settling run also rebuilds every store's moving-average costs from its log (after
    // an upgrade, the first one fills product_costs; writes keep what they touch current between)
    // and re-evaluates every store's alerts (what expires changes with the day).
    if (days.length > 3) await scheduleCosts().catch((err: unknown) => log.error({ err }, 'could not queue the cost rollup'));
  }
  async function scheduleCosts() {
    const stores = (await db.selectFrom('stores').select('id').orderBy('id').execute()).map((s) => s.id);
    for (let i = 0; i < stores.length; i += 500) {
      await jobs!.add('rollup-costs', { storeIds: stores.slice(i, i + 500) }, { attempts: 3, backoffMs: 10_000 });
      // Batches expire with the passing days, not only with writes: every store's alerts once a day.
      await jobs!.add('evaluate-alerts', { storeIds: stores.slice(i, i + 500) }, { attempts: 3, backoffMs: 10_000 });
    }
  }

  // Anchor every store's audit head into the hub chain on the same kind of timer (audit/audit.anchor.ts).
  const anchorTimer =
    settings.auditAnchorEveryMs > 0 ? setInterval(() => void scheduleAnchor(), settings.auditAnchorEveryMs).unref() : null;
  async function scheduleAnchor() {
    if (redis?.up()) {
      const slot = Math.floor(now() / settings.auditAnchorEveryMs);
      const won = await redis.client.set(`audit-anchor:slot:${slot}`, '1', 'PX', settings.auditAnchorEveryMs * 2, 'NX').catch(() => null);
      if (!won) return;
    }
    await jobs!.add('anchor-audit', {}, { attempts: 3, backoffMs: 10_000 }).catch(() => undefined);
  }

  // Scheduled reports (saved views): every node ticks; the (view, period) unique key lets one run a period.
  const startedAt = new Date(now());
  const requeued = new Set<string>();
  const reportTimer =
    settings.reportScheduleEveryMs > 0 ? setInterval(() => void scheduleReports(), settings.reportScheduleEveryMs).unref() : null;
  async function scheduleReports() {
    try {
      await runDueSchedules(db, jobs!, new Date(now()));
      if (redis?.up() && jobs!.mode() === 'bullmq') {
        const claim = async (id: string) => (await redis.client.set(`report-requeue:${id}`, '1', 'PX', 86_400_000, 'NX').catch(() => null)) === 'OK';
        await requeueStranded(db, jobs!, { before: new Date(now() - 15 * 60_000), states: ['queued'], claim });
      } else {
        // In-process jobs die with their node: what an earlier run of this node left unfinished.
        const claim = async (id: string) => !requeued.has(id) && !!requeued.add(id);
        await requeueStranded(db, jobs!, { before: startedAt, states: ['queued', 'running'], claim });
      }
    } catch (err) {
      log.error({ err }, 'could not start the scheduled reports');
    }
  }

  const observe = observeRequests(metrics);

  async function stockCommitted(commit: StockCommit): Promise<void> {
    try {
      const storeIds = [...new Set(commit.storeIds)];
      metrics.ingest(commit.source === 'sync' ? 'sync' : 'web', commit.movements);
      await cache.bump('stock');
      if (commit.movements === 0 || storeIds.length === 0) return;
      for (const storeId of storeIds) {
        const stock = commit.stock?.filter((s) => s.storeId === storeId).slice(0, 500);
        await publish({ type: 'stock.changed', storeId, data: { source: commit.source, movements: commit.movements, stock } });
      }
      // Only the products the write touched, when it says which (the evaluation is coalesced per store).
      const touched = commit.productIds ?? commit.stock?.map((s) => s.productId);
      if (touched && touched.length === 0) return;
      const productIds = touched && touched.length <= 10_000 ? [...new Set(touched)] : undefined;
      await jobs!.add('evaluate-alerts', productIds ? { storeIds, productIds } : { storeIds }, { attempts: 3, backoffMs: 1_000 });
      await jobs!.add('rollup-costs', productIds ? { storeIds, productIds } : { storeIds }, { attempts: 3, backoffMs: 1_000 });
    } catch (err) {
      log.error({ err }, 'after-commit work failed (the write itself is committed)');
    }
  }

  return {
    redis,
    limiter,
    cache,
    events: bus,
    get jobs() {
      return jobs!;
    },
    metrics,
    observe,
    api: [
      rateLimitMiddleware({ config: deps.config }, limiter, { perTokenPerMinute: settings.perTokenPerMinute, anonPerIpPerMinute: settings.anonPerIpPerMinute }, metrics),
      responseCacheMiddleware(cache),
      afterWriteMiddleware(stockCommitted),
    ],
    stockCommitted,
    health: () => platformHealth({ db, readDb, redis, jobs: jobs!, now }),
    sseClients,
    endStreams() {
      sseClients.closing = true;
      for (const w of sseClients.wakers) w();
    },
    async close() {
      if (rollupTimer) clearInterval(rollupTimer);
      if (anchorTimer) clearInterval(anchorTimer);
      if (reportTimer) clearInterval(reportTimer);
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

