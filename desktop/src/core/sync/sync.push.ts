import {
  MAX_PUSH_MOVEMENTS,
  MAX_PUSH_PRODUCTS,
  SYNC_PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  clockOffset,
  pushRequestSchema,
  pushResponseSchema,
  timeResponseSchema,
  type SyncMovementInput,
  type OfflineProduct,
  type PushResponse, parseMinorJson } from '@bazaar/shared';
import { prepared } from '../db/prepared';
import { writeTx } from '../db/write-tx';
import type { Executor, MovementRow, ProductRow } from '../db/db.types';
import type { CoreContext } from '../core.context';
import { getSyncState } from '../settings/settings.repository';
import { recomputeStock } from '../stock/stock.view';
import { adoptHubTime } from '../clock/clock.adopt';
import { HubError, hubRequest, type HubTarget } from './sync.http';
import { remapProduct } from './sync.remap';
import { markOrdersPushed, purchasesOfBatch } from '../purchases/purchases.sync';
import { markTransfersPushed, transfersOfBatch } from '../transfers/transfers.sync';
import { parsePacks } from '../products/products.repository';
import { markShiftsPushed, shiftsOfPush } from '../bills/shifts.sync';
import { billStoreSync } from '../bills/bills.settings';
import { creditOfBatch, markCreditPushed } from '../credit/credit.sync';

export interface PushOutcome {
  movements: number;
  products: number;
  rejected: number;
  remaps: number;
  /** Nothing was left to send. */
  idle: boolean;
}

/**
 * One push of at most 1,000 movements in seq order (and of products created offline,
 * which go first so the hub knows them before their movements). The local log is never
 * deleted; the hub's ackedSeq moves the queue, and rejections are recorded per movement.
 */
export async function pushOnce(ctx: CoreContext, target: HubTarget): Promise<PushOutcome> {
  let { products, movements, body, transfers, credit } = await buildBatch(ctx);
  const empty = () => products.length === 0 && movements.length === 0 && body.purchaseOrders.length === 0 && transfers.size === 0 && body.shifts.length === 0 && body.customers.length === 0 && body.creditEntries.length === 0;
  if (empty()) return { movements: 0, products: 0, rejected: 0, remaps: 0, idle: true };
  if (movements.some((m) => m.clock_final === 0)) {
    // Stamps made before this exchange are provisional: learn hub time first and send them final.
    await probeHubTime(ctx, target);
    ({ products, movements, body, transfers, credit } = await buildBatch(ctx));
    if (empty()) return { movements: 0, products: 0, rejected: 0, remaps: 0, idle: true };
  }

  let answer;
  try {
    // Protocol 2 asks the hub to leave applied movements out of its answer; a hub that predates
    // it ignores the header and lists every movement (protocol 1): both are read below.
    answer = await hubRequest(target, 'POST', 'api/v1/sync/push', body, { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) });
  } catch (err) {
    if (err instanceof HubError && err.code === 'SEQ_GAP') await realignAckedSeq(ctx.db, err.details);
    throw err;
  }
  const parsed = pushResponseSchema.safeParse(answer.body);
  if (!parsed.success) throw new HubError(`hub push answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
  const res = parsed.data;
  const rejected = await writeTx(ctx.db, async (db) => {
    const n = await applyPushResponse(ctx, db, withEveryResult(res, movements), products, answer.sentAt, answer.receivedAt);
    await markOrdersPushed(db, body.purchaseOrders);
    await markTransfersPushed(db, transfers);
    await markShiftsPushed(db, body.shifts);
    await markCreditPushed(db, credit.sent);
    return n;
  });
  return { movements: movements.length, products: products.length, rejected, remaps: res.remaps.length, idle: false };
}

/** `GET /sync/time`: the offset to hub time, the final stamps, and the seq the hub holds for this device. */
export async function probeHubTime(ctx: CoreContext, target: HubTarget): Promise<void> {
  const answer = await hubRequest(target, 'GET', 'api/v1/sync/time');
  const parsed = timeResponseSchema.safeParse(answer.body);
  if (!parsed.success) throw new HubError(`hub time answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
  const t = parsed.data;
  await writeTx(ctx.db, async (db) => {
    await adoptHubTime(ctx, db, clockOffset(answer.sentAt, answer.receivedAt, t.serverTime), t.hubHlc);
    await followHubAck(db, t.ackedSeq);
  });
}

