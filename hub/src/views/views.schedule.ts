import { uuidv7 } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import type { JobQueue } from '../platform/jobs/job-queue';
import type { ExportParams } from '../exports/export.run';
import { storeCitySql } from '../reports/store-rankings.query';

const DAY = 86_400_000;

/** The period a schedule is due for at `now` (UTC days; weeks from Monday), and the one before it. */
export function periodAt(schedule: 'daily' | 'weekly', now: Date): { key: string; start: Date; end: Date } {
  const day = Math.floor(now.getTime() / DAY) * DAY;
  if (schedule === 'daily') return { key: `day:${new Date(day).toISOString().slice(0, 10)}`, start: new Date(day), end: new Date(day + DAY) };
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  return { key: `week:${new Date(monday).toISOString().slice(0, 10)}`, start: new Date(monday), end: new Date(monday + 7 * DAY) };
}

interface ScheduledView {
  id: string;
  user_id: string;
  query: string;
  schedule: 'daily' | 'weekly' | null;
  export_kind: 'stock' | 'movements';
  webhook_url: string | null;
  role: 'admin' | 'manager' | 'staff';
}

/**
 * What a view's report exports, scoped to the stores its owner sees today (not when it was
 * saved): the view's region, city or store filter narrows them; a movements report covers the
 * period before the one it runs in (yesterday, last week), a stock report is the stock now.
 */
export async function exportParamsFor(db: Kysely<Database>, v: ScheduledView, now: Date): Promise<ExportParams> {
  const q = new URLSearchParams(v.query);
  let storeIds: string[] | null = null;
  if (v.role !== 'admin') {
    storeIds = (await db.selectFrom('user_stores').select('store_id').where('user_id', '=', v.user_id).execute()).map((r) => r.store_id);
  }
  const region = q.get('region');
  const city = q.get('city');
  if (region || city) {
    const { rows } = await sql<{ id: string }>`
      SELECT s.id FROM stores s
      WHERE ${region ? sql`s.region = ${region}` : sql`true`} AND ${city ? sql`lower(${storeCitySql('s')}) = lower(${city})` : sql`true`}`.execute(db);
    const inArea = rows.map((s) => s.id);
    storeIds = storeIds === null ? inArea : inArea.filter((id) => storeIds!.includes(id));
  }
  const params: ExportParams = { kind: v.export_kind, storeIds };
  const store = q.get('store') ?? q.get('storeId');
  if (store && z.uuid().safeParse(store).success && (storeIds === null || storeIds.includes(store))) params.storeId = store;
  if (v.export_kind === 'movements') {
    const p = periodAt(v.schedule ?? 'daily', now);
    const length = p.end.getTime() - p.start.getTime();
    params.from = new Date(p.start.getTime() - length).toISOString();
    params.to = p.start.toISOString();
  }
  return params;
}

/**
 * Starts the export of every scheduled view that has none for its current period. The unique
 * (view, period) index decides: of several hub nodes (or a node and its restarted self) only the
 * insert that wins queues the job, so a period runs once; a hub that was down for days runs the
 * current period once on its first tick and never the missed ones one by one. Returns the
 * exports it started.
 */
export async function runDueSchedules(db: Kysely<Database>, jobs: JobQueue, now: Date, only?: { viewId: string }): Promise<string[]> {
  let sel = db
    .selectFrom('saved_views as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.user_id', 'v.query', 'v.schedule', 'v.export_kind', 'v.webhook_url', 'u.role'])
    .where('v.schedule', 'is not', null)
    .where('u.active', '=', true)
    .where('u.role', 'in', ['admin', 'manager']);
  if (only) sel = sel.where('v.id', '=', only.viewId);
  const views = await sel.execute();
  const started: string[] = [];
  for (const v of views) {
    const period = periodAt(v.schedule!, now).key;
    const done = await db.selectFrom('export_jobs').select('id').where('saved_view_id', '=', v.id).where('period', '=', period).executeTakeFirst();
    if (done) continue;
    const params = await exportParamsFor(db, v, now);
    const id = uuidv7();
    const won = await db
      .insertInto('export_jobs')
      .values({
        id,
        requested_by: v.user_id,
        kind: params.kind,
        params: JSON.stringify(params),
        rows_total: null,
        error: null,
        finished_at: null,
        saved_view_id: v.id,
        period,
        webhook_state: v.webhook_url ? 'pending' : null,
      })
      .onConflict((oc) => oc.columns(['saved_view_id', 'period']).where('saved_view_id', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!won) continue;
    await jobs.add('export-csv', { exportId: id }, { attempts: 2, backoffMs: 5_000 });
    started.push(id);
  }
  return started;
}

/**
 * Scheduled exports whose job was lost (a node stopped between storing the row and queueing it,
 * or an in-process queue died with its node): queued again, each at most once per `claim`.
 */
export async function requeueStranded(
  db: Kysely<Database>,
  jobs: JobQueue,
  opts: { before: Date; states: readonly ('queued' | 'running')[]; claim: (exportId: string) => Promise<boolean> },
): Promise<string[]> {
  const rows = await db
    .selectFrom('export_jobs')
    .select('id')
    .where('saved_view_id', 'is not', null)
    .where('state', 'in', [...opts.states])
    .where('created_at', '<', opts.before)
    .orderBy('created_at')
    .limit(100)
    .execute();
  const out: string[] = [];
  for (const r of rows) {
    if (!(await opts.claim(r.id))) continue;
    await jobs.add('export-csv', { exportId: r.id }, { attempts: 2, backoffMs: 5_000 });
    out.push(r.id);
  }
  return out;
}
