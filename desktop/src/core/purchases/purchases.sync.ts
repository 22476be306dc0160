import { devicePurchasesSchema, type GoodsReceipt, type PurchaseOrder, parseMinorJson } from '@bazaar/shared';
import type { CoreContext } from '../core.context';
import type { Executor, MovementRow } from '../db/db.types';
import { writeTx } from '../db/write-tx';
import { HubError, hubRequest, type HubTarget } from '../sync/sync.http';
import { storeReceipt } from './purchases.receive';

/**
 * The purchase documents of a push: every order made or changed here that the hub has not
 * acknowledged (they move no stock, so they ride on whatever push comes next, alone if need be),
 * and the receipts whose IN movements are in the batch (a movement's batch id is its receipt's id).
 * The hub keeps each once by id, so a copy that rides twice is harmless.
 */
export async function purchasesOfBatch(db: Executor, movements: readonly MovementRow[]): Promise<{ purchaseOrders: PurchaseOrder[]; goodsReceipts: GoodsReceipt[] }> {
  const orders = await db.selectFrom('purchase_orders').select('doc_json').where('push_state', '=', 'pending').orderBy('created_at').limit(1000).execute();
  const ids = [...new Set(movements.filter((m) => m.kind === 'IN').map((m) => m.batch_id).filter((b): b is string => b !== null))];
  const receipts = ids.length ? await db.selectFrom('goods_receipts').select('doc_json').where('id', 'in', ids).where('origin', '=', 'local').orderBy('counter_no').execute() : [];
  return { purchaseOrders: orders.map((r) => parseMinorJson(r.doc_json) as PurchaseOrder), goodsReceipts: receipts.map((r) => parseMinorJson(r.doc_json) as GoodsReceipt) };
}

/** After the hub answered: the copies it now holds are acknowledged (a copy changed meanwhile stays pending). */
export async function markOrdersPushed(db: Executor, sent: readonly PurchaseOrder[]): Promise<void> {
  for (const o of sent) await db.updateTable('purchase_orders').set({ push_state: 'pushed' }).where('id', '=', o.id).where('updated_at', '=', o.updatedAt).where('push_state', '=', 'pending').execute();
}

/**
 * After the pull: the store's open orders (head office's among them) and its recent receipts from
 * other counters, from GET /sync/purchases. An order changed here and not yet pushed keeps the
 * local copy; receipts are stored once by id. A hub that predates the endpoint answers 404: skipped.
 */
export async function pullPurchases(ctx: CoreContext, target: HubTarget): Promise<{ orders: number; receipts: number }> {
  let answer;
  try {
    answer = await hubRequest(target, 'GET', 'api/v1/sync/purchases');
  } catch (err) {
    if (err instanceof HubError && err.status === 404) return { orders: 0, receipts: 0 };
    throw err;
  }
  const parsed = devicePurchasesSchema.safeParse(answer.body);
  if (!parsed.success) throw new HubError(`hub purchases answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
  const { purchaseOrders, goodsReceipts } = parsed.data;
  return writeTx(ctx.db, async (db) => {
    let orders = 0;
    for (const o of purchaseOrders) {
      const local = await db.selectFrom('purchase_orders').select(['push_state', 'updated_at']).where('id', '=', o.id).executeTakeFirst();
      if (local && (local.push_state === 'pending' || local.updated_at >= o.updatedAt)) continue;
      const row = { number: o.number, counter_code: o.counterCode, counter_no: o.counterNo, supplier_id: o.supplierId, status: o.status, created_at: o.createdAt, updated_at: o.updatedAt, doc_json: JSON.stringify(o) };
      if (local) await db.updateTable('purchase_orders').set(row).where('id', '=', o.id).execute();
      else await db.insertInto('purchase_orders').values({ id: o.id, ...row, origin: 'hub', push_state: 'hub' }).execute();
      orders += 1;
    }
    let receipts = 0;
    for (const r of goodsReceipts) {
      if (await db.selectFrom('goods_receipts').select('id').where('id', '=', r.id).executeTakeFirst()) continue;
      await storeReceipt(db, r, 'hub', r.counterNo);
      receipts += 1;
    }
    return { orders, receipts };
  });
}
