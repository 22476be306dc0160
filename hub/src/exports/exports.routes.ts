import { DomainError, exportJobSchema, exportListItemSchema, uuidSchema, uuidv7 } from '@bazaar/shared';
import { z } from 'zod';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import type { JobQueue } from '../platform/jobs/job-queue';
import { requestLocale } from '../reports/csv-words';
import { exportParamsSchema } from './export.run';
import type { Selectable } from 'kysely';
import type { ExportJobsTable } from '../db/database.types';

const exportInput = exportParamsSchema.omit({ storeIds: true, locale: true }).strict();

const tag = 'exports';
const id = { id: uuidSchema };
const create = route({ summary: 'Start a CSV export as a background job (admin, manager)', tag, body: exportInput, responses: { 202: z.object({ id: z.string(), state: z.literal('queued') }) } });
const getOne = route({
  summary: 'Progress of an export (its requester, or an admin)',
  tag,
  params: id,
  responses: { 200: exportJobSchema },
});
const listMine = route({
  summary: 'My exports, newest first (scheduled reports name their saved view and period)',
  tag,
  responses: { 200: z.object({ items: z.array(exportListItemSchema) }) },
});
const download = route({ summary: 'The finished CSV, streamed', tag, params: id, responses: { 200: { description: 'The CSV file', csv: true } } });

type JobRow = Pick<Selectable<ExportJobsTable>, 'id' | 'kind' | 'state' | 'rows_done' | 'rows_total' | 'error' | 'created_at' | 'finished_at'>;
const toJob = (j: JobRow) => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  rowsDone: Number(j.rows_done),
  rowsTotal: j.rows_total === null ? null : Number(j.rows_total),
  error: j.error,
  createdAt: j.created_at.toISOString(),
  finishedAt: j.finished_at?.toISOString() ?? null,
});

/** Large CSV exports as background jobs: request, poll progress (or follow export.progress events), download. */
export function createExportsRoutes(deps: AppDeps, jobs: () => JobQueue) {
  const db = deps.db;
  const findOwn = async (userId: string, role: string, id: string) => {
    const job = await db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job || (job.requested_by !== userId && role !== 'admin')) throw new DomainError('NOT_FOUND', 'export not found');
    return job;
  };
  return new Hono<AppEnv>()
    .get('/', listMine, async (c) => {
      const me = requireUser(c);
      const rows = await db
        .selectFrom('export_jobs as e')
        .leftJoin('saved_views as v', 'v.id', 'e.saved_view_id')
        .select(['e.id', 'e.kind', 'e.state', 'e.rows_done', 'e.rows_total', 'e.error', 'e.created_at', 'e.finished_at', 'e.period', 'e.webhook_state', 'v.name as view_name'])
        .where('e.requested_by', '=', me.id)
        .orderBy('e.created_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(100)
        .execute();
      const items = rows.map((j) => ({ ...toJob(j), viewName: j.view_name, period: j.period, webhookState: j.webhook_state }));
      return c.json({ items }, 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await create.json(c);
      if (input.storeId) assertStoreAccess(me, input.storeId);
      const id = uuidv7();
      // The file's words (kinds, reasons) in the requester's language (Accept-Language), else the hub's.
      const locale = requestLocale(c);
      const params = { ...input, storeIds: visibleStoreIds(me), ...(locale ? { locale } : {}) };
      await db.insertInto('export_jobs').values({ id, requested_by: me.id, kind: input.kind, params: JSON.stringify(params), rows_total: null, error: null, finished_at: null }).execute();
      await jobs().add('export-csv', { exportId: id }, { attempts: 2, backoffMs: 5_000 });
      return c.json({ id, state: 'queued' as const }, 202);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const job = await findOwn(me.id, me.role, getOne.param(c, 'id'));
      return c.json(toJob(job), 200);
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
