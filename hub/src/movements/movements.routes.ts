import {
  countVarianceLimit,
  DomainError,
  limitSchema,
  movementCreateSchema,
  movementKindSchema,
  movementSchema,
  movementStatusSchema,
  pageSchema,
  stockRowSchema,
  uuidSchema,
  uuidv7,
} from '@bazaar/shared';
import { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import type { Database } from '../db/database.types';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeTimeIdCursor, pageOf, pastCursor } from '../http/cursor';
import { actorOf, dateQuery, iso } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { applyMovements, type MovementInput } from '../stock/stock.apply';
import { toMovement, toStockRow } from '../stock/stock.mappers';
import { recordStockConflicts } from '../stock/stock.conflicts';
import { claimIdempotencyKey, idempotencyKeyHeaderDoc, idempotencyKeyOf, rememberAnswer, REPLAYED_HEADER, requestHash } from './idempotency';

export const listQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  productId: uuidSchema.optional(),
  kind: movementKindSchema.optional(),
  userId: uuidSchema.optional(),
  deviceId: uuidSchema.optional(),
  batchId: uuidSchema.optional(),
  status: movementStatusSchema.optional(),
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});

/** How far in the future a web movement's occurredAt may be (clock skew of the browser). */
const tag = 'stock';
const create = route({
  summary: 'Record one movement (shared merge rule, atomic)',
  tag,
  body: movementCreateSchema,
  parameters: [idempotencyKeyHeaderDoc],
  responses: { 201: z.object({ movement: movementSchema, stock: stockRowSchema }) },
});
const list = route({ summary: 'Movements, newest first', tag, query: listQuery, responses: { 200: pageSchema(movementSchema) } });
const getOne = route({ summary: 'One movement', tag, id: { notFound: 'movement not found' }, responses: { 200: movementSchema } });

const MAX_FUTURE_MS = 5 * 60_000;

export function createMovementsRoutes(deps: AppDeps) {
  const { db } = deps;

  return new Hono<AppEnv>()
    .post('/', create, async (c) => {
      const me = requireUser(c);
      const input = await create.json(c);
      assertStoreAccess(me, input.storeId);
      const now = deps.clock.now();
      if (input.occurredAt && new Date(input.occurredAt).getTime() > now + MAX_FUTURE_MS) {
        throw new DomainError('VALIDATION_FAILED', 'occurredAt: must not be in the future');
      }
      const idempotencyKey = idempotencyKeyOf(c);
      const record = async (trx: Transaction<Database>) => {
        const store = await trx.selectFrom('stores').select(['id', 'archived', 'variance_threshold', 'variance_loose_percent']).where('id', '=', input.storeId).executeTakeFirst();
        if (!store) throw new DomainError('NOT_FOUND', 'store not found');
        if (store.archived) throw new DomainError('UNPROCESSABLE', 'storeId: this store is archived');
        const product = await trx.selectFrom('products').select(['id', 'archived', 'unit']).where('id', '=', input.productId).executeTakeFirst();
        if (!product) throw new DomainError('UNPROCESSABLE', 'productId: no such product');
        if (product.archived) throw new DomainError('UNPROCESSABLE', 'productId: this product is archived');
        if (input.supplierId) {
          const s = await trx.selectFrom('suppliers').select('id').where('id', '=', input.supplierId).executeTakeFirst();
          if (!s) throw new DomainError('UNPROCESSABLE', 'supplierId: no such supplier');
        }
        const movement: MovementInput = {
          id: uuidv7(now),
          storeId: input.storeId,
          deviceId: null,
          seq: null,
          hlc: deps.hlc.now(),
          kind: input.kind,
          productId: input.productId,
          qty: input.qty,
          unitPriceMinor: input.unitPriceMinor,
          unitCostMinor: input.unitCostMinor,
          reason: input.reason,
          note: input.note,
          supplierId: input.supplierId,
          batchId: null,
          lot: input.lot ?? null,
          expiresOn: input.expiresOn ?? null,
          userId: me.id,
          occurredAt: input.occurredAt ?? new Date(now).toISOString(),
        };
        const applied = await applyMovements(trx, [movement]);
        const stock = applied.stock[0];
        if (!stock) throw new Error('applyMovements returned no stock row for a new movement');
        const rule = { varianceThreshold: store.variance_threshold, varianceLoosePercent: Number(store.variance_loose_percent) };
        await recordStockConflicts(trx, applied.stock, [movement], (m, variance) => countVarianceLimit(product.unit, m.qty, variance, rule));
        const row = await trx.selectFrom('movements').selectAll().where('store_id', '=', input.storeId).where('id', '=', movement.id).executeTakeFirstOrThrow();
        const stored = toMovement(row);
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: 'movement.create',
          entity: 'movement',
          entityId: movement.id,
          storeId: input.storeId,
          before: { qty: stock.prevQty },
          after: { ...stored, stockQty: stock.qty },
        });
        return {
          movement: stored,
          stock: toStockRow({
            store_id: stock.storeId,
            product_id: stock.productId,
            qty: stock.qty,
            reorder_level: stock.reorderLevel,
            last_count_hlc: stock.lastCountHlc,
            last_count_qty: stock.lastCountQty,
            last_count_variance: stock.lastCountVariance,
            updated_at: stock.updatedAt,
          }),
        };
      };
      const answer = await db.transaction().execute(async (trx) => {
        if (!idempotencyKey) return { status: 201, body: await record(trx), replayed: false };
        // A retry of a request whose answer was lost gets the first answer; nothing new is recorded.
        const hash = requestHash('POST /stock-movements', input);
        const first = await claimIdempotencyKey(trx, me.id, idempotencyKey, hash);
        if (first) return { ...first, replayed: true };
        const body = await record(trx);
        await rememberAnswer(trx, me.id, idempotencyKey, { status: 201, body });
        return { status: 201, body, replayed: false };
      });
      if (answer.replayed) c.header(REPLAYED_HEADER, 'true');
      return c.json(answer.body as Awaited<ReturnType<typeof record>>, answer.status as 201);
    })
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const query = list.query(c);
      const after = decodeTimeIdCursor(query.cursor);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      let q = deps.db.selectFrom('movements').selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1);
      if (visible !== null) q = q.where('store_id', 'in', visible);
      if (after) q = q.where(pastCursor('occurred_at', 'id', after));
      if (query.storeId) q = q.where('store_id', '=', query.storeId);
      if (query.productId) q = q.where('product_id', '=', query.productId);
      if (query.kind) q = q.where('kind', '=', query.kind);
      if (query.userId) q = q.where('user_id', '=', query.userId);
      if (query.deviceId) q = q.where('device_id', '=', query.deviceId);
      if (query.batchId) q = q.where('batch_id', '=', query.batchId);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.from) q = q.where('occurred_at', '>=', new Date(query.from));
      if (query.to) q = q.where('occurred_at', '<', new Date(query.to));
      const rows = await q.execute();
      return c.json(pageOf(rows, query.limit, toMovement, (r) => [iso(r.occurred_at), r.id]), 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const id = getOne.id(c);
      const row = await deps.db.selectFrom('movements').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'movement not found');
      assertStoreAccess(me, row.store_id, 'movement');
      return c.json(toMovement(row), 200);
    });
}
