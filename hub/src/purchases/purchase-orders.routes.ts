import {
  createTranslator,
  DomainError,
  fromSuggestionsSchema,
  goodsReceiptSchema,
  limitSchema,
  locales,
  pageSchema,
  purchaseOrderCreateSchema,
  purchaseOrderDetailSchema,
  purchaseOrderSchema,
  purchaseOrderStatusSchema,
  purchaseOrderSummarySchema,
  purchaseOrderText,
  receiptProgress,
  uuidSchema,
} from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, assertStoreRole, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeTimeIdCursor, pageOf, pastCursor } from '../http/cursor';
import { actorOf } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { createHeadOfficeOrder } from './purchase-orders.create';
import { orderRows, receiptRows, toOrderSummary, toReceiptSummary } from './purchases.read';
import { reorderForStore } from './reorder.compute';

const listQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  supplierId: uuidSchema.optional(),
  status: z.union([purchaseOrderStatusSchema, z.literal('open')]).optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});
const textQuery = z.strictObject({ lang: z.enum(locales).default('en'), currency: z.string().regex(/^[A-Z]{3}$/).optional() });
const fromSuggestionsAnswer = z.object({ orders: z.array(purchaseOrderSchema) });

const tag = 'purchases';
const list = route({ summary: 'Purchase orders of the stores you see, newest first (status is read from the receipts; keyset paging)', tag, query: listQuery, responses: { 200: pageSchema(purchaseOrderSummarySchema) } });
const create = route({ summary: 'Make a purchase order at head office (admins, managers of the store); the counter gets it on its next sync', tag, body: purchaseOrderCreateSchema, responses: { 201: purchaseOrderSchema } });
const getOne = route({ summary: 'One purchase order: lines with what was received (short, over), its receipts, and the order as text for WhatsApp', tag, id: { notFound: 'purchase order not found' }, query: textQuery, responses: { 200: purchaseOrderDetailSchema } });
const fromSuggestions = route({ summary: "Turn a store's due reorder suggestions into purchase orders, one per supplier, in one step", tag, body: fromSuggestionsSchema, responses: { 201: fromSuggestionsAnswer } });

/** Head office's purchase orders (admins all stores, managers theirs; staff and counters are refused). */
export function createPurchaseOrdersRoutes(deps: AppDeps) {
  const db = deps.db;
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      if (query.storeId) assertStoreAccess(me, query.storeId);
      let q = orderRows(deps.readDb, { visible: visibleStoreIds(me), storeId: query.storeId, supplierId: query.supplierId, status: query.status })
        .orderBy('p.created_at', 'desc')
        .orderBy('p.id', 'desc')
        .limit(query.limit + 1);
      const after = decodeTimeIdCursor(query.cursor);
      if (after) q = q.where(pastCursor('p.created_at', 'p.id', after));
      const rows = await q.execute();
      return c.json(pageOf(rows, query.limit, toOrderSummary, (r) => [new Date(r.created_at).toISOString(), r.id]), 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await create.json(c);
      assertStoreRole(me, input.storeId, ['admin', 'manager']);
      const po = await db.transaction().execute((trx) => createHeadOfficeOrder(trx, input, { id: me.id, name: me.name, audit: actorOf(c, deps, me) }, new Date(deps.clock.now())));
      return c.json(po, 201);
    })
    .post('/from-suggestions', fromSuggestions, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await fromSuggestions.json(c);
      assertStoreRole(me, input.storeId, ['admin', 'manager']);
      const store = await db.selectFrom('stores').select(['id', 'code', 'name', 'time_zone']).where('id', '=', input.storeId).executeTakeFirst();
      if (!store) throw new DomainError('NOT_FOUND', 'store not found');
      const groups = (await reorderForStore(db, store, deps.clock.now(), { supplierId: input.supplierId })).filter((g) => g.supplierId !== null);
      const wanted = input.productIds ? new Set(input.productIds) : null;
      const now = new Date(deps.clock.now());
      const orders = await db.transaction().execute(async (trx) => {
        const out = [];
        for (const g of groups) {
          const lines = g.lines.filter((l) => !wanted || wanted.has(l.productId)).map((l) => ({ productId: l.productId, orderedQty: l.suggestedQty, agreedCostMinor: l.costMinor }));
          if (lines.length === 0) continue;
          out.push(await createHeadOfficeOrder(trx, { storeId: store.id, supplierId: g.supplierId!, lines, status: input.status, expectedDay: null, note: null }, { id: me.id, name: me.name, audit: actorOf(c, deps, me) }, now));
        }
        return out;
      });
      return c.json({ orders }, 201);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = getOne.id(c);
      const query = getOne.query(c);
      const row = await orderRows(deps.readDb, { visible: visibleStoreIds(me), ids: [id] }).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'purchase order not found');
      const order = purchaseOrderSchema.parse(row.doc);
      const receiptList = await receiptRows(deps.readDb, { visible: [row.store_id], poIds: [id] }).orderBy('g.occurred_at').orderBy('g.id').execute();
      const progress = receiptProgress(order, receiptList.map((r) => goodsReceiptSchema.parse(r.doc)));
      const t = createTranslator({ locale: query.lang, currency: query.currency ?? null, timeZone: row.time_zone });
      return c.json(
        { ...toOrderSummary(row), order, lines: progress.lines, unordered: progress.unordered, receipts: receiptList.map(toReceiptSummary), text: purchaseOrderText(order, row.store_name, t) },
        200,
      );
    });
}
