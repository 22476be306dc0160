import { DomainError, archivePreviewSchema, isLocale, limitSchema, pageSchema, storeCreateSchema, storeSchema, storeUpdateSchema, uuidv7, type Store, type StoreUpdate } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import { nextVersion } from '../db/change-version';
import type { StoreRow } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, idCursorSchema, pageOf } from '../http/cursor';
import { actorOf, boolQuery, containsPattern, iso, rethrowUnique, definedOnly, sameText } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { archivePreview, revokeStoreDevices } from './stores.archive';
import { firstPageTotal } from '../http/page-total';

export function toStore(r: StoreRow): Store {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    region: r.region,
    location: r.location,
    varianceThreshold: r.variance_threshold,
    varianceLoosePercent: Number(r.variance_loose_percent),
    timeZone: r.time_zone,
    defaultLocale: isLocale(r.default_locale) ? r.default_locale : null,
    archived: r.archived,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const listQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  region: z.string().trim().min(1).max(100).optional(),
  archived: boolQuery.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});

const DUPLICATE_CODE = { stores_code_key: ['DUPLICATE_CODE', 'code: a store with this code already exists'] } as const;

const tag = 'stores';
const id = { notFound: 'store not found' };
const list = route({ summary: 'List stores (filters, keyset paging)', tag, query: listQuery, responses: { 200: pageSchema(storeSchema) } });
const create = route({ summary: 'Create a store (admin)', tag, body: storeCreateSchema, responses: { 201: storeSchema } });
const getOne = route({ summary: 'One store', tag, id, responses: { 200: storeSchema } });
const preview = route({ summary: 'What archiving this store would do (admin)', tag, id, responses: { 200: archivePreviewSchema } });
const replace = route({ summary: 'Replace a store (admin; archiving revokes its counters)', tag, id, body: storeCreateSchema.extend({ archived: z.boolean().default(false) }).strict(), responses: { 200: storeSchema } });
const change = route({ summary: 'Change some fields (admin; archiving revokes its counters)', tag, id, body: storeUpdateSchema, responses: { 200: storeSchema } });
const remove = route({ summary: 'Delete a store, or archive it when it has history (200 with the archived store)', tag, id, responses: { 200: storeSchema, 204: null } });

