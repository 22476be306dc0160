import { DomainError, conflictBulkResolveSchema, conflictBulkResultSchema, conflictGroupsSchema, conflictKindSchema, conflictResolveSchema, conflictSchema, limitSchema, pageSchema, uuidSchema, varianceSizeSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, assertStoreRole, canSeeStore, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, pageOf, timeIdCursorSchema } from '../http/cursor';
import { actorOf, dateQuery, iso } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { BULK_LIMIT, conflictGroups, resolveInBulk, varianceSizeSql } from './conflicts.bulk';
import { toConflict } from './conflicts.mappers';
import { firstPageTotal } from '../http/page-total';

/** Web forms send "" for an unset filter; treat it as absent. */
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

const listQuery = z.strictObject({
  storeId: optional(uuidSchema),
  kind: optional(conflictKindSchema),
  status: optional(z.enum(['open', 'resolved'])),
  deviceId: optional(uuidSchema),
  productId: optional(uuidSchema),
  region: optional(z.string().trim().min(1).max(100)),
  minQty: optional(varianceSizeSchema.minQty.unwrap()),
  minPercent: optional(varianceSizeSchema.minPercent.unwrap()),
  from: optional(dateQuery),
  to: optional(dateQuery),
  limit: limitSchema,
  cursor: z.string().optional(),
});

const groupsQuery = z.strictObject({
  storeId: optional(uuidSchema),
  kind: optional(conflictKindSchema),
  region: optional(z.string().trim().min(1).max(100)),
  minQty: optional(varianceSizeSchema.minQty.unwrap()),
  minPercent: optional(varianceSizeSchema.minPercent.unwrap()),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const tag = 'conflicts';
const id = { notFound: 'conflict not found' };
const list = route({ summary: 'What reconciliation found, newest first (filters, keyset paging)', tag, query: listQuery, responses: { 200: pageSchema(conflictSchema) } });
const getOne = route({ summary: 'One conflict', tag, id, responses: { 200: conflictSchema } });
const groups = route({ summary: 'Open conflicts grouped by store and kind, biggest first (filters: store, kind, region)', tag, query: groupsQuery, responses: { 200: conflictGroupsSchema } });
const bulkResolve = route({
  summary: 'Resolve the open conflicts matching kind/store/region/ids with one note (managers, only in their stores)',
  description: `At most ${BULK_LIMIT} a call; more: true says to call again.`,
  tag,
  body: conflictBulkResolveSchema,
  responses: { 200: conflictBulkResultSchema },
});
const resolve = route({ summary: 'Mark a conflict resolved, with a note (managers of its store)', tag, id, body: conflictResolveSchema, responses: { 200: conflictSchema } });

/**
 * A transfer's discrepancy is stored at the receiving store and is the sending store's business
 * too: it lists to the managers of both (index conflicts_transfer_from).
 */
const atStores = (ids: readonly string[]) =>
  sql<boolean>`(store_id = ANY(${ids}::uuid[]) OR (kind = 'TRANSFER_DISCREPANCY' AND (details->>'fromStoreId')::uuid = ANY(${ids}::uuid[])))`;

/** The store of the conflict's that this person sees: its own, or the sending store of a transfer's. */
function storeOfConflictFor(me: Parameters<typeof canSeeStore>[0], row: { store_id: string; kind: string; details: unknown }): string {
  const from = row.kind === 'TRANSFER_DISCREPANCY' ? (row.details as { fromStoreId?: unknown } | null)?.fromStoreId : undefined;
  return !canSeeStore(me, row.store_id) && typeof from === 'string' ? from : row.store_id;
}

export function createConflictsRoutes(deps: AppDeps) {
  const { db } = deps;

  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, timeIdCursorSchema);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      // Postgres keeps microseconds but a cursor carries a JS date (ms): page on the ms-truncated time.
      const at = sql<Date>`date_trunc('milliseconds', created_at)`;
      let q = db.selectFrom('conflicts').selectAll().orderBy(at, 'desc').orderBy('id', 'desc').limit(query.limit + 1);
      if (visible !== null) q = q.where(atStores(visible));
      if (query.storeId) q = q.where(atStores([query.storeId]));
      if (query.kind) q = q.where('kind', '=', query.kind);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.deviceId) q = q.where('device_id', '=', query.deviceId);
      if (query.productId) q = q.where('product_id', '=', query.productId);
      if (query.region) q = q.where(sql<boolean>`store_id IN (SELECT id FROM stores WHERE lower(region) = lower(${query.region}))`);
      if (query.minQty !== undefined || query.minPercent !== undefined) q = q.where(varianceSizeSql(query, 'conflicts') as RawBuilder<boolean>);
      if (query.from) q = q.where('created_at', '>=', new Date(query.from));
      if (query.to) q = q.where('created_at', '<', new Date(query.to));
      if (after) {
        const id = uuidSchema.safeParse(after[1]);
        if (!id.success) throw new DomainError('INVALID_CURSOR', 'cursor: not a cursor for this list');
        q = q.where(sql<boolean>`(${at}, id) < (${new Date(after[0])}::timestamptz, ${id.data}::uuid)`);
      }
      const [rows, total] = await Promise.all([q.execute(), firstPageTotal(q, query.cursor)]);
      return c.json({ ...pageOf(rows, query.limit, toConflict, (r) => [iso(r.created_at), r.id]), ...total }, 200);
    })
    .get('/groups', groups, async (c) => {
      const me = requireUser(c);
      const query = groups.query(c);
      const visible = visibleStoreIds(me);
      if (query.storeId) assertStoreAccess(me, query.storeId);
      return c.json(await conflictGroups(db, { stores: visible, storeId: query.storeId, kind: query.kind, region: query.region, minQty: query.minQty, minPercent: query.minPercent, limit: query.limit }), 200);
    })
    .post('/bulk-resolve', bulkResolve, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await bulkResolve.json(c);
      // Only the caller's stores, whatever the selectors say; a named store outside them is not found.
      if (input.storeId) assertStoreRole(me, input.storeId, ['admin', 'manager']);
      const result = await resolveInBulk(db, visibleStoreIds(me), input, actorOf(c, deps, me), new Date(deps.clock.now()));
      return c.json(result, 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const id = getOne.id(c);
      const row = await db.selectFrom('conflicts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'conflict not found');
      assertStoreAccess(me, storeOfConflictFor(me, row), 'conflict');
      return c.json(toConflict(row), 200);
    })
    .post('/:id/resolve', resolve, async (c) => {
      const me = requireUser(c);
      const id = resolve.id(c);
      const input = await resolve.json(c);
      const resolved = await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('conflicts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) throw new DomainError('NOT_FOUND', 'conflict not found');
        assertStoreAccess(me, storeOfConflictFor(me, row), 'conflict');
        assertStoreRole(me, storeOfConflictFor(me, row), ['admin', 'manager']);
        if (row.status === 'resolved') {
          throw new DomainError('CONFLICT', 'this conflict is already resolved', { resolvedAt: iso(row.resolved_at!), resolvedBy: row.resolved_by });
        }
        const after = await trx
          .updateTable('conflicts')
          .set({ status: 'resolved', resolved_by: me.id, resolved_at: new Date(deps.clock.now()), resolution_note: input.note })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: 'conflict.resolve',
          entity: 'conflict',
          entityId: id,
          storeId: row.store_id,
          before: { kind: row.kind, status: 'open' },
          after: { status: 'resolved', note: input.note },
        });
        return toConflict(after);
      });
      return c.json(resolved, 200);
    });
}
