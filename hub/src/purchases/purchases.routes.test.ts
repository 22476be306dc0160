import { goodsReceiptSchema, purchaseOrderSchema, receiptProgress, uuidv7, type PurchaseOrder } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { SimDevice } from '../sync/sync.test-kit';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { poStatusSql } from './purchases.read';
import { counterOrder, receiptFor } from './purchases.test-docs';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

async function world(code: string) {
  const store = await t.makeStore(`${code}${uuidv7().slice(-6)}`);
  const supplier = (await t.call('POST', '/suppliers', admin.token, { name: `Agro ${code}` })).body as { id: string; name: string };
  const rice = await t.makeProduct({ sku: `${code}-RICE-${uuidv7().slice(-6)}` });
  const soap = await t.makeProduct({ sku: `${code}-SOAP-${uuidv7().slice(-6)}` });
  await t.db.db.updateTable('products').set({ supplier_id: supplier.id }).where('id', 'in', [rice.id, soap.id]).execute();
  const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
  return { store, supplier, rice, soap, device };
}

/** IN movements of a receipt, recorded on the device with batch id = the receipt id. */
function receiptMovements(device: SimDevice, receiptId: string, supplierId: string, lines: { productId: string; qty: number; cost: number }[]) {
  const from = device.log.length + 1;
  for (const l of lines) device.record('IN', l.productId, l.qty);
  return device.slice(from, device.log.length).map((m, i) => ({ ...m, batchId: receiptId, supplierId, unitCostMinor: lines[i]!.cost }));
}

const sqlStatus = async (po: PurchaseOrder) =>
  (await t.db.db.selectFrom('purchase_orders as p').select(poStatusSql('p').as('s')).where('p.store_id', '=', po.storeId).where('p.id', '=', po.id).executeTakeFirstOrThrow()).s;

