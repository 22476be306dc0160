import type { Logger } from 'pino';

export type JobName = 'evaluate-alerts' | 'rollup-costs' | 'deliver-webhook' | 'rollup-sales' | 'export-csv' | 'anchor-audit' | 'verify-audit' | 'deliver-report';

export interface JobOptions {
  /** Total tries including the first (default 1). */
  attempts?: number;
  /** First retry delay; doubles each retry (exponential backoff). */
  backoffMs?: number;
}

export interface JobContext {
  /** 1 for the first try. */
  attempt: number;
  /** True on the last allowed try: a handler that fails now must leave a final state behind. */
  final: boolean;
}

export type JobHandler = (data: unknown, ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<JobName, JobHandler>;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface JobQueue {
  add(name: JobName, data: unknown, opts?: JobOptions): Promise<void>;
  counts(): Promise<QueueCounts>;
  mode(): 'bullmq' | 'memory';
  /** Stop taking jobs and wait for the running ones (graceful shutdown). */
  close(): Promise<void>;
}

/**
 * Jobs in this process: the single-node default and the fallback while Redis is down.
 * Retries with exponential backoff like BullMQ; jobs still waiting when the process stops
 * are lost, which is why the handlers are idempotent re-evaluations rather than one-shot work.
 */
export class MemoryJobQueue implements JobQueue {
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private active = 0;
  private delayed = 0;
  private failed = 0;
  private closed = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly logger: Logger,
  ) {}

  mode() {
    return 'memory' as const;
  }

  async add(name: JobName, data: unknown, opts: JobOptions = {}): Promise<void> {
    if (this.closed) throw new Error('job queue is closed');
    this.run(name, data, opts, 1);
  }

  private run(name: JobName, data: unknown, opts: JobOptions, attempt: number): void {
    const attempts = Math.max(1, opts.attempts ?? 1);
    const p = (async () => {
      this.active += 1;
      try {
        await this.handlers[name](data, { attempt, final: attempt >= attempts });
      } catch (err) {
        if (attempt < attempts && !this.closed) {
          const delay = (opts.backoffMs ?? 1_000) * 2 ** (attempt - 1);
          this.delayed += 1;
          const t = setTimeout(() => {
            this.timers.delete(t);
            this.delayed -= 1;
            this.run(name, data, opts, attempt + 1);
          }, delay);
          this.timers.add(t);
        } else {
          this.failed += 1;
          this.logger.error({ err, job: name, attempt }, 'job failed');
        }
      } finally {
        this.active -= 1;
      }
    })();
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  async counts(): Promise<QueueCounts> {
    return { waiting: 0, active: this.active, delayed: this.delayed, failed: this.failed };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
