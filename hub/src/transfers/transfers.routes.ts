import { DomainError, formatTransferNumber, HUB_TRANSFER_COUNTER, limitSchema, pageSchema, transferCreateSchema, transferViewSchema, uuidv7, type Transfer } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, assertStoreRole, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, pageOf, timeIdCursorSchema } from '../http/cursor';
import { actorOf, iso, pgError } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { readTransfers, toTransferView, transferFilters, transfersSql } from './transfers.read';

const listQuery = z.strictObject({ ...transferFilters, limit: limitSchema, cursor: z.string().optional() });

const tag = 'transfers';
const create = route({
  summary: 'Plan a transfer from one store to another (a draft its sending counter dispatches); managers of the sending store',
  tag,
  body: transferCreateSchema,
  responses: { 201: transferViewSchema },
});
const list = route({ summary: 'Transfers from or to the stores you see, newest first (filters, keyset paging)', tag, query: listQuery, responses: { 200: pageSchema(transferViewSchema) } });
const getOne = route({ summary: 'One transfer: both sides, each line sent, counted in, short, over, damaged or in transit', tag, id: { notFound: 'transfer not found' }, responses: { 200: transferViewSchema } });

/** Head office's side of transfers: plan them and follow them (counters dispatch and receive). */
export function createTransfersRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await create.json(c);
      assertStoreRole(me, input.fromStoreId, ['admin', 'manager']);
      if (input.fromStoreId === input.toStoreId) throw new DomainError('VALIDATION_FAILED', 'toStoreId: a transfer goes to another store');
      const stores = await deps.db.selectFrom('stores').select(['id', 'code', 'archived']).where('id', 'in', [input.fromStoreId, input.toStoreId]).execute();
      const from = stores.find((s) => s.id === input.fromStoreId);
      const to = stores.find((s) => s.id === input.toStoreId);
      if (!from) throw new DomainError('NOT_FOUND', 'store not found');
      if (!to) throw new DomainError('VALIDATION_FAILED', 'toStoreId: no such store');
      if (from.archived || to.archived) throw new DomainError('VALIDATION_FAILED', 'toStoreId: an archived store neither sends nor receives');
      const ids = [...new Set(input.lines.map((l) => l.productId))];
      if (ids.length !== input.lines.length) throw new DomainError('VALIDATION_FAILED', 'lines: a product appears once in a transfer');
      const products = await deps.db.selectFrom('products').select(['id', 'sku', 'name', 'unit', 'archived']).where('id', 'in', ids).execute();
      const lines = input.lines.map((l, i) => {
        const p = products.find((x) => x.id === l.productId);
        if (!p || p.archived) throw new DomainError('VALIDATION_FAILED', `lines.${i}.productId: no such product`, { path: `lines.${i}.productId` });
        return { lineNo: i + 1, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, qtySent: l.qty, qtyReceived: null, qtyDamaged: 0 };
      });
      const now = new Date(deps.clock.now());
      // The hub's running number per sending store: max + 1 under the unique index, again on a race.
      for (let attempt = 0; ; attempt++) {
        try {
          const id = await deps.db.transaction().execute(async (trx) => {
            const top = await trx.selectFrom('transfers').select((eb) => eb.fn.max('counter_no').as('max')).where('store_id', '=', from.id).where('origin', '=', 'hub').executeTakeFirst();
            const counterNo = Number(top?.max ?? 0) + 1;
            const doc: Transfer = {
              id: uuidv7(now.getTime()),
              number: formatTransferNumber(from.code, HUB_TRANSFER_COUNTER, counterNo),
              origin: 'hub',
              counterCode: HUB_TRANSFER_COUNTER,
              counterNo,
              fromStoreId: from.id,
              toStoreId: to.id,
              status: 'draft',
              note: input.note,
              lines,
              createdAt: now.toISOString(),
              createdBy: { id: me.id, name: me.name },
              dispatchedAt: null,
              dispatchedBy: null,
              receivedAt: null,
              receivedBy: null,
              closedAt: null,
              closedBy: null,
              cancelledAt: null,
            };
            await trx
              .insertInto('transfers')
              .values({ store_id: from.id, id: doc.id, to_store_id: to.id, number: doc.number, origin: 'hub', counter_code: HUB_TRANSFER_COUNTER, counter_no: counterNo, status: 'draft', line_count: lines.length, doc: JSON.stringify(doc), device_id: null, created_at: now, dispatched_at: null, updated_at: now })
              .execute();
            await writeAudit(trx, { ...actorOf(c, deps, me), action: 'transfer.create', entity: 'transfer', entityId: doc.id, storeId: from.id, before: null, after: { number: doc.number, toStoreId: to.id, lines: lines.map((l) => ({ sku: l.sku, qty: l.qtySent })) } });
            return doc.id;
          });
          const [row] = await readTransfers(deps.db, transfersSql(null, { id, fromStoreId: from.id }, null));
          return c.json(toTransferView(row!), 201);
        } catch (err) {
          if (attempt < 3 && pgError(err).constraint === 'transfers_hub_no') continue;
          throw err;
        }
      }
    })
    .get('/', list, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      const after = decodeCursor(query.cursor, timeIdCursorSchema);
      if (after && !z.uuid().safeParse(after[1]).success) throw new DomainError('INVALID_CURSOR', 'cursor: not a cursor for this list');
      const rows = await readTransfers(deps.readDb, transfersSql(visible, query, { limit: query.limit, after }));
      return c.json(pageOf(rows, query.limit, toTransferView, (r) => [iso(r.created_at), r.id]), 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = getOne.id(c);
      const [row] = await readTransfers(deps.readDb, transfersSql(visibleStoreIds(me), { id }, null));
      if (!row) throw new DomainError('NOT_FOUND', 'transfer not found');
      const view = toTransferView(row);
      if (visibleStoreIds(me) !== null && !me.storeIds.includes(view.toStoreId)) assertStoreAccess(me, view.fromStoreId, 'transfer');
      return c.json(view, 200);
    });
}
