import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import type { JobContext } from '../platform/jobs/job-queue';
import { postWebhook } from './webhook.post';

export const deliverWebhookJob = z.object({ deliveryId: z.uuid() });

export class WebhookFailed extends Error {}

/**
 * One try of one delivery. Throws on failure so the queue retries with backoff; on the final
 * try it leaves the row `failed` (what /health counts) before throwing. A delivered or failed
 * row is never sent again, so a duplicate job is harmless.
 */
export async function deliverWebhook(
  db: Kysely<Database>,
  deliveryId: string,
  ctx: JobContext,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<void> {
  const d = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'store_id', 'url', 'payload', 'state'])
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!d || d.state !== 'pending') return;

  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await postWebhook({
      url: d.url,
      body: JSON.stringify(d.payload),
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'bazaar-hub', 'X-Bazaar-Delivery': d.id },
      timeoutMs: opts.timeoutMs,
      allowPrivate: opts.allowPrivate,
    });
    if (status >= 200 && status < 300) {
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({ state: 'delivered', attempts: eb('attempts', '+', 1), last_status: status, last_error: null, updated_at: new Date() }))
        .where('id', '=', d.id)
        .execute();
      return;
    }
    error = `HTTP ${status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      state: ctx.final ? 'failed' : 'pending',
      attempts: eb('attempts', '+', 1),
      last_status: status,
      last_error: error?.slice(0, 500) ?? null,
      updated_at: new Date(),
    }))
    .where('id', '=', d.id)
    .execute();
  throw new WebhookFailed(`webhook ${d.id} try ${ctx.attempt}: ${error ?? 'failed'}`);
}