/**
 * The hub's acknowledged seq for this device is the truth: below the one held here (the hub was
 * restored from an older backup) the movements after it are pending again and are sent again.
 * Returns whether it went down.
 */
export async function followHubAck(db: Executor, hubAcked: number): Promise<boolean> {
  const state = await getSyncState(db);
  // Never raised from here: a push answer lost after commit is learned by sending again (its rejections come back).
  if (hubAcked >= state.acked_seq) return false;
  // The hub's stock no longer holds those movements either: the next pull starts a full round.
  await db.updateTable('sync_state').set({ acked_seq: hubAcked, cursor: null }).where('id', '=', 1).execute();
  await db.updateTable('movements').set({ sync_status: 'pending', sync_reason: null }).where('seq', '>', hubAcked).execute();
  return true;
}

async function buildBatch(ctx: CoreContext) {
  const { db } = ctx;
  const state = await getSyncState(db);
  const products = await db.selectFrom('products').selectAll().where('push_state', '=', 'pending').orderBy('created_at').limit(MAX_PUSH_PRODUCTS).execute();
  const morePendingProducts = products.length === MAX_PUSH_PRODUCTS;
  const movements = morePendingProducts
    ? []
    : await db.selectFrom('movements').selectAll().where('seq', '>', state.acked_seq).orderBy('seq').limit(MAX_PUSH_MOVEMENTS).execute();
  const localSuppliers = new Set((await db.selectFrom('suppliers').select('id').where('origin', '=', 'local').execute()).map((r) => r.id));
  const localUsers = new Set((await db.selectFrom('users').select('id').where('origin', '=', 'local').execute()).map((r) => r.id));
  const settings = await db.selectFrom('settings').select('hlc_last').executeTakeFirst();
  const transfers = morePendingProducts ? { docs: [], versions: new Map<string, number>() } : await transfersOfBatch(db, movements, state.acked_seq);
  const credit = morePendingProducts ? { customers: [], creditEntries: [], sent: { customers: [], entryIds: [] } } : await creditOfBatch(db, ctx.settings.store_id, movements, state.acked_seq);
  const body = pushRequestSchema.parse({
    movements: movements.map((m) => toDeviceMovement(m, localSuppliers, localUsers)),
    products: products.map((p) => toOfflineProduct(p, localSuppliers)),
    bills: await billsOfBatch(db, movements),
    ...(await purchasesOfBatch(db, movements)),
    transfers: transfers.docs,
    shifts: morePendingProducts ? [] : await shiftsOfPush(db, () => billStoreSync(ctx.raw).storeCode),
    customers: credit.customers,
    creditEntries: credit.creditEntries,
    ...(settings?.hlc_last ? { deviceHlc: settings.hlc_last } : {}),
    clock: { deviceTime: Math.round(ctx.clock.rawMs()), offsetMs: Math.round(ctx.clock.offset) },
  });
  return { products, movements, body, transfers: transfers.versions, credit };
}

/**
 * The bills whose movements this push carries (a movement's batch id is its bill's id), as they
 * are now: a bill goes with its sale's movements, and again with its void's. The hub keeps each
 * once by id, so a copy that rides along twice (a bill across two batches, a retried push) is harmless.
 */
async function billsOfBatch(db: Executor, movements: readonly MovementRow[]): Promise<unknown[]> {
  const ids = [...new Set(movements.map((m) => m.batch_id).filter((b): b is string => b !== null))];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('bills').select('doc_json').where('id', 'in', ids).orderBy('counter_no').execute();
  return rows.map((r) => parseMinorJson(r.doc_json) as unknown);
}

/**
 * What the hub receives for a local movement. Suppliers and staff that exist only on this
 * device are not known to the hub: their ids are left out (the supplier's name goes in the
 * note). Derived only from stored rows, so a retried push carries identical content.
 */
