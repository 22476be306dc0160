import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobQueue } from '../jobs/job-queue';

export interface MetricSources {
  queue: () => JobQueue;
  pools: { primary?: pg.Pool; replica?: pg.Pool };
  redisUp: () => boolean | null;
  sseClients: () => number;
}

/**
 * The hub's Prometheus metrics, one registry per hub instance (tests run several in one
 * process). Per-node values: Prometheus scrapes every node and sums.
 */
export function createHubMetrics(src: MetricSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_' });

  const httpRequests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pushBatch = new Histogram({
    name: 'hub_sync_push_batch_size',
    help: 'Movements per sync push batch',
    buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000],
    registers: [registry],
  });
  const ingested = new Counter({
    name: 'hub_movements_ingested_total',
    help: 'Movements newly stored, by source (sync or web)',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'hub_cache_lookups_total',
    help: 'Response cache lookups by result (hit, miss, bypass)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'hub_rate_limited_total',
    help: 'Requests refused with 429',
    registers: [registry],
  });
  const eventsPublished = new Counter({ name: 'hub_events_published_total', help: 'Live events published', registers: [registry] });

  let hits = 0;
  let lookups = 0;
  new Gauge({
    name: 'hub_cache_hit_ratio',
    help: 'Cache hits / lookups since this node started',
    registers: [registry],
    collect() {
      this.set(lookups === 0 ? 0 : hits / lookups);
    },
  });
  new Gauge({
    name: 'hub_job_queue_depth',
    help: 'Background jobs by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const c = await src.queue().counts();
      for (const [state, n] of Object.entries(c)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'hub_db_pool_connections',
    help: 'Postgres pool connections by pool and state (total, idle, waiting clients)',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [name, pool] of Object.entries(src.pools)) {
        if (!pool) continue;
        this.set({ pool: name, state: 'total' }, pool.totalCount);
        this.set({ pool: name, state: 'idle' }, pool.idleCount);
        this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      }
    },
  });
  new Gauge({
    name: 'hub_redis_up',
    help: '1 when Redis answers, 0 when the node runs on in-process fallbacks (absent without REDIS_URL)',
    registers: [registry],
    collect() {
      const up = src.redisUp();
      if (up !== null) this.set(up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'hub_sse_clients',
    help: 'Open /events streams on this node',
    registers: [registry],
    collect() {
      this.set(src.sseClients());
    },
  });

  return {
    registry,
    request(method: string, route: string, status: number, seconds: number) {
      httpRequests.inc({ method, route, status: String(status) });
      httpDuration.observe({ method, route }, seconds);
    },
    ingest(source: 'sync' | 'web', count: number) {
      if (source === 'sync') pushBatch.observe(count);
      if (count > 0) ingested.inc({ source }, count);
    },
    cache(result: 'hit' | 'miss' | 'bypass') {
      lookups += 1;
      if (result === 'hit') hits += 1;
      cacheLookups.inc({ result });
    },
    rateLimited: () => rateLimited.inc(),
    eventPublished: () => eventsPublished.inc(),
  };
}

export type HubMetrics = ReturnType<typeof createHubMetrics>;
