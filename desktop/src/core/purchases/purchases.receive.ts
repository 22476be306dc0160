import { DomainError, formatPurchaseNumber, goodsReceiptSchema, receiptProgress, receiptTotals, uuidv7, type GoodsReceipt } from '@bazaar/shared';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.log';
import { billStoreSync } from '../bills/bills.settings';
import { requireActor, type CoreContext } from '../core.context';
import type { Executor } from '../db/db.types';
import { writeTx } from '../db/write-tx';
import { appendMovement } from '../movements/movements.record';
import { requireProduct } from '../products/products.service';
import { stockQty } from '../stock/stock.view';
import type { GoodsReceiptView, receiveGoodsInput } from './purchases.api';
import { movingCost } from './purchases.cost';
import { orderView, receiptsOf, requireOrder, requireSupplier } from './purchases.orders';

/**
 * Receive a supplier's delivery from its bill, against an order or without one, in one write
 * transaction: an IN movement per line (batch id = the receipt id, the supplier, the unit cost),
 * the receipt document and its cost lines, and the audit row. Everything or nothing. Each line
 * records the stock this counter saw just before it, which the moving-average cost weighs.
 * More or less than ordered is taken as the bill says: the order shows what is short or over.
 */
export async function receiveGoods(ctx: CoreContext, i: z.output<typeof receiveGoodsInput>): Promise<GoodsReceiptView> {
  const actor = await requireActor(ctx, 'staff');
  const receipt = await writeTx(ctx.db, async (db) => {
    const order = i.po ? (await requireOrder(db, i.po)).doc : null;
    if (order?.status === 'cancelled') throw new DomainError('UNPROCESSABLE', `purchase order ${order.number} is cancelled; receive without an order instead`, { field: 'po' });
    const supplier = order ? { id: order.supplierId, name: order.supplierName } : await requireSupplier(db, i.supplier!);
    if (order && i.supplier) {
      const named = await requireSupplier(db, i.supplier);
      if (named.id !== order.supplierId) throw new DomainError('VALIDATION_FAILED', `supplier: order ${order.number} is from ${order.supplierName}, not ${named.name}`, { field: 'supplier' });
    }
    const wanted = i.lines.length
      ? i.lines
      : await remainingOf(db, order!).then((rest) => {
          if (rest.length === 0) throw new DomainError('UNPROCESSABLE', `purchase order ${order!.number} has nothing left to receive; give the lines of the bill`, { field: 'lines' });
          return rest;
        });
    const added = new Map<string, number>();
    const lines: GoodsReceipt['lines'] = [];
    for (const [n, l] of wanted.entries()) {
      const p = await requireProduct(db, l.product);
      if (p.archived === 1) throw new DomainError('UNPROCESSABLE', `line ${n + 1}: ${p.sku} is archived`, { product: l.product });
      const agreed = order?.lines.find((o) => o.productId === p.id)?.agreedCostMinor;
      const before = (await stockQty(db, p.id)) + (added.get(p.id) ?? 0);
      added.set(p.id, (added.get(p.id) ?? 0) + l.qty);
      lines.push({ lineNo: n + 1, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, receivedQty: l.qty, costMinor: l.costMinor ?? agreed ?? (await movingCost(db, p)), taxMinor: l.taxMinor, onHandBeforeQty: before });
    }
    const store = billStoreSync(ctx.raw);
    const top = await db.selectFrom('goods_receipts').select((eb) => eb.fn.max('counter_no').as('max')).where('origin', '=', 'local').where('counter_code', '=', store.counterCode).executeTakeFirst();
    const no = Number(top?.max ?? 0) + 1;
    const id = uuidv7(ctx.clock.nowMs());
    const number = formatPurchaseNumber('receipt', store.storeCode, store.counterCode, no);
    let occurredAt: string | null = null;
    for (const l of lines) {
      const m = await appendMovement(db, ctx.clock, {
        kind: 'IN',
        productId: l.productId,
        qty: l.receivedQty,
        unitCostMinor: l.costMinor,
        supplierId: supplier.id,
        batchId: id,
        note: `${number} · ${i.supplierBillNo}`,
        userId: actor.userId,
      });
      occurredAt ??= m.occurred_at;
    }
    const doc = goodsReceiptSchema.parse({
      id,
      number,
      storeId: store.storeId,
      storeCode: store.storeCode,
      counterCode: store.counterCode,
      counterNo: no,
      deviceId: store.deviceId,
      supplierId: supplier.id,
      supplierName: supplier.name,
      poId: order?.id ?? null,
      poNumber: order?.number ?? null,
      supplierBillNo: i.supplierBillNo,
      supplierBillDate: i.supplierBillDate,
      lines,
      ...receiptTotals(lines),
      receivedBy: { id: actor.userId, name: actor.name },
      occurredAt: occurredAt!,
    });
    await storeReceipt(db, doc, 'local', no);
    await appendAudit(db, {
      actor,
      action: 'goods_receipt.create',
      entity: 'goods_receipt',
      entityId: id,
      storeId: store.storeId,
      before: null,
      after: { number, poNumber: doc.poNumber, supplier: supplier.name, supplierBillNo: doc.supplierBillNo, lines: lines.length, totalMinor: doc.totalMinor },
      at: new Date(ctx.clock.nowMs()),
    });
    return doc;
  });
  const out: GoodsReceiptView['lines'] = [];
  for (const l of receipt.lines) {
    const p = await requireProduct(ctx.db, l.productId);
    out.push({ lineNo: l.lineNo, stockAfter: await stockQty(ctx.db, p.id), costAfterMinor: await movingCost(ctx.db, p) });
  }
  return { receipt, lines: out, order: receipt.poId ? await orderView(ctx.db, receipt.poId) : null };
}

/** A receipt document and its cost lines (this counter's, or one the hub sent). */
export async function storeReceipt(db: Executor, doc: GoodsReceipt, origin: 'local' | 'hub', counterNo: number): Promise<void> {
  await db
    .insertInto('goods_receipts')
    .values({ id: doc.id, number: doc.number, counter_code: doc.counterCode, counter_no: counterNo, supplier_id: doc.supplierId, po_id: doc.poId, origin, occurred_at: doc.occurredAt, doc_json: JSON.stringify(doc) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('goods_receipt_lines')
    .values(doc.lines.map((l) => ({ receipt_id: doc.id, line_no: l.lineNo, product_id: l.productId, on_hand_before: l.onHandBeforeQty, qty: l.receivedQty, cost_minor: l.costMinor, occurred_at: doc.occurredAt })))
    .onConflict((oc) => oc.columns(['receipt_id', 'line_no']).doNothing())
    .execute();
}

async function remainingOf(db: Executor, order: NonNullable<Awaited<ReturnType<typeof requireOrder>>['doc']>) {
  const p = receiptProgress(order, await receiptsOf(db, order.id));
  return p.lines.filter((l) => l.remainingQty > 0).map((l) => ({ product: l.productId, qty: l.remainingQty, costMinor: undefined as number | undefined, taxMinor: 0 }));
}
