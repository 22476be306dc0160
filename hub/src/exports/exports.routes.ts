import { DomainError, exportJobSchema, uuidSchema, uuidv7 } from '@bazaar/shared';
import { z } from 'zod';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import type { JobQueue } from '../platform/jobs/job-queue';
import { exportParamsSchema } from './export.run';

const exportInput = exportParamsSchema.omit({ storeIds: true }).strict();

const tag = 'exports';
const id = { id: uuidSchema };
const create = route({ summary: 'Start a CSV export as a background job (admin, manager)', tag, body: exportInput, responses: { 202: z.object({ id: z.string(), state: z.literal('queued') }) } });
const getOne = route({
  summary: 'Progress of an export (its requester, or an admin)',
  tag,
  params: id,
  responses: { 200: exportJobSchema },
});
const download = route({ summary: 'The finished CSV, streamed', tag, params: id, responses: { 200: { description: 'The CSV file', csv: true } } });

/** Large CSV exports as background jobs: request, poll progress (or follow export.progress events), download. */
export function createExportsRoutes(deps: AppDeps, jobs: () => JobQueue) {
  const db = deps.db;
  const findOwn = async (userId: string, role: string, id: string) => {
    const job = await db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job || (job.requested_by !== userId && role !== 'admin')) throw new DomainError('NOT_FOUND', 'export not found');
    return job;
  };
  return new Hono<AppEnv>()
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await create.json(c);
      if (input.storeId) assertStoreAccess(me, input.storeId);
      const id = uuidv7();
      const params = { ...input, storeIds: visibleStoreIds(me) };
      await db.insertInto('export_jobs').values({ id, requested_by: me.id, kind: input.kind, params: JSON.stringify(params), rows_total: null, error: null, finished_at: null }).execute();
      await jobs().add('export-csv', { exportId: id }, { attempts: 2, backoffMs: 5_000 });
      return c.json({ id, state: 'queued' as const }, 202);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const job = await findOwn(me.id, me.role, getOne.param(c, 'id'));
      return c.json(
        {
          id: job.id,
          kind: job.kind,
          state: job.state,
          rowsDone: Number(job.rows_done),
          rowsTotal: job.rows_total === null ? null : Number(job.rows_total),
          error: job.error,
          createdAt: job.created_at.toISOString(),
          finishedAt: job.finished_at?.toISOString() ?? null,
        },
        200,
      );
    })
    .get('/:id/download', download, async (c) => {
      const me = requireUser(c);
      const job = await findOwn(me.id, me.role, download.param(c, 'id'));
      if (job.state !== 'done') throw new DomainError('CONFLICT', `export is ${job.state}, not ready yet`);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${job.kind}-${job.id}.csv"`);
      return stream(c, async (s) => {
        // Chunk by chunk: a million-row export never sits in memory whole.
        for (let n = 0; ; n++) {
          const chunk = await db.selectFrom('export_chunks').select('data').where('export_id', '=', job.id).where('n', '=', n).executeTakeFirst();
          if (!chunk) break;
          await s.write(chunk.data);
        }
      });
    });
}
