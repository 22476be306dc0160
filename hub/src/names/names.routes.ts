import { namesSchema, uuidSchema, type Names } from '@bazaar/shared';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds } from '../auth/principal';
import type { AppDeps } from '../http/app-env';
import { oneGet } from '../openapi/one-get.routes';

/** At most a few pages of rows' ids of one kind per call. */
const MAX_IDS = 200;
/** Comma-separated ids in a query (a page of rows' worth). */
export const ids = z
  .string()
  .max(MAX_IDS * 37)
  .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(uuidSchema).max(MAX_IDS))
  .optional();

export const namesQuery = z.strictObject({ stores: ids, products: ids, users: ids, suppliers: ids, devices: ids });

const summary = 'Names of the stores, products, users, suppliers and devices a screen shows, in one answer (ids outside the caller’s scope are left out)';

/**
 * One batched lookup instead of one request per row: a list of 50 movements names its stores,
 * products and people in a single call. Stores and devices are those the caller sees; people are
 * those who share a store with the caller, admins, and the caller.
 */
export function createNamesRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return oneGet('/', { summary, tag: 'names', query: namesQuery, responses: { 200: namesSchema } }, requireUser, async (c, me, query) => {
    const visible = visibleStoreIds(me);
    const out: Names = { stores: {}, products: {}, users: {}, suppliers: {}, devices: {} };
    const seesNone = visible !== null && visible.length === 0;
    const [stores, products, users, suppliers, devices] = await Promise.all([
      query.stores?.length && !seesNone
        ? db.selectFrom('stores').select(['id', 'name', 'code', 'time_zone']).where('id', 'in', query.stores).$if(visible !== null, (q) => q.where('id', 'in', visible!)).execute()
        : [],
      query.products?.length ? db.selectFrom('products').select(['id', 'name', 'sku', 'unit']).where('id', 'in', query.products).execute() : [],
      query.users?.length
        ? db
            .selectFrom('users as u')
            .select(['u.id', 'u.name'])
            .where('u.id', 'in', query.users)
            .$if(visible !== null, (q) =>
              q.where((eb) =>
                eb.or([
                  eb('u.id', '=', me.id),
                  eb('u.role', '=', 'admin'),
                  ...(visible!.length ? [eb.exists(eb.selectFrom('user_stores as us').select(sql`1`.as('one')).whereRef('us.user_id', '=', 'u.id').where('us.store_id', 'in', visible!))] : []),
                ]),
              ),
            )
            .execute()
        : [],
      query.suppliers?.length ? db.selectFrom('suppliers').select(['id', 'name']).where('id', 'in', query.suppliers).execute() : [],
      query.devices?.length && !seesNone
        ? db.selectFrom('devices').select(['id', 'name']).where('id', 'in', query.devices).$if(visible !== null, (q) => q.where('store_id', 'in', visible!)).execute()
        : [],
    ]);
    for (const s of stores) out.stores[s.id] = { name: s.name, code: s.code, timeZone: s.time_zone };
    for (const p of products) out.products[p.id] = { name: p.name, sku: p.sku, unit: p.unit };
    for (const u of users) out.users[u.id] = { name: u.name };
    for (const s of suppliers) out.suppliers[s.id] = { name: s.name };
    for (const d of devices) out.devices[d.id] = { name: d.name };
    return c.json(out, 200);
  });
}
