import { randomBytes } from 'node:crypto';
import { DomainError } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actorOf } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { DummyDataJobs } from './dummy-data.jobs';

export const generateDummyDataSchema = z
  .strictObject({
    stores: z.number().int().min(1).max(1000).default(5),
    products: z.number().int().min(1).max(20_000).default(300),
    /** Total movements including each stock row's opening count; default 4 per stock row. */
    movements: z.number().int().min(1).max(5_000_000).optional(),
    days: z.number().int().min(1).max(365).default(14),
    seed: z.number().int().min(0).max(2 ** 31).default(42),
    /**
     * Password of the generated managers and staff (usernames come back in the job summary).
     * Left out, a random one is generated and answered once, to the admin who asked.
     */
    staffPassword: z.string().min(10).max(200).optional(),
  })
  .transform((v) => ({ ...v, movements: v.movements ?? v.stores * v.products * 4 }))
  .refine((v) => v.movements >= v.stores * v.products, {
    path: ['movements'],
    message: 'must be at least stores × products: every stock row starts with an opening count',
  });

const tag = 'dev';
const job = z.object({ id: z.string(), state: z.string() }).loose();
const generate = route({
  summary: 'Fill this hub with a generated world as a background job (admin; not in production mode)',
  tag,
  body: generateDummyDataSchema,
  responses: { 202: z.object({ job, staffPassword: z.string().optional() }) },
});
const listJobs = route({ summary: 'Dummy-data jobs of this node (admin)', tag, responses: { 200: z.object({ items: z.array(job), nextCursor: z.null() }) } });
const getJob = route({ summary: 'One dummy-data job and its progress (admin)', tag, id: { notFound: 'job not found', schema: z.uuid() }, responses: { 200: z.object({ job }) } });

/**
 * POST /dev/generate-dummy-data: fill this hub with a generated kiryana world (the generator of
 * `pnpm bench:data`) as a background job; GET the job for its progress. Admin only, and never
 * in production mode: it writes thousands of stores, products and movements.
 */
export function createDevRoutes(deps: AppDeps) {
  const jobs = new DummyDataJobs(deps.db, deps.logger, async () => {
    await deps.platform?.cache.bump('stock', 'catalog');
  });
  const guard = () => {
    if (deps.config.mode === 'production') throw new DomainError('FORBIDDEN', 'dummy data generation is disabled when the hub runs in production mode');
  };

  return new Hono<AppEnv>()
    .post('/generate-dummy-data', generate, async (c) => {
      guard();
      const me = requireUser(c, ['admin']);
      const input = await generate.json(c);
      const running = jobs.active();
      if (running) throw new DomainError('CONFLICT', 'a dummy-data job is already running on this hub', { jobId: running.id });
      const { staffPassword: chosen, ...options } = input;
      // Never a fixed, published default: anyone who read the docs could sign in as the managers.
      const staffPassword = chosen ?? randomBytes(18).toString('base64url');
      const job = jobs.start({ ...options, staffPassword });
      await deps.db.transaction().execute((trx) =>
        writeAudit(trx, { ...actorOf(c, deps, me), action: 'dev.generate_dummy_data', entity: 'dev_job', entityId: job.id, storeId: null, after: options }),
      );
      // Shown once: the job keeps no copy and the audit row has none.
      return c.json({ job, ...(chosen ? {} : { staffPassword }) }, 202);
    })
    .get('/generate-dummy-data', listJobs, (c) => {
      guard();
      requireUser(c, ['admin']);
      return c.json({ items: jobs.list(), nextCursor: null }, 200);
    })
    .get('/generate-dummy-data/:id', getJob, (c) => {
      guard();
      requireUser(c, ['admin']);
      const id = getJob.id(c);
      const job = jobs.get(id);
      if (!job) throw new DomainError('NOT_FOUND', 'job not found');
      return c.json({ job }, 200);
    });
}