export function createStoresRoutes(deps: AppDeps) {
  const { db } = deps;

  async function update(c: Context<AppEnv>, id: string, patch: StoreUpdate) {
    const me = requireUser(c, ['admin']);
    return db
      .transaction()
      .execute(async (trx) => {
        const version = await nextVersion(trx);
        const before = await trx.selectFrom('stores').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw new DomainError('NOT_FOUND', 'store not found');
        const after = await trx
          .updateTable('stores')
          .set({
            ...definedOnly({ code: patch.code, name: patch.name, region: patch.region, location: patch.location, variance_threshold: patch.varianceThreshold, variance_loose_percent: patch.varianceLoosePercent, time_zone: patch.timeZone, default_locale: patch.defaultLocale, archived: patch.archived }),
            version,
            updated_at: new Date(deps.clock.now()),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const revoked = !before.archived && after.archived ? await revokeStoreDevices(trx, id, new Date(deps.clock.now())) : [];
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'store.update', entity: 'store', entityId: id, storeId: id, before: toStore(before), after: { ...toStore(after), ...(revoked.length ? { revokedDevices: revoked } : {}) } });
        return { store: toStore(after), revoked };
      })
      .catch((err: unknown) => rethrowUnique(err, DUPLICATE_CODE))
      .then(({ store, revoked }) => {
        for (const d of revoked) deps.principals?.evictDevice(d);
        return store;
      });
  }

  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, idCursorSchema);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      let q = db.selectFrom('stores').selectAll().orderBy('id').limit(query.limit + 1);
      if (visible !== null) q = q.where('id', 'in', visible);
      if (after) q = q.where('id', '>', after[0]);
      // A picker's search: name, code, city (location) or region.
      if (query.q) {
        const like = containsPattern(query.q);
        q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like), eb('location', 'ilike', like), eb('region', 'ilike', like)]));
      }
      if (query.region) q = q.where(sameText('region', query.region));
      if (query.archived !== undefined) q = q.where('archived', '=', query.archived);
      const [rows, total] = await Promise.all([q.execute(), firstPageTotal(q, query.cursor)]);
      return c.json({ ...pageOf(rows, query.limit, toStore, (r) => [r.id]), ...total }, 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin']);
      const input = await create.json(c);
      const store = await db
        .transaction()
        .execute(async (trx) => {
          const version = await nextVersion(trx);
          const id = uuidv7();
          const row = await trx
            .insertInto('stores')
            .values({
              id,
              code: input.code,
              name: input.name,
              region: input.region ?? null,
              location: input.location ?? null,
              variance_threshold: input.varianceThreshold,
              variance_loose_percent: input.varianceLoosePercent,
              time_zone: input.timeZone,
              default_locale: input.defaultLocale ?? null,
              version,
              updated_at: new Date(deps.clock.now()),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(trx, { ...actorOf(c, deps, me), action: 'store.create', entity: 'store', entityId: id, storeId: id, after: toStore(row) });
          return toStore(row);
        })
        .catch((err: unknown) => rethrowUnique(err, DUPLICATE_CODE));
      return c.json(store, 201);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const id = getOne.id(c);
      assertStoreAccess(me, id);
      const row = await db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'store not found');
      return c.json(toStore(row), 200);
    })
    .get('/:id/archive-preview', preview, async (c) => {
      requireUser(c, ['admin']);
      const id = preview.id(c);
      const row = await db.selectFrom('stores').select('id').where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'store not found');
      return c.json(await archivePreview(db, id), 200);
    })
    .put('/:id', replace, async (c) => {
      requireUser(c, ['admin']);
      const id = replace.id(c);
      const input = await replace.json(c);
      return c.json(await update(c, id, { ...input, region: input.region ?? null, location: input.location ?? null }), 200);
    })
    .patch('/:id', change, async (c) => {
      requireUser(c, ['admin']);
      const id = change.id(c);
      const input = await change.json(c);
      return c.json(await update(c, id, input), 200);
    })
    .delete('/:id', remove, async (c) => {
      const me = requireUser(c, ['admin']);
      const id = remove.id(c);
      let revoked: string[] = [];
      const result = await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx);
        const before = await trx.selectFrom('stores').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw new DomainError('NOT_FOUND', 'store not found');
        const used = await trx
          .selectNoFrom((eb) => [
            eb.exists(eb.selectFrom('movements').select('id').where('store_id', '=', id)).as('movements'),
            eb.exists(eb.selectFrom('stock').select('product_id').where('store_id', '=', id)).as('stock'),
            eb.exists(eb.selectFrom('devices').select('id').where('store_id', '=', id)).as('devices'),
            eb.exists(eb.selectFrom('user_stores').select('user_id').where('store_id', '=', id)).as('users'),
          ])
          .executeTakeFirstOrThrow();
        const hasHistory = Boolean(used.movements || used.stock || used.devices || used.users);
        if (hasHistory) {
          // A store with history is archived, never erased: its movements and audit trail stay.
          const after = await trx.updateTable('stores').set({ archived: true, version, updated_at: new Date(deps.clock.now()) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          // Its counters stop syncing; what they still queue arrives as rejected conflicts (sync.push.ts).
          revoked = await revokeStoreDevices(trx, id, new Date(deps.clock.now()));
          await writeAudit(trx, { ...actorOf(c, deps, me), action: 'store.archive', entity: 'store', entityId: id, storeId: id, before: toStore(before), after: { ...toStore(after), revokedDevices: revoked } });
          return toStore(after);
        }
        await trx.deleteFrom('change_counters').where('scope', '=', id).execute();
        await trx.deleteFrom('stores').where('id', '=', id).execute();
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'store.delete', entity: 'store', entityId: id, storeId: id, before: toStore(before) });
        return null;
      });
      for (const d of revoked) deps.principals?.evictDevice(d);
      return result ? c.json(result, 200) : c.body(null, 204);
    });
}
