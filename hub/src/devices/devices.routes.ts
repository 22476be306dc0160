import { randomBytes } from 'node:crypto';
import { DomainError, deviceCreateSchema, deviceEnrollmentSchema, deviceSchema, limitSchema, pageSchema, uuidSchema, uuidv7 } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, assertStoreRole, visibleStoreIds } from '../auth/principal';
import { generateToken, hashToken } from '../auth/tokens';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, idCursorSchema, pageOf } from '../http/cursor';
import { actorOf, boolQuery, containsPattern } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { toDevice } from './devices.mappers';
import { firstPageTotal } from '../http/page-total';

/** Web forms send "" for an unset filter; treat it as absent. */
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

const listQuery = z.strictObject({
  storeId: optional(uuidSchema),
  revoked: optional(boolQuery),
  q: optional(z.string().trim().min(1).max(100)),
  limit: limitSchema,
  cursor: z.string().optional(),
});

const tag = 'sync';
const id = { notFound: 'device not found' };
const enroll = route({ summary: 'Enroll a counter (token shown once)', tag, body: deviceCreateSchema, responses: { 201: deviceEnrollmentSchema } });
const list = route({ summary: 'Enrolled counters', tag, query: listQuery, responses: { 200: pageSchema(deviceSchema) } });
const getOne = route({ summary: 'One counter', tag, id, responses: { 200: deviceSchema } });
const revoke = route({ summary: 'Revoke a counter (its token stops working)', tag, id, responses: { 204: null } });

/** Devices with the count of their open conflicts, as every answer about devices shows them. */
function selectDevices(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('devices as d')
    .select([
      'd.id',
      'd.store_id',
      'd.name',
      'd.node',
      'd.last_seq',
      'd.last_push_at',
      'd.last_pull_at',
      'd.revoked_at',
      'd.created_at',
      sql<number>`(SELECT count(*) FROM conflicts c WHERE c.device_id = d.id AND c.status = 'open')`.as('open_conflicts'),
    ]);
}

/** An HLC node id nobody else has: "d" and 12 random base-36 characters. */
function newNodeId(): string {
  const bytes = randomBytes(12);
  return 'd' + Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

export function createDevicesRoutes(deps: AppDeps) {
  const { db } = deps;

  return new Hono<AppEnv>()
    .post('/', enroll, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await enroll.json(c);
      assertStoreRole(me, input.storeId, ['admin', 'manager']);
      const token = generateToken('device');
      const device = await db.transaction().execute(async (trx) => {
        const store = await trx.selectFrom('stores').select(['id', 'archived']).where('id', '=', input.storeId).executeTakeFirst();
        if (!store) throw new DomainError('NOT_FOUND', 'store not found');
        if (store.archived) throw new DomainError('UNPROCESSABLE', 'storeId: this store is archived');
        const id = uuidv7();
        await trx
          .insertInto('devices')
          .values({ store_id: input.storeId, id, name: input.name, node: newNodeId(), token_hash: hashToken(token), created_by: me.id })
          .execute();
        const created = toDevice(await selectDevices(trx).where('d.id', '=', id).executeTakeFirstOrThrow());
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: 'device.enroll',
          entity: 'device',
          entityId: id,
          storeId: input.storeId,
          after: { name: created.name, node: created.node },
        });
        return created;
      });
      // The token is shown this once; only its hash is stored.
      return c.json({ device, token, hubUrl: deps.config.publicUrl }, 201);
    })
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, idCursorSchema);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      let q = selectDevices(db).orderBy('d.id').limit(query.limit + 1);
      if (visible !== null) q = q.where('d.store_id', 'in', visible);
      if (query.storeId) q = q.where('d.store_id', '=', query.storeId);
      if (query.revoked !== undefined) q = q.where('d.revoked_at', query.revoked ? 'is not' : 'is', null);
      if (query.q) q = q.where('d.name', 'ilike', containsPattern(query.q));
      if (after) q = q.where('d.id', '>', after[0]);
      const [rows, total] = await Promise.all([q.execute(), firstPageTotal(q, query.cursor)]);
      return c.json({ ...pageOf(rows, query.limit, toDevice, (r) => [r.id]), ...total }, 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const id = getOne.id(c);
      const row = await selectDevices(db).where('d.id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'device not found');
      assertStoreAccess(me, row.store_id, 'device');
      return c.json(toDevice(row), 200);
    })
    .delete('/:id', revoke, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = revoke.id(c);
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('devices').select(['store_id', 'name', 'revoked_at']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) throw new DomainError('NOT_FOUND', 'device not found');
        assertStoreAccess(me, row.store_id, 'device');
        assertStoreRole(me, row.store_id, ['admin', 'manager']);
        if (row.revoked_at !== null) return;
        const revokedAt = new Date(deps.clock.now());
        // The token stops working with this commit: sync re-reads the device row, and the principal cache is evicted below.
        await trx.updateTable('devices').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: 'device.revoke',
          entity: 'device',
          entityId: id,
          storeId: row.store_id,
          before: { name: row.name, revokedAt: null },
          after: { revokedAt: revokedAt.toISOString() },
        });
      });
      deps.principals?.evictDevice(id);
      return c.body(null, 204);
    });
}
