import { DEFAULT_PULL_LIMIT, clockOffset, pullResponseSchema, type Product, type PullResponse, type StaffMember } from '@bazaar/shared';
import { writeTx } from '../db/write-tx';
import type { Executor, ProductRow } from '../db/db.types';
import type { CoreContext } from '../core.context';
import { getSyncState } from '../settings/settings.repository';
import { recomputeStock } from '../stock/stock.view';
import { HubError, hubRequest, type HubTarget } from './sync.http';
import { remapProduct } from './sync.remap';

export interface PullOutcome {
  pages: number;
  products: number;
  stockRows: number;
}

/** Fetch one page of changes since the stored cursor (or from the start). */
export async function fetchPullPage(target: HubTarget, cursor: string | null, limit = DEFAULT_PULL_LIMIT) {
  const qs = new URLSearchParams({ limit: String(limit) });
  if (cursor) qs.set('cursor', cursor);
  const answer = await hubRequest(target, 'GET', `api/v1/sync/pull?${qs.toString()}`);
  const parsed = pullResponseSchema.safeParse(answer.body);
  if (!parsed.success) throw new HubError(`hub pull answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
  return { page: parsed.data, sentAt: answer.sentAt, receivedAt: answer.receivedAt };
}

/** Pull pages until the hub says there is no more; each page commits with its cursor, so a crash resumes. */
export async function pullAll(ctx: CoreContext, target: HubTarget, onPage?: (pages: number) => void): Promise<PullOutcome> {
  const out: PullOutcome = { pages: 0, products: 0, stockRows: 0 };
  for (;;) {
    const { cursor } = await getSyncState(ctx.db);
    const { page, sentAt, receivedAt } = await fetchPullPage(target, cursor);
    await writeTx(ctx.db, (db) => applyPullPage(ctx, db, page, clockOffset(sentAt, receivedAt, page.serverTime)));
    out.pages += 1;
    out.products += page.products.length;
    out.stockRows += page.stock.length;
    onPage?.(out.pages);
    if (!page.hasMore) return out;
  }
}

/** Apply one pull page inside a write transaction: catalog, staff, store, remaps, then the stock baseline. */
export async function applyPullPage(ctx: CoreContext, db: Executor, page: PullResponse, offsetMs: number): Promise<void> {
  const at = new Date(ctx.clock.nowMs()).toISOString();
  const touched = new Set<string>();
  await db
    .updateTable('settings')
    .set({ store_id: page.store.id, store_code: page.store.code, store_name: page.store.name, variance_threshold: page.store.varianceThreshold })
    .where('id', '=', 1)
    .execute();
  ctx.settings = { ...ctx.settings, store_id: page.store.id, store_code: page.store.code, store_name: page.store.name };

  for (const rm of page.remaps) {
    if (await remapProduct(db, rm.fromProductId, rm.toProductId, rm.sku, at)) touched.add(rm.toProductId);
  }
  for (const s of page.suppliers) {
    const row = { id: s.id, name: s.name, phone: s.phone, email: s.email, address: s.address, archived: s.archived ? 1 : 0, origin: 'hub' as const, created_at: s.createdAt, updated_at: s.updatedAt };
    await db.insertInto('suppliers').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
  }
  for (const p of page.products) {
    const merged = await upsertHubProduct(db, p, at);
    if (merged) touched.add(p.id);
  }
  for (const s of page.staff) await upsertStaff(db, s, at);
  for (const s of page.stock) {
    const row = {
      product_id: s.productId,
      qty: s.qty,
      reorder_level: s.reorderLevel,
      last_count_hlc: s.lastCountHlc,
      last_count_qty: s.lastCountQty,
      last_count_variance: s.lastCountVariance,
      includes_seq: page.includesSeq,
      updated_at: s.updatedAt,
    };
    await db.insertInto('stock_baseline').values(row).onConflict((oc) => oc.column('product_id').doUpdateSet(row)).execute();
    touched.add(s.productId);
  }
  await db.updateTable('sync_state').set({ cursor: page.cursor, clock_offset_ms: offsetMs, last_pull_at: at }).where('id', '=', 1).execute();
  ctx.clock.setOffset(offsetMs);
  await ctx.clock.receive(db, page.hubHlc);
  await recomputeStock(db, touched, at);
}

/**
 * The hub's catalog wins. A product created here offline with the same SKU becomes the
 * hub's (what the hub's merge would do); a barcode the hub gave another product is
 * taken from the local one that had it.
 */
async function upsertHubProduct(db: Executor, p: Product, at: string): Promise<boolean> {
  let merged = false;
  const sameSku = await db.selectFrom('products').select(['id', 'origin']).where('sku', '=', p.sku).executeTakeFirst();
  if (sameSku && sameSku.id !== p.id) {
    if (sameSku.origin === 'local') {
      // remapProduct keeps the row under the hub's id when it was not here yet; the upsert below refreshes it.
      merged = await remapProduct(db, sameSku.id, p.id, p.sku, at);
    } else {
      // Two hub products swapped SKUs and this page holds only one side: park the old one's SKU until its own row arrives.
      await db.updateTable('products').set({ sku: `${p.sku}~${sameSku.id.slice(-8)}`, updated_at: at }).where('id', '=', sameSku.id).execute();
    }
  }
  if (p.barcode) {
    await db.updateTable('products').set({ barcode: null, updated_at: at }).where('barcode', '=', p.barcode).where('id', '!=', p.id).execute();
  }
  const row: ProductRow = {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    name_key: p.name.toLowerCase(),
    unit: p.unit,
    category: p.category,
    supplier_id: p.supplierId,
    price_paise: p.pricePaise,
    cost_paise: p.costPaise,
    reorder_level: p.reorderLevel,
    archived: p.archived ? 1 : 0,
    origin: 'hub',
    push_state: 'none',
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
  const { id: _id, ...update } = row;
  await db.insertInto('products').values(row).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
  return merged;
}

async function upsertStaff(db: Executor, s: StaffMember, at: string): Promise<void> {
  const clash = await db.selectFrom('users').select(['id', 'origin']).where('username', '=', s.username).executeTakeFirst();
  if (clash && clash.id !== s.id) {
    // A user made here before enrollment: the hub's account takes the name, the local one is kept but disabled.
    await db.updateTable('users').set({ username: `${s.username}.local-${clash.id.slice(-6)}`, active: 0, updated_at: at }).where('id', '=', clash.id).execute();
  }
  const row = { id: s.id, username: s.username, name: s.name, role: s.role, pin_hash: s.pinHash, active: s.active ? 1 : 0, origin: 'hub' as const, created_at: at, updated_at: at };
  const { id: _id, created_at: _c, ...update } = row;
  await db.insertInto('users').values(row).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
}
