import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { generateWorld, type WorldOptions, type WorldSummary } from './world/generate';
import { kyselyTarget } from './world/pg-target';
import type { Database } from '../db/database.types';

export interface DummyDataJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  options: Omit<WorldOptions, 'admin' | 'staffPassword'>;
  startedAt: string;
  finishedAt: string | null;
  summary: Omit<WorldSummary, 'storeIds'> | null;
  error: string | null;
}

/**
 * Dummy-data generation as a background job of this hub process. Its progress lives in this
 * node's memory (a development tool: GET the job from the node that accepted it); the data it
 * writes is ordinary hub data, visible to every node.
 */
export class DummyDataJobs {
  private readonly jobs = new Map<string, DummyDataJob>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly onDone: () => Promise<void> = async () => undefined,
  ) {}

  active(): DummyDataJob | null {
    return [...this.jobs.values()].find((j) => j.state === 'running') ?? null;
  }

  get(id: string): DummyDataJob | null {
    return this.jobs.get(id) ?? null;
  }

  list(): DummyDataJob[] {
    return [...this.jobs.values()].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  }

  start(options: WorldOptions): DummyDataJob {
    const { admin: _admin, staffPassword: _pw, ...visible } = options;
    const job: DummyDataJob = {
      id: randomUUID(),
      state: 'running',
      phase: 'starting',
      done: 0,
      total: options.movements,
      options: visible,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      summary: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const run = generateWorld(kyselyTarget(this.db), options, (phase, done, total) => {
      job.phase = phase;
      job.done = done;
      job.total = total;
    })
      .then(async ({ storeIds: _ids, ...summary }) => {
        job.summary = summary;
        job.state = 'done';
        job.phase = 'done';
        await this.onDone().catch(() => undefined);
        this.logger.info({ job: job.id, ms: summary.ms, movements: summary.movements }, 'dummy data generated');
      })
      .catch((err: unknown) => {
        job.state = 'failed';
        job.error = err instanceof Error ? err.message : String(err);
        this.logger.error({ job: job.id, err }, 'dummy data generation failed');
      })
      .finally(() => {
        job.finishedAt = new Date().toISOString();
        this.running.delete(run);
      });
    this.running.add(run);
    return job;
  }

  /** Wait for running jobs (graceful shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
