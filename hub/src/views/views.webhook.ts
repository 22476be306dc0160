import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import type { JobContext } from '../platform/jobs/job-queue';
import { postWebhook } from '../alerts/webhook.post';

export const deliverReportJob = z.object({ exportId: z.uuid() });

/**
 * Tells a scheduled report's webhook that its file is ready: the view's name, the period, the
 * row count and the download path (the file itself stays on the hub, behind its owner's sign-in).
 * One try per job; throws so the queue retries with backoff, leaves `failed` on the final try.
 * A delivered or failed export is never sent again, so a duplicate job is harmless.
 */
export async function deliverReportWebhook(
  db: Kysely<Database>,
  exportId: string,
  ctx: JobContext,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<void> {
  const row = await db
    .selectFrom('export_jobs as e')
    .innerJoin('saved_views as v', 'v.id', 'e.saved_view_id')
    .select(['e.id', 'e.kind', 'e.period', 'e.rows_done', 'e.state', 'e.webhook_state', 'v.id as view_id', 'v.name', 'v.webhook_url'])
    .where('e.id', '=', exportId)
    .executeTakeFirst();
  if (!row || row.webhook_state !== 'pending' || row.state !== 'done' || !row.webhook_url) return;
  const body = {
    type: 'report.ready',
    export: { id: row.id, kind: row.kind, rows: Number(row.rows_done), downloadPath: `/api/v1/exports/${row.id}/download` },
    view: { id: row.view_id, name: row.name },
    period: row.period,
  };
  let error: string;
  try {
    const status = await postWebhook({
      url: row.webhook_url,
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'bazaar-hub', 'X-Bazaar-Delivery': row.id },
      timeoutMs: opts.timeoutMs,
      allowPrivate: opts.allowPrivate,
    });
    if (status >= 200 && status < 300) {
      await db.updateTable('export_jobs').set({ webhook_state: 'delivered', webhook_error: null }).where('id', '=', row.id).execute();
      return;
    }
    error = `HTTP ${status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  await db
    .updateTable('export_jobs')
    .set({ webhook_state: ctx.final ? 'failed' : 'pending', webhook_error: error.slice(0, 500) })
    .where('id', '=', row.id)
    .execute();
  throw new Error(`report webhook ${row.id} try ${ctx.attempt}: ${error}`);
}
