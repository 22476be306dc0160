import {
  DomainError,
  formatPurchaseNumber,
  goodsReceiptSchema,
  normaliseBillNumber,
  purchaseOrderSchema,
  purchaseOrderTotal,
  receiptProgress,
  uuidv7,
  type GoodsReceipt,
  type PurchaseOrder, parseMinorJson } from '@bazaar/shared';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.log';
import { billStoreSync } from '../bills/bills.settings';
import { requireActor, type CoreContext } from '../core.context';
import type { Executor, SupplierRow } from '../db/db.types';
import { writeTx } from '../db/write-tx';
import { requireProduct } from '../products/products.service';
import { movingCost } from './purchases.cost';
import type { createPurchaseOrderInput, listPurchaseOrdersInput, PurchaseOrderView } from './purchases.api';

/** A supplier by id or by name (any case). */
export async function requireSupplier(db: Executor, ref: string): Promise<SupplierRow> {
  const s =
    (await db.selectFrom('suppliers').selectAll().where('id', '=', ref.toLowerCase()).executeTakeFirst()) ??
    (await db.selectFrom('suppliers').selectAll().where((eb) => eb(eb.fn('lower', ['name']), '=', ref.toLowerCase())).executeTakeFirst());
  if (!s) throw new DomainError('NOT_FOUND', `no supplier "${ref}" (add one with \`bazaar-store supplier add\`, or take them from the hub)`, { field: 'supplier' });
  return s;
}

/**
 * Make a purchase order at this counter: numbered from this counter's own running number for
 * orders (max + 1 inside the write transaction, like a bill), kept pending until a push answer
 * acknowledges it. Names, units and costs (the moving average unless agreed otherwise) come from
 * the catalog as it stands here.
 */
export async function createPurchaseOrder(ctx: CoreContext, i: z.output<typeof createPurchaseOrderInput>): Promise<PurchaseOrderView> {
  const actor = await requireActor(ctx, 'staff');
  const po = await writeTx(ctx.db, async (db) => {
    const supplier = await requireSupplier(db, i.supplier);
    if (supplier.archived) throw new DomainError('UNPROCESSABLE', `${supplier.name} is archived`, { field: 'supplier' });
    const lines: PurchaseOrder['lines'] = [];
    for (const [n, l] of i.lines.entries()) {
      const p = await requireProduct(db, l.product);
      if (p.archived === 1) throw new DomainError('UNPROCESSABLE', `line ${n + 1}: ${p.sku} is archived`, { product: l.product });
      if (lines.some((x) => x.productId === p.id)) throw new DomainError('VALIDATION_FAILED', `line ${n + 1}: ${p.sku} is on the order twice`, { product: l.product });
      lines.push({ lineNo: n + 1, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, orderedQty: l.qty, agreedCostMinor: l.costMinor ?? (await movingCost(db, p)) });
    }
    const store = billStoreSync(ctx.raw);
    const top = await db.selectFrom('purchase_orders').select((eb) => eb.fn.max('counter_no').as('max')).where('origin', '=', 'local').where('counter_code', '=', store.counterCode).executeTakeFirst();
    const no = Number(top?.max ?? 0) + 1;
    const at = new Date(ctx.clock.nowMs()).toISOString();
    const doc: PurchaseOrder = purchaseOrderSchema.parse({
      id: uuidv7(ctx.clock.nowMs()),
      number: formatPurchaseNumber('order', store.storeCode, store.counterCode, no),
      storeId: store.storeId,
      storeCode: store.storeCode,
      counterCode: store.counterCode,
      counterNo: no,
      deviceId: store.deviceId,
      supplierId: supplier.id,
      supplierName: supplier.name,
      status: i.status,
      lines,
      totalMinor: purchaseOrderTotal(lines),
      expectedDay: i.expectedDay ?? null,
      note: i.note || null,
      createdBy: { id: actor.userId, name: actor.name },
      createdAt: at,
      updatedAt: at,
    });
    await db
      .insertInto('purchase_orders')
      .values({ id: doc.id, number: doc.number, counter_code: doc.counterCode, counter_no: no, supplier_id: supplier.id, status: doc.status, origin: 'local', push_state: 'pending', created_at: at, updated_at: at, doc_json: JSON.stringify(doc) })
      .execute();
    await appendAudit(db, { actor, action: 'purchase_order.create', entity: 'purchase_order', entityId: doc.id, storeId: store.storeId, before: null, after: { number: doc.number, supplier: supplier.name, lines: lines.length, totalMinor: doc.totalMinor }, at: new Date(at) });
    return doc;
  });
  return orderView(ctx.db, po.id);
}