describe('purchase orders and goods receipts at the hub', () => {
  it('an order made at head office reaches the counter; receipts on the push are stored once; a partial delivery shows what is short', async () => {
    const w = await world('PA');
    const made = await t.call('POST', '/purchase-orders', admin.token, {
      storeId: w.store.id,
      supplierId: w.supplier.id,
      lines: [{ productId: w.rice.id, orderedQty: 20, agreedCostMinor: 650 }, { productId: w.soap.id, orderedQty: 12 }],
      expectedDay: '2026-12-10',
    });
    expect(made.status).toBe(201);
    const po = purchaseOrderSchema.parse(made.body);
    expect(po.number).toBe(`${w.store.code}-HO-PO00001`);
    expect(po.lines[1]).toMatchObject({ agreedCostMinor: 700, orderedQty: 12 });
    expect(po.totalMinor).toBe(20 * 650 + 12 * 700);

    const pulled = await t.call('GET', '/sync/purchases', w.device.token);
    expect(pulled.status).toBe(200);
    expect(pulled.body.purchaseOrders.map((o: PurchaseOrder) => o.number)).toEqual([po.number]);

    // The first delivery: 8 of 20 rice, all the soap and 2 cartons of something not ordered? no: just the two.
    const first = receiptFor(po, w.store.id, w.supplier.id, [{ productId: w.rice.id, qty: 8, cost: 650 }, { productId: w.soap.id, qty: 12, cost: 700 }]);
    const movements = receiptMovements(w.device, first.id, w.supplier.id, [{ productId: w.rice.id, qty: 8, cost: 650 }, { productId: w.soap.id, qty: 12, cost: 700 }]);
    for (let i = 0; i < 2; i++) expect((await t.call('POST', '/sync/push', w.device.token, { movements, goodsReceipts: [first] })).status).toBe(200);
    const stored = await t.db.db.selectFrom('goods_receipts').selectAll().where('store_id', '=', w.store.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: first.id, po_id: po.id, supplier_bill_no: 'INV-1', device_id: w.device.id });
    const stock = await t.db.db.selectFrom('stock').select(['product_id', 'qty']).where('store_id', '=', w.store.id).execute();
    expect(Object.fromEntries(stock.map((s) => [s.product_id, Number(s.qty)]))).toEqual({ [w.rice.id]: 8, [w.soap.id]: 12 });

    let detail = await t.call('GET', `/purchase-orders/${po.id}`, admin.token);
    expect(detail.status).toBe(200);
    expect(detail.body.status).toBe('partly_received');
    expect(detail.body.lines.map((l: { state: string; remainingQty: number }) => [l.state, l.remainingQty])).toEqual([['partial', 12], ['complete', 0]]);
    expect(detail.body.receipts.map((r: { number: string }) => r.number)).toEqual([first.number]);
    expect(detail.body.text).toContain(`Purchase order ${po.number}`);
    expect(detail.body.text).toContain('20 pc at ₹6.50');
    const urdu = await t.call('GET', `/purchase-orders/${po.id}?lang=ur&currency=PKR`, admin.token);
    expect(urdu.body.text).toContain('خریداری آرڈر');

    const open = await t.call('GET', `/purchase-orders?storeId=${w.store.id}&status=partly_received`, admin.token);
    expect(open.body.items.map((o: { id: string; lineCount: number; linesReceived: number }) => [o.id, o.lineCount, o.linesReceived])).toEqual([[po.id, 2, 1]]);
    expect(detail.body.linesReceived).toBe(receiptProgress(po, [first]).lines.filter((l) => l.receivedQty >= l.orderedQty).length);

    // The rest, and 2 more than ordered: received, the rice line over.
    const second = receiptFor(po, w.store.id, w.supplier.id, [{ productId: w.rice.id, qty: 14, cost: 660 }], 2);
    const more = receiptMovements(w.device, second.id, w.supplier.id, [{ productId: w.rice.id, qty: 14, cost: 660 }]);
    expect((await t.call('POST', '/sync/push', w.device.token, { movements: more, goodsReceipts: [second] })).status).toBe(200);
    detail = await t.call('GET', `/purchase-orders/${po.id}`, admin.token);
    expect(detail.body.status).toBe('received');
    expect(detail.body.linesReceived).toBe(2);
    expect(detail.body.lines[0]).toMatchObject({ state: 'over', overQty: 2 });
    expect(await sqlStatus(po)).toBe(receiptProgress(po, [first, second]).status);
    expect((await t.call('GET', '/sync/purchases', w.device.token)).body.purchaseOrders).toEqual([]);

    const receipts = await t.call('GET', `/goods-receipts?storeId=${w.store.id}`, admin.token);
    expect(receipts.body.items.map((r: { number: string; poNumber: string }) => [r.number, r.poNumber])).toEqual([[second.number, po.number], [first.number, po.number]]);
    const page = await t.call('GET', `/reports/supplier-purchases?supplierId=${w.supplier.id}`, admin.token);
    expect(page.status).toBe(200);
    expect(page.body.bought[0]).toMatchObject({ receipts: 2, totalMinor: first.totalMinor + second.totalMinor });
    expect(page.body.openOrders).toEqual([]);
  });

  it('an order made at a counter rides the next push; a later cancel stands and an older copy never undoes it; SQL status agrees with the shared rule', async () => {
    const w = await world('PB');
    const po = counterOrder(w.store.id, w.supplier.id, [{ productId: w.rice.id, qty: 10, cost: 500 }], 1, '2026-12-01T10:00:00.000Z');
    expect((await t.call('POST', '/sync/push', w.device.token, { movements: [], purchaseOrders: [po] })).status).toBe(200);
    expect(await sqlStatus(po)).toBe('sent');
    const cancelled = { ...po, status: 'cancelled' as const, updatedAt: '2026-12-01T11:00:00.000Z' };
    expect((await t.call('POST', '/sync/push', w.device.token, { movements: [], purchaseOrders: [cancelled] })).status).toBe(200);
    expect((await t.call('POST', '/sync/push', w.device.token, { movements: [], purchaseOrders: [po] })).status).toBe(200);
    const rows = await t.db.db.selectFrom('purchase_orders').select(['status', 'device_id']).where('store_id', '=', w.store.id).execute();
    expect(rows).toEqual([{ status: 'cancelled', device_id: w.device.id }]);
    const g = receiptFor(cancelled, w.store.id, w.supplier.id, [{ productId: w.rice.id, qty: 3, cost: 500 }]);
    expect((await t.call('POST', '/sync/push', w.device.token, { movements: receiptMovements(w.device, g.id, w.supplier.id, [{ productId: w.rice.id, qty: 3, cost: 500 }]), goodsReceipts: [g] })).status).toBe(200);
    expect(await sqlStatus(po)).toBe(receiptProgress(cancelled, [goodsReceiptSchema.parse(g)]).status);
  });

  it('suggests what to order from the sales of the last 28 days and turns the list into one order per supplier', async () => {
    const w = await world('PC');
    await t.call('PUT', `/purchase-terms/suppliers/${w.supplier.id}`, admin.token, { leadTimeDays: 2, reviewDays: 7, safetyDays: 2 });
    expect((await t.call('PUT', `/purchase-terms/products/${w.rice.id}`, admin.token, { packQty: 6 })).status).toBe(200);
    // 21 days ago 50 in, then 2 a day sold for 20 days: 10 left, 2/day, out in about 5 days. The
    // last sale is two days back, so it is before the store's today at any hour (one day back was
    // today in the store's zone for the last hour of its day, which the report leaves out).
    const start = Date.now() - 21 * 86_400_000;
    w.device.trueNow = () => start;
    w.device.record('IN', w.rice.id, 50);
    for (let d = 0; d < 20; d++) {
      w.device.trueNow = () => start + d * 86_400_000 + 3_600_000;
      w.device.record('SALE', w.rice.id, -2);
    }
    w.device.trueNow = () => Date.now();
    expect((await t.call('POST', '/sync/push', w.device.token, { movements: w.device.slice(1, w.device.log.length) })).status).toBe(200);
    const report = await t.call('GET', `/reports/reorder?storeId=${w.store.id}`, admin.token);
    expect(report.status).toBe(200);
    const group = report.body.groups.find((g: { supplierId: string }) => g.supplierId === w.supplier.id);
    expect(group, JSON.stringify(report.body)).toMatchObject({ leadTimeDays: 2, reviewDays: 7 });
    const line = group.lines.find((l: { productId: string }) => l.productId === w.rice.id);
    // 10 on hand; due within the review period; packs of 6.
    expect(line.onHandQty).toBe(10);
    expect(line.soldQty).toBe(40);
    expect(line.suggestedQty % 6).toBe(0);
    expect(line.suggestedQty).toBeGreaterThan(0);
    expect(line.reasons).toContain('cover_short');

    const made = await t.call('POST', '/purchase-orders/from-suggestions', admin.token, { storeId: w.store.id });
    expect(made.status).toBe(201);
    expect(made.body.orders).toHaveLength(1);
    expect(made.body.orders[0].lines.find((l: { productId: string }) => l.productId === w.rice.id).orderedQty).toBe(line.suggestedQty);
    // What is on order now counts: the rice is no longer suggested.
    const after = await t.call('GET', `/reports/reorder?storeId=${w.store.id}`, admin.token);
    const still = after.body.groups.flatMap((g: { lines: { productId: string }[] }) => g.lines).filter((l: { productId: string }) => l.productId === w.rice.id);
    expect(still).toEqual([]);
  });

  it('a manager of another store sees none of it', async () => {
    const w = await world('PD');
    const po = purchaseOrderSchema.parse((await t.call('POST', '/purchase-orders', admin.token, { storeId: w.store.id, supplierId: w.supplier.id, lines: [{ productId: w.rice.id, orderedQty: 1 }] })).body);
    const other = await t.makeStore(`PX${uuidv7().slice(-6)}`);
    const manager = await t.makeUser('manager', [other.id]);
    expect((await t.call('GET', `/purchase-orders/${po.id}`, manager.token)).status).toBe(404);
    expect((await t.call('GET', '/purchase-orders', manager.token)).body.items).toEqual([]);
    expect((await t.call('POST', '/purchase-orders', manager.token, { storeId: w.store.id, supplierId: w.supplier.id, lines: [{ productId: w.rice.id, orderedQty: 1 }] })).status).toBe(404);
    const bad = await t.call('POST', '/purchase-orders', admin.token, { storeId: w.store.id, supplierId: w.supplier.id, lines: [] });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('an order needs at least one line');
  });
});
