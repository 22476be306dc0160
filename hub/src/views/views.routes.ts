import { DomainError, savedViewCreateSchema, savedViewSchema, savedViewUpdateSchema, uuidSchema, uuidv7 } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import type { Selectable } from 'kysely';
import type { SavedViewsTable } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import type { JobQueue } from '../platform/jobs/job-queue';
import { isInternalHost } from '../alerts/webhook-url';
import { runDueSchedules } from './views.schedule';

const tag = 'saved views';
const id = { id: uuidSchema };
const list = route({ summary: 'My saved views, by name', tag, responses: { 200: z.object({ items: z.array(savedViewSchema) }) } });
const create = route({ summary: 'Save the filtered page I am on by name', tag, body: savedViewCreateSchema, responses: { 201: savedViewSchema } });
const update = route({
  summary: 'Rename, re-filter or schedule one of my saved views (a schedule needs an admin or manager; it starts the current period at once)',
  tag,
  params: id,
  body: savedViewUpdateSchema,
  responses: { 200: savedViewSchema },
});
const remove = route({ summary: 'Delete one of my saved views (its exports stay in Exports)', tag, params: id, responses: { 204: null } });

const toView = (r: Selectable<SavedViewsTable>) => ({
  id: r.id,
  name: r.name,
  path: r.path,
  query: r.query,
  schedule: r.schedule,
  exportKind: r.export_kind,
  webhookUrl: r.webhook_url,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Saved views are their owner's only: everyone else (admins too) gets 404. */
export function createSavedViewsRoutes(deps: AppDeps, jobs: () => JobQueue) {
  const db = deps.db;
  const own = async (userId: string, viewId: string) => {
    const v = await db.selectFrom('saved_views').selectAll().where('id', '=', viewId).where('user_id', '=', userId).executeTakeFirst();
    if (!v) throw new DomainError('NOT_FOUND', 'saved view not found');
    return v;
  };
  const nameTaken = async (userId: string, name: string, except?: string) => {
    let q = db.selectFrom('saved_views').select('id').where('user_id', '=', userId).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst()) throw new DomainError('CONFLICT', `you already have a view named "${name}"`, { field: 'name' });
  };
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const rows = await db.selectFrom('saved_views').selectAll().where('user_id', '=', me.id).orderBy('name').orderBy('id').limit(500).execute();
      return c.json({ items: rows.map(toView) }, 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c);
      const input = await create.json(c);
      await nameTaken(me.id, input.name);
      const at = new Date(deps.clock.now());
      const row = await db
        .insertInto('saved_views')
        .values({ id: uuidv7(), user_id: me.id, name: input.name, path: input.path, query: input.query, schedule: null, webhook_url: null, created_at: at, updated_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      return c.json(toView(row), 201);
    })
    .patch('/:id', update, async (c) => {
      const me = requireUser(c);
      const viewId = update.param(c, 'id');
      const before = await own(me.id, viewId);
      const input = await update.json(c);
      const scheduling = (input.schedule ?? null) !== null || input.exportKind !== undefined || (input.webhookUrl ?? null) !== null;
      if (scheduling && me.role === 'staff') throw new DomainError('FORBIDDEN', 'scheduling a report needs the role admin or manager');
      if (input.webhookUrl && deps.config.mode === 'production' && isInternalHost(new URL(input.webhookUrl).hostname)) {
        throw new DomainError('VALIDATION_FAILED', 'webhookUrl: must not point at a private or loopback address', { field: 'webhookUrl' });
      }
      if (input.name !== undefined) await nameTaken(me.id, input.name, viewId);
      const row = await db
        .updateTable('saved_views')
        .set({
          ...(input.name !== undefined && { name: input.name }),
          ...(input.query !== undefined && { query: input.query }),
          ...(input.schedule !== undefined && { schedule: input.schedule }),
          ...(input.exportKind !== undefined && { export_kind: input.exportKind }),
          ...(input.webhookUrl !== undefined && { webhook_url: input.webhookUrl }),
          updated_at: new Date(deps.clock.now()),
        })
        .where('id', '=', before.id)
        .where('user_id', '=', me.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // A newly scheduled view does not wait for the next tick: its current period starts now.
      if (row.schedule) await runDueSchedules(db, jobs(), new Date(deps.clock.now()), { viewId: row.id });
      return c.json(toView(row), 200);
    })
    .delete('/:id', remove, async (c) => {
      const me = requireUser(c);
      const v = await own(me.id, remove.param(c, 'id'));
      await db.deleteFrom('saved_views').where('id', '=', v.id).where('user_id', '=', me.id).execute();
      return c.body(null, 204);
    });
}
