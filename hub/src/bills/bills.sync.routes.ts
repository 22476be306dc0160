import { billSchema, STORE_BILL_DAYS, storeBillsQuerySchema, storeBillsResponseSchema } from '@bazaar/shared';
import { requireDevice } from '../auth/auth.middleware';
import type { AppDeps } from '../http/app-env';
import { decodeTimeIdCursor, encodeCursor, pastCursor } from '../http/cursor';
import { oneGet } from '../openapi/one-get.routes';

const summary = "Bills other counters of the device's store rang up or changed (voids) in the last 90 days, oldest change first, keyset paged (device token)";

/**
 * A counter calls this after its pull: every bill of its store from the other counters, so a
 * return can be taken against any of them at this counter, offline too. One indexed range of
 * the store's own rows (bills_store_changed); nothing shared by all stores.
 */
export function createBillsSyncRoutes(deps: AppDeps) {
  return oneGet('/bills', { summary, tag: 'sync', query: storeBillsQuerySchema, responses: { 200: storeBillsResponseSchema } }, requireDevice, async (c, device, query) => {
    const after = decodeTimeIdCursor(query.cursor);
    const since = new Date(deps.clock.now() - STORE_BILL_DAYS * 86_400_000);
    let q = deps.readDb
      .selectFrom('bills')
      .select(['id', 'updated_at', 'doc'])
      .where('store_id', '=', device.storeId)
      .where('device_id', '<>', device.id)
      .where('occurred_at', '>=', since)
      .orderBy('updated_at')
      .orderBy('id')
      .limit(query.limit + 1);
    if (after) q = q.where(pastCursor('updated_at', 'id', after, '>'));
    const rows = await q.execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const cursor = last ? encodeCursor([new Date(last.updated_at).toISOString(), last.id]) : (query.cursor ?? null);
    return c.json({ bills: page.map((r) => billSchema.parse(r.doc)), cursor, hasMore: rows.length > query.limit }, 200);
  });
}