/** An order by its number (or the end of it: `PO00012`, `12`) or id. */
export async function findOrder(db: Executor, ref: string): Promise<{ doc: PurchaseOrder; origin: 'local' | 'hub'; push_state: string } | undefined> {
  const n = normaliseBillNumber(ref);
  const exact = await db.selectFrom('purchase_orders').select(['doc_json', 'origin', 'push_state']).where((eb) => eb.or([eb('id', '=', ref.toLowerCase()), eb('number', '=', n)])).executeTakeFirst();
  const row =
    exact ??
    (/^(PO)?\d+$/.test(n)
      ? await db.selectFrom('purchase_orders').select(['doc_json', 'origin', 'push_state']).where('number', 'like', `%-PO${n.replace(/^PO/, '').padStart(5, '0')}`).orderBy('created_at', 'desc').executeTakeFirst()
      : undefined);
  return row ? { doc: purchaseOrderSchema.parse(parseMinorJson(row.doc_json)), origin: row.origin, push_state: row.push_state } : undefined;
}

export async function requireOrder(db: Executor, ref: string) {
  const o = await findOrder(db, ref);
  if (!o) throw new DomainError('NOT_FOUND', `no purchase order "${ref}"`, { field: 'po' });
  return o;
}

export async function receiptsOf(db: Executor, poId: string): Promise<GoodsReceipt[]> {
  const rows = await db.selectFrom('goods_receipts').select('doc_json').where('po_id', '=', poId).orderBy('occurred_at').execute();
  return rows.map((r) => goodsReceiptSchema.parse(parseMinorJson(r.doc_json)));
}

export async function orderView(db: Executor, ref: string): Promise<PurchaseOrderView> {
  const o = await requireOrder(db, ref);
  const receipts = await receiptsOf(db, o.doc.id);
  const p = receiptProgress(o.doc, receipts);
  return {
    order: o.doc,
    status: p.status,
    origin: o.origin,
    synced: o.push_state !== 'pending',
    lines: p.lines,
    unordered: p.unordered,
    receipts: receipts.map((r) => ({ id: r.id, number: r.number, supplierBillNo: r.supplierBillNo, occurredAt: r.occurredAt, totalMinor: r.totalMinor })),
  };
}

export async function listOrders(db: Executor, i: z.output<typeof listPurchaseOrdersInput>): Promise<PurchaseOrderView[]> {
  const rows = await db.selectFrom('purchase_orders').select('id').orderBy('created_at', 'desc').limit(i.open ? 500 : i.limit).execute();
  const views = [];
  for (const r of rows) views.push(await orderView(db, r.id));
  const shown = i.open ? views.filter((v) => v.status === 'draft' || v.status === 'sent' || v.status === 'partly_received') : views;
  return shown.slice(0, i.limit);
}

/** Cancel an order (a manager): final, travels on the next push; goods already received stay received. */
export async function cancelOrder(ctx: CoreContext, ref: string): Promise<PurchaseOrderView> {
  const actor = await requireActor(ctx, 'manager');
  const id = await writeTx(ctx.db, async (db) => {
    const o = await requireOrder(db, ref);
    if (o.doc.status === 'cancelled') return o.doc.id;
    const at = new Date(ctx.clock.nowMs()).toISOString();
    const doc = { ...o.doc, status: 'cancelled' as const, updatedAt: at };
    await db.updateTable('purchase_orders').set({ status: 'cancelled', push_state: 'pending', updated_at: at, doc_json: JSON.stringify(doc) }).where('id', '=', doc.id).execute();
    await appendAudit(db, { actor, action: 'purchase_order.cancel', entity: 'purchase_order', entityId: doc.id, storeId: ctx.settings.store_id, before: { status: o.doc.status }, after: { status: 'cancelled' }, at: new Date(at) });
    return doc.id;
  });
  return orderView(ctx.db, id);
}
