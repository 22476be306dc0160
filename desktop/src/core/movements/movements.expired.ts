import { allocateBatches, DEFAULT_STORE_TIME_ZONE, lineTotalMinor, localDay } from '@bazaar/shared';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.log';
import { requireActor, type CoreContext } from '../core.context';
import type { RemoveExpiredResult, removeExpiredInput } from '../core.api';
import { writeTx } from '../db/write-tx';
import type { Executor } from '../db/db.types';
import { movingCost } from '../purchases/purchases.cost';
import { stockQty } from '../stock/stock.view';
import { appendMovement } from './movements.record';

/** Dated batches of the products that have one expired before `today`: what came in, less what was written off. */
async function batchesWithExpired(db: Executor, today: string) {
  const rows = await db
    .selectFrom('movements as m')
    .innerJoin('products as p', 'p.id', 'm.product_id')
    .select(['m.product_id', 'm.lot', 'm.expires_on', (eb) => eb.fn.sum<number>('m.qty').as('qty')])
    .where('m.expires_on', 'is not', null)
    .where('m.kind', 'in', ['IN', 'TRANSFER_IN', 'REMOVE'])
    .where('m.sync_status', '<>', 'rejected')
    .where('p.archived', '=', 0)
    .where((eb) =>
      eb(
        'm.product_id',
        'in',
        eb.selectFrom('movements as e').select('e.product_id').where('e.expires_on', '<', today).where('e.kind', 'in', ['IN', 'TRANSFER_IN']),
      ),
    )
    .groupBy(['m.product_id', 'm.lot', 'm.expires_on'])
    .execute();
  const by = new Map<string, { lot: string | null; expiresOn: string; qty: number }[]>();
  for (const r of rows) {
    const list = by.get(r.product_id) ?? [];
    list.push({ lot: r.lot, expiresOn: r.expires_on!, qty: Number(r.qty) });
    by.set(r.product_id, list);
  }
  return by;
}

/**
 * Takes every expired batch off the shelf in one step: for each product, its stock (the local
 * view) is laid over its dated batches first-expiry-first-out (allocateBatches, as the expiry
 * report does), and each batch whose day is before the store's today loses what it still holds
 * through one ordinary REMOVE (reason `expiry`, tagged with the batch, at the moving-average cost),
 * so the batch holds nothing afterwards and the removals sync exactly once like any other. One
 * transaction: all of them or none. The batches are this counter's own receipts.
 */
export async function removeExpired(ctx: CoreContext, input: z.output<typeof removeExpiredInput>): Promise<RemoveExpiredResult> {
  const actor = await requireActor(ctx);
  return writeTx(ctx.db, async (db) => {
    const tz = (await db.selectFrom('bill_settings').select('time_zone').where('id', '=', 1).executeTakeFirst())?.time_zone ?? DEFAULT_STORE_TIME_ZONE;
    const today = localDay(ctx.clock.nowMs(), tz);
    const removed: RemoveExpiredResult['removed'] = [];
    for (const [productId, receipts] of await batchesWithExpired(db, today)) {
      const p = await db.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirstOrThrow();
      const before = await stockQty(db, productId);
      const expired = allocateBatches(before, receipts).batches.filter((b) => b.expiresOn < today);
      if (expired.length === 0) continue;
      const cost = await movingCost(db, p);
      for (const b of expired) {
        const m = await appendMovement(db, ctx.clock, {
          kind: 'REMOVE',
          productId,
          qty: -b.qty,
          reason: 'expiry',
          unitCostMinor: cost,
          lot: b.lot,
          expiresOn: b.expiresOn,
          note: input.note ?? null,
          userId: actor.userId,
        });
        const after = await stockQty(db, productId);
        await appendAudit(db, {
          actor,
          action: 'stock.remove',
          entity: 'movement',
          entityId: m.id,
          storeId: ctx.settings.store_id,
          before: { productId, sku: p.sku, qty: after + b.qty },
          after: { productId, sku: p.sku, qty: after, movement: { seq: m.seq, kind: m.kind, qty: m.qty, reason: m.reason, note: m.note, lot: b.lot, expiresOn: b.expiresOn } },
          at: new Date(ctx.clock.nowMs()),
        });
        removed.push({ movementId: m.id, productId, sku: p.sku, productName: p.name, unit: p.unit, lot: b.lot, expiresOn: b.expiresOn, qty: b.qty, costMinor: lineTotalMinor(cost, b.qty, p.unit), stockAfter: after });
      }
    }
    removed.sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : a.sku.localeCompare(b.sku)));
    return { today, removed };
  });
}
