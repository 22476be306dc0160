import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/database.types';
import type { JobQueue } from './jobs/job-queue';
import type { HealthCheck, PlatformHealth } from './platform.types';
import type { RedisConnection } from './redis/redis.connection';
import { withTimeout } from './with-timeout';

interface HealthDeps {
  db: Kysely<Database>;
  readDb: Kysely<Database>;
  redis: RedisConnection | null;
  jobs: JobQueue;
  now: () => number;
}

/** What /health reports of the platform: replica, Redis, job queue, failed webhook deliveries. */
export async function platformHealth({ db, readDb, redis, jobs, now }: HealthDeps): Promise<PlatformHealth> {
  const [replica, redisCheck, queue, failed] = await Promise.all([
    checkReplica(db, readDb),
    checkRedis(redis),
    (async () => {
      try {
        const counts = await withTimeout(jobs.counts(), 1_500, 'queue counts');
        const mode = jobs.mode();
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
