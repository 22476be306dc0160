import { DomainError, limitSchema, pageSchema, supplierCreateSchema, supplierSchema, supplierUpdateSchema, uuidv7, type Supplier, type SupplierUpdate } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { nextVersion } from '../db/change-version';
import type { SupplierRow } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { deleteOrArchive, readOne, type CatalogEntity } from '../http/catalog-entity';
import { decodeCursor, idCursorSchema, pageOf } from '../http/cursor';
import { actorOf, boolQuery, containsPattern, iso, definedOnly } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';

export function toSupplier(r: SupplierRow): Supplier {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    address: r.address,
    archived: r.archived,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const listQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  archived: boolQuery.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});

/** Suppliers belong to the central catalog: everyone signed in reads it, admins change it. */
const tag = 'suppliers';
const id = { notFound: 'supplier not found' };
const list = route({ summary: 'List suppliers (filters, keyset paging)', tag, query: listQuery, responses: { 200: pageSchema(supplierSchema) } });
const create = route({ summary: 'Create a supplier (admin)', tag, body: supplierCreateSchema, responses: { 201: supplierSchema } });
const getOne = route({ summary: 'One supplier', tag, id, responses: { 200: supplierSchema } });
const replace = route({ summary: 'Replace a supplier (admin)', tag, id, body: supplierCreateSchema.extend({ archived: z.boolean().default(false) }).strict(), responses: { 200: supplierSchema } });
const change = route({ summary: 'Change some fields (admin)', tag, id, body: supplierUpdateSchema, responses: { 200: supplierSchema } });
const remove = route({ summary: 'Delete a supplier, or archive it when it has history (200 with the archived supplier)', tag, id, responses: { 200: supplierSchema, 204: null } });

/** Deleting a supplier that products or movements name archives it. */
const SUPPLIER: CatalogEntity<SupplierRow, Supplier> = {
  table: 'suppliers',
  entity: 'supplier',
  notFound: id.notFound,
  view: toSupplier,
  inUse: async (trx, id) => {
    const used = await trx
      .selectNoFrom((eb) => [
        eb.exists(eb.selectFrom('products').select('id').where('supplier_id', '=', id)).as('products'),
        eb.exists(eb.selectFrom('movements').select('id').where('supplier_id', '=', id)).as('movements'),
      ])
      .executeTakeFirstOrThrow();
    return Boolean(used.products || used.movements);
  },
};

export function createSuppliersRoutes(deps: AppDeps) {
  const { db } = deps;

  async function update(c: Context<AppEnv>, id: string, patch: SupplierUpdate) {
    const me = requireUser(c, ['admin']);
    return db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const before = await trx.selectFrom('suppliers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw new DomainError('NOT_FOUND', 'supplier not found');
      const after = await trx
        .updateTable('suppliers')
        .set({
          ...definedOnly({ name: patch.name, phone: patch.phone, email: patch.email, address: patch.address, archived: patch.archived }),
          version,
          updated_at: new Date(deps.clock.now()),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, { ...actorOf(c, deps, me), action: 'supplier.update', entity: 'supplier', entityId: id, storeId: null, before: toSupplier(before), after: toSupplier(after) });
      return toSupplier(after);
    });
  }

  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      requireUser(c);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, idCursorSchema);
      let q = db.selectFrom('suppliers').selectAll().orderBy('id').limit(query.limit + 1);
      if (after) q = q.where('id', '>', after[0]);
      if (query.q) q = q.where((eb) => eb.or([eb('name', 'ilike', containsPattern(query.q!)), eb('phone', 'ilike', containsPattern(query.q!)), eb('email', 'ilike', containsPattern(query.q!))]));
      if (query.archived !== undefined) q = q.where('archived', '=', query.archived);
      const rows = await q.execute();
      return c.json(pageOf(rows, query.limit, toSupplier, (r) => [r.id]), 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin']);
      const input = await create.json(c);
      const supplier = await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx);
        const id = uuidv7();
        const row = await trx
          .insertInto('suppliers')
          .values({ id, name: input.name, phone: input.phone ?? null, email: input.email ?? null, address: input.address ?? null, version, updated_at: new Date(deps.clock.now()) })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'supplier.create', entity: 'supplier', entityId: id, storeId: null, after: toSupplier(row) });
        return toSupplier(row);
      });
      return c.json(supplier, 201);
    })
    .get('/:id', getOne, async (c) => {
      requireUser(c);
      return c.json(await readOne(db, SUPPLIER, getOne.id(c)), 200);
    })
    .put('/:id', replace, async (c) => {
      requireUser(c, ['admin']);
      const id = replace.id(c);
      const input = await replace.json(c);
      return c.json(await update(c, id, { phone: null, email: null, address: null, ...input }), 200);
    })
    .patch('/:id', change, async (c) => {
      requireUser(c, ['admin']);
      const id = change.id(c);
      return c.json(await update(c, id, await change.json(c)), 200);
    })
    .delete('/:id', remove, async (c) => {
      const me = requireUser(c, ['admin']);
      const result = await deleteOrArchive(c, deps, me, SUPPLIER, remove.id(c));
      return result ? c.json(result, 200) : c.body(null, 204);
    });
}