function toDeviceMovement(m: MovementRow, localSuppliers: Set<string>, localUsers: Set<string>): SyncMovementInput {
  return {
    id: m.id,
    seq: m.seq,
    hlc: m.hlc,
    ...(m.stamped_hlc ? { stampedHlc: m.stamped_hlc } : {}),
    ...(m.device_time !== null ? { deviceTime: new Date(m.device_time).toISOString() } : {}),
    kind: m.kind,
    productId: m.product_id,
    qty: m.qty,
    unitPriceMinor: m.unit_price_minor,
    unitCostMinor: m.unit_cost_minor,
    reason: m.reason,
    note: m.note,
    supplierId: m.supplier_id && !localSuppliers.has(m.supplier_id) ? m.supplier_id : null,
    batchId: m.batch_id,
    userId: m.user_id && !localUsers.has(m.user_id) ? m.user_id : null,
    occurredAt: m.occurred_at,
    ...(m.lot !== null ? { lot: m.lot } : {}),
    ...(m.expires_on !== null ? { expiresOn: m.expires_on } : {}),
  };
}

function toOfflineProduct(p: ProductRow, localSuppliers: Set<string>): OfflineProduct {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    unit: p.unit,
    category: p.category,
    supplierId: p.supplier_id && !localSuppliers.has(p.supplier_id) ? p.supplier_id : null,
    priceMinor: p.price_minor,
    costMinor: p.cost_minor,
    reorderLevel: p.reorder_level,
    packs: parsePacks(p.packs),
  };
}

/**
 * The answer with one result per movement sent, whichever protocol the hub spoke. Protocol 2
 * lists only the movements not applied; every other one sent, at or below the acknowledged seq,
 * was applied. A protocol 1 answer already lists them all.
 */
export function withEveryResult(res: PushResponse, sent: readonly Pick<MovementRow, 'id' | 'seq'>[]): PushResponse {
  if ((res.protocol ?? 1) < 2) return res;
  const listed = new Set(res.results.map((r) => r.id));
  const applied = sent.filter((m) => !listed.has(m.id) && m.seq <= res.ackedSeq).map((m) => ({ id: m.id, seq: m.seq, status: 'applied' as const, reason: null }));
  return { ...res, results: [...res.results, ...applied] };
}

async function applyPushResponse(ctx: CoreContext, db: Executor, res: PushResponse, sentProducts: ProductRow[], sentAt: number, receivedAt: number): Promise<number> {
  const at = new Date(ctx.clock.nowMs()).toISOString();
  const touched = new Set<string>();
  let rejected = 0;
  // Applied and duplicate answers in one statement each (a batch is 1,000 of them); rejections one by one with their reason.
  for (const status of ['applied', 'duplicate'] as const) {
    const ids = res.results.filter((r) => r.status === status).map((r) => r.id);
    if (ids.length) prepared(ctx.raw, 'UPDATE movements SET sync_status = ?, sync_reason = NULL WHERE id IN (SELECT value FROM json_each(?))').run(status, JSON.stringify(ids));
  }
  const reject = prepared(ctx.raw, "UPDATE movements SET sync_status = 'rejected', sync_reason = ? WHERE id = ? RETURNING product_id");
  for (const r of res.results) {
    if (r.status !== 'rejected') continue;
    rejected += 1;
    const m = reject.get(r.reason, r.id) as { product_id: string } | undefined;
    if (m) touched.add(m.product_id);
  }
  for (const p of sentProducts) await db.updateTable('products').set({ push_state: 'pushed' }).where('id', '=', p.id).where('push_state', '=', 'pending').execute();
  for (const rm of res.remaps) {
    if (await remapProduct(db, rm.fromProductId, rm.toProductId, rm.sku, at)) touched.add(rm.toProductId);
  }
  await followHubAck(db, res.ackedSeq);
  await db.updateTable('sync_state').set({ acked_seq: res.ackedSeq, last_push_at: at }).where('id', '=', 1).execute();
  await adoptHubTime(ctx, db, clockOffset(sentAt, receivedAt, res.serverTime), res.hubHlc);
  await recomputeStock(db, touched, at);
  return rejected;
}

/** A 409 SEQ_GAP says which seq the hub expects next: resend from there. */
async function realignAckedSeq(db: Executor, details: unknown): Promise<void> {
  const d = (details ?? {}) as Record<string, unknown>;
  const expected = [d.expectedSeq, d.expected, d.nextSeq].find((v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1);
  if (expected === undefined) return;
  await db.updateTable('sync_state').set({ acked_seq: expected - 1 }).where('id', '=', 1).execute();
}
