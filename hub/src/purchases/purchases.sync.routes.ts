import { devicePurchasesSchema, goodsReceiptSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { requireDevice } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { openOrdersOf, receiptRows } from './purchases.read';

/** Receipts a counter gets back: the last this many days of its store (for costs and progress). */
export const DEVICE_RECEIPT_DAYS = 90;

const purchases = route({
  summary: "The device's store's open purchase orders (head office's too) and its goods receipts of the last 90 days (device token)",
  tag: 'sync',
  responses: { 200: devicePurchasesSchema },
});

/** A counter calls this after its pull: orders made at head office reach it, and so do other counters' receipts. */
export function createPurchasesSyncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/purchases', purchases, async (c) => {
    const device = requireDevice(c);
    const open = await openOrdersOf(deps.db, device.storeId);
    const since = new Date(deps.clock.now() - DEVICE_RECEIPT_DAYS * 86_400_000);
    const recent = (await receiptRows(deps.db, { visible: [device.storeId], from: since }).orderBy('g.occurred_at').execute()).map((r) => goodsReceiptSchema.parse(r.doc));
    const receipts = [...new Map([...open.receipts, ...recent].map((r) => [r.id, r])).values()];
    return c.json({ purchaseOrders: open.orders, goodsReceipts: receipts }, 200);
  });
}
