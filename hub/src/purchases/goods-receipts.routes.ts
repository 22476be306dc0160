import { dayStartMs, dayStringSchema, limitSchema, pageSchema, goodsReceiptSummarySchema, uuidSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeTimeIdCursor, pageOf, pastCursor } from '../http/cursor';
import { route } from '../openapi/openapi.route';
import { receiptRows, toReceiptSummary } from './purchases.read';

const listQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  supplierId: uuidSchema.optional(),
  poId: uuidSchema.optional(),
  /** Store days (each store's own calendar, UTC when no store is given). */
  from: dayStringSchema.optional(),
  to: dayStringSchema.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});

const list = route({ summary: 'Goods receipts of the stores you see, newest first (filters: store, supplier, order, store days; keyset paging)', tag: 'purchases', query: listQuery, responses: { 200: pageSchema(goodsReceiptSummarySchema) } });

export function createGoodsReceiptsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', list, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const query = list.query(c);
    let zone = 'UTC';
    if (query.storeId) {
      assertStoreAccess(me, query.storeId);
      zone = (await deps.readDb.selectFrom('stores').select('time_zone').where('id', '=', query.storeId).executeTakeFirst())?.time_zone ?? 'UTC';
    }
    let q = receiptRows(deps.readDb, {
      visible: visibleStoreIds(me),
      storeId: query.storeId,
      supplierId: query.supplierId,
      poIds: query.poId ? [query.poId] : undefined,
      from: query.from ? new Date(dayStartMs(query.from, zone)) : undefined,
      to: query.to ? new Date(dayStartMs(query.to, zone) + 86_400_000) : undefined,
    })
      .orderBy('g.occurred_at', 'desc')
      .orderBy('g.id', 'desc')
      .limit(query.limit + 1);
    const after = decodeTimeIdCursor(query.cursor);
    if (after) q = q.where(pastCursor('g.occurred_at', 'g.id', after));
    const rows = await q.execute();
    return c.json(pageOf(rows, query.limit, toReceiptSummary, (r) => [new Date(r.occurred_at).toISOString(), r.id]), 200);
  });
}
