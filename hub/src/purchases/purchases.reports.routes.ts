import { DEFAULT_SUPPLIER_TERMS, DomainError, dayStringSchema, lineTotalMinor, reorderReportSchema, supplierPurchasesSchema, uuidSchema, type GoodsReceipt } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { orderRows, receiptRows, toOrderSummary, toReceiptSummary } from './purchases.read';
import { reorderForStore } from './reorder.compute';

/** Stores one answer walks without a storeId (in code order); the rest are counted as left out. */
export const REORDER_MAX_STORES = 50;

const reorderQuery = z.strictObject({ storeId: uuidSchema.optional(), supplierId: uuidSchema.optional() });
const supplierQuery = z.strictObject({ supplierId: uuidSchema, storeId: uuidSchema.optional(), from: dayStringSchema.optional(), to: dayStringSchema.optional() });

const tag = 'purchases';
const reorder = route({
  summary: 'Reorder suggestions ("to order"): per store grouped by supplier, or across your stores, with why (velocity, days of cover, safety stock, lead time)',
  tag,
  query: reorderQuery,
  responses: { 200: reorderReportSchema },
});
const supplierPurchases = route({ summary: "A supplier's page: open purchase orders, receipts and what was bought per month, in the stores you see", tag, query: supplierQuery, responses: { 200: supplierPurchasesSchema } });

export function createPurchaseReportRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>()
    .get('/reorder', reorder, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = reorder.query(c);
      if (query.storeId) assertStoreAccess(me, query.storeId);
      const visible = visibleStoreIds(me);
      let q = db.selectFrom('stores').select(['id', 'code', 'name', 'time_zone']).where('archived', '=', false).orderBy('code');
      if (query.storeId) q = q.where('id', '=', query.storeId);
      else if (visible !== null) q = q.where('id', 'in', visible.length ? visible : ['00000000-0000-0000-0000-000000000000']);
      const stores = await q.limit(REORDER_MAX_STORES + 1).execute();
      const groups = [];
      for (const s of stores.slice(0, REORDER_MAX_STORES)) groups.push(...(await reorderForStore(db, s, deps.clock.now(), { supplierId: query.supplierId })));
      return c.json({ groups, storesLeftOut: Math.max(0, stores.length - REORDER_MAX_STORES) }, 200);
    })
    .get('/supplier-purchases', supplierPurchases, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = supplierPurchases.query(c);
      if (query.storeId) assertStoreAccess(me, query.storeId);
      const supplier = await db.selectFrom('suppliers').select(['id', 'name']).where('id', '=', query.supplierId).executeTakeFirst();
      if (!supplier) throw new DomainError('NOT_FOUND', 'supplier not found');
      const terms = await db.selectFrom('supplier_terms').selectAll().where('supplier_id', '=', supplier.id).executeTakeFirst();
      const visible = visibleStoreIds(me);
      const open = await orderRows(db, { visible, storeId: query.storeId, supplierId: supplier.id, status: 'open' }).orderBy('p.created_at', 'desc').limit(200).execute();
      const receipts = await receiptRows(db, {
        visible,
        storeId: query.storeId,
        supplierId: supplier.id,
        from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
        to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
      })
        .orderBy('g.occurred_at', 'desc')
        .limit(1000)
        .execute();
      const months = new Map<string, { month: string; receipts: number; subtotalMinor: number; taxMinor: number; totalMinor: number }>();
      const products = new Map<string, { productId: string; sku: string; name: string; unit: GoodsReceipt['lines'][number]['unit']; qty: number; totalMinor: number }>();
      for (const r of receipts) {
        const doc = r.doc as GoodsReceipt;
        const month = new Date(r.occurred_at).toISOString().slice(0, 7);
        const m = months.get(month) ?? { month, receipts: 0, subtotalMinor: 0, taxMinor: 0, totalMinor: 0 };
        m.receipts += 1;
        m.subtotalMinor += doc.subtotalMinor;
        m.taxMinor += doc.taxMinor;
        m.totalMinor += doc.totalMinor;
        months.set(month, m);
        for (const l of doc.lines) {
          const p = products.get(l.productId) ?? { productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, qty: 0, totalMinor: 0 };
          p.qty += l.receivedQty;
          p.totalMinor += lineTotalMinor(l.costMinor, l.receivedQty, l.unit) + l.taxMinor;
          products.set(l.productId, p);
        }
      }
      return c.json(
        {
          supplierId: supplier.id,
          supplierName: supplier.name,
          terms: terms ? { leadTimeDays: terms.lead_time_days, reviewDays: terms.review_days, safetyDays: terms.safety_days } : DEFAULT_SUPPLIER_TERMS,
          openOrders: open.map(toOrderSummary),
          receipts: receipts.slice(0, 100).map(toReceiptSummary),
          bought: [...months.values()].sort((a, b) => (a.month < b.month ? 1 : -1)),
          topProducts: [...products.values()].sort((a, b) => b.totalMinor - a.totalMinor).slice(0, 20),
        },
        200,
      );
    });
}
