import { Queue, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { RedisConnection } from '../redis/redis.connection';
import { withTimeout } from '../with-timeout';
import { MemoryJobQueue, type JobHandlers, type JobName, type JobOptions, type JobQueue, type QueueCounts } from './job-queue';

const QUEUE = 'hub-jobs';

/**
 * Jobs on BullMQ: any node enqueues, every node runs a worker, a job survives the node that
 * queued it. When Redis refuses the job, it runs in this process instead (degraded, reported
 * by /health) rather than being dropped.
 */
export class BullJobQueue implements JobQueue {
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly fallback: MemoryJobQueue;

  constructor(
    private readonly conn: RedisConnection,
    handlers: JobHandlers,
    private readonly logger: Logger,
    concurrency = 4,
  ) {
    const prefix = `${conn.prefix}bull`;
    this.queue = new Queue(QUEUE, { connection: conn.bullConnection('queue'), prefix });
    this.queue.on('error', () => undefined);
    this.fallback = new MemoryJobQueue(handlers, logger);
    this.worker = new Worker(
      QUEUE,
      async (job: Job) => {
        const attempts = job.opts.attempts ?? 1;
        const attempt = job.attemptsMade + 1;
        await handlers[job.name as JobName](job.data, { attempt, final: attempt >= attempts });
      },
      { connection: conn.bullConnection('worker'), prefix, concurrency },
    );
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) logger.error({ err, job: job.name, id: job.id }, 'job failed');
    });
  }

  mode() {
    return this.conn.up() ? ('bullmq' as const) : ('memory' as const);
  }

  async add(name: JobName, data: unknown, opts: JobOptions = {}): Promise<void> {
    if (this.conn.up()) {
      try {
        await withTimeout(
          this.queue.add(name, data, {
            attempts: opts.attempts ?? 1,
            backoff: { type: 'exponential', delay: opts.backoffMs ?? 1_000 },
            removeOnComplete: 1_000,
            removeOnFail: 5_000,
          }),
          2_000,
        );
        return;
      } catch (err) {
        this.logger.warn({ err, job: name }, 'jobs: Redis refused the job; running it in this process');
      }
    }
    await this.fallback.add(name, data, opts);
  }

  async counts(): Promise<QueueCounts> {
    const local = await this.fallback.counts();
    if (!this.conn.up()) return local;
    try {
      const c = await withTimeout(this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'), 1_000);
      return {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + local.waiting,
        active: (c.active ?? 0) + local.active,
        delayed: (c.delayed ?? 0) + local.delayed,
        failed: (c.failed ?? 0) + local.failed,
      };
    } catch {
      return local;
    }
  }

  async close(): Promise<void> {
    // worker.close() waits for running jobs to finish: graceful shutdown drains jobs.
    await Promise.allSettled([this.worker.close(), this.fallback.close()]);
    await this.queue.close().catch(() => undefined);
  }
}
