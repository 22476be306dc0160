import { DomainError, uuidSchema, uuidv7 } from '@bazaar/shared';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseJson } from '../http/validate';
import type { JobQueue } from '../platform/jobs/job-queue';
import { exportParamsSchema } from './export.run';

const exportInput = exportParamsSchema.omit({ storeIds: true }).strict();

/** Large CSV exports as background jobs: request, poll progress (or follow export.progress events), download. */
export function createExportsRoutes(deps: AppDeps, jobs: () => JobQueue) {
  const db = deps.db;
  const findOwn = async (userId: string, role: string, id: string) => {
    const job = await db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job || (job.requested_by !== userId && role !== 'admin')) throw new DomainError('NOT_FOUND', 'export not found');
    return job;
  };
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await parseJson(c, exportInput);
      if (input.storeId) assertStoreAccess(me, input.storeId);
      const id = uuidv7();
      const params = { ...input, storeIds: visibleStoreIds(me) };
      await db.insertInto('export_jobs').values({ id, requested_by: me.id, kind: input.kind, params: JSON.stringify(params), rows_total: null, error: null, finished_at: null }).execute();
      await jobs().add('export-csv', { exportId: id }, { attempts: 2, backoffMs: 5_000 });
      return c.json({ id, state: 'queued' as const }, 202);
    })
    .get('/:id', async (c) => {
      const me = requireUser(c);
      const job = await findOwn(me.id, me.role, uuidSchema.parse(c.req.param('id')));
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
    .get('/:id/download', async (c) => {
      const me = requireUser(c);
      const job = await findOwn(me.id, me.role, uuidSchema.parse(c.req.param('id')));
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
