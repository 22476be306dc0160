import { DomainError, clockOffset } from '@bazaar/shared';
import { adoptHubTime } from '../clock/clock.adopt';
import { appendAudit } from '../audit/audit.log';
import { writeTx } from '../db/write-tx';
import { requireActor, type CoreContext } from '../core.context';
import { HubError } from './sync.http';
import { fetchPullPage } from './sync.pull';
import { recomputeStock } from '../stock/stock.view';
import { saveHubLocaleSync } from '../bills/bills.settings';

export type HubFirstPage = Awaited<ReturnType<typeof fetchPullPage>>;

/** One small pull with the token: the hub's first answer, or why it refused (nothing is saved either way). */
export async function tryHub(hubUrl: string, token: string, now: () => number): Promise<HubFirstPage> {
  try {
    return await fetchPullPage({ hubUrl, token, timeoutMs: 30_000, now }, null, 1);
  } catch (err) {
    if (err instanceof HubError && (err.status === 401 || err.status === 403)) {
      throw new DomainError('UNAUTHENTICATED', `the hub at ${hubUrl} refused this device token: copy it again from the hub's device page (it is shown once)`);
    }
    if (err instanceof HubError && !err.reachedHub) throw new DomainError('SERVICE_UNAVAILABLE', `${err.message}. Check the URL and the network, then try again`);
    throw new DomainError('BAD_REQUEST', `enrollment failed: ${(err as Error).message}`);
  }
}

/**
 * Bind this store database to a hub with a device token from `POST /api/v1/devices`.
 * The token is tried (one small pull) before anything is saved, so a typo changes nothing.
 * The token is kept as given: the device presents it on every request.
 */
export async function enroll(ctx: CoreContext, hubUrl: string, token: string, force: boolean, tried?: HubFirstPage): Promise<void> {
  const actor = await requireActor(ctx, 'manager');
  if (ctx.settings.hub_url && !force) {
    throw new DomainError('CONFLICT', `this store is already enrolled to ${ctx.settings.hub_url}; pass --force to enroll again`);
  }
  const first = tried ?? (await tryHub(hubUrl, token, () => ctx.clock.rawMs()));
  const at = new Date(ctx.clock.nowMs()).toISOString();
  await writeTx(ctx.db, async (db) => {
    const previous = ctx.settings.hub_url;
    await db.updateTable('settings').set({ hub_url: hubUrl, device_token: token, enrolled_at: at }).where('id', '=', 1).execute();
    if (previous) {
      // A new device identity on the hub starts its seq from 1: everything is sent again (the hub dedupes by id).
      await db.updateTable('sync_state').set({ acked_seq: 0, cursor: null, halted: null, consecutive_failures: 0 }).where('id', '=', 1).execute();
      await db.updateTable('movements').set({ sync_status: 'pending', sync_reason: null }).execute();
      await db.deleteFrom('stock_baseline').execute();
      await db.updateTable('products').set({ push_state: 'pending' }).where('origin', '=', 'local').execute();
      const all = await db.selectFrom('products').select('id').execute();
      await recomputeStock(db, all.map((p) => p.id), at);
    } else {
      await db.updateTable('sync_state').set({ cursor: null, halted: null }).where('id', '=', 1).execute();
    }
    // The first contact: from here on the counter stamps in hub time, and what it stamped before is re-derived.
    await adoptHubTime(ctx, db, clockOffset(first.sentAt, first.receivedAt, first.page.serverTime), first.page.hubHlc);
    // The hub's currency and default language, from the first page (receipts say the currency from the start).
    saveHubLocaleSync(ctx.raw, first.page.hub, first.page.store.defaultLocale);
    await appendAudit(db, { actor, action: 'device.enroll', entity: 'device', entityId: ctx.settings.device_id, storeId: ctx.settings.store_id, before: { hubUrl: previous }, after: { hubUrl }, at: new Date(ctx.clock.nowMs()) });
  });
  ctx.settings = { ...ctx.settings, hub_url: hubUrl, device_token: token, enrolled_at: at };
}
