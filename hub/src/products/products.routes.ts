import {
  DomainError,
  limitSchema,
  pageSchema,
  productCreateSchema,
  productSchema,
  productUpdateSchema,
  skuSchema,
  barcodeSchema,
  uuidSchema,
  uuidv7,
  type Pack,
  type Product,
  type ProductUpdate,
} from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { lockScopes, nextVersion } from '../db/change-version';
import type { Database, ProductRow } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { deleteOrArchive, readOne, type CatalogEntity } from '../http/catalog-entity';
import { decodeCursor, idCursorSchema, pageOf } from '../http/cursor';
import { actorOf, boolQuery, containsPattern, iso, rethrowUnique, definedOnly, sameText } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { firstPageTotal } from '../http/page-total';

export function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    unit: r.unit,
    category: r.category,
    supplierId: r.supplier_id,
    priceMinor: r.price_minor,
    costMinor: r.cost_minor,
    reorderLevel: r.reorder_level,
    packs: r.packs,
    archived: r.archived,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const listQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  sku: skuSchema.optional(),
  barcode: barcodeSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  supplierId: uuidSchema.optional(),
  archived: boolQuery.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});

const UNIQUE = {
  products_sku_key: ['DUPLICATE_SKU', 'sku: a product with this SKU already exists'],
  products_barcode_key: ['DUPLICATE_BARCODE', 'barcode: a product with this barcode already exists'],
  products_pkey: ['CONFLICT', 'id: a product with this id already exists'],
} as const;

/** The product has a pack with this barcode (the GIN index of migration 0014). */
const packHas = (barcode: string) => sql<boolean>`packs @> ${JSON.stringify([{ barcode }])}::jsonb`;

/**
 * A barcode names one thing: a product or one pack of one product. The product's own barcode
 * and its packs' are checked against every other product's barcode and packs (the GIN index of
 * migration 0014 answers the containment test).
 */
async function assertBarcodesFree(trx: Transaction<Database>, selfId: string | null, barcode: string | null | undefined, packs: readonly Pack[] | undefined) {
  const packCodes = (packs ?? []).flatMap((p) => (p.barcode ? [p.barcode] : []));
  if (barcode && packCodes.includes(barcode)) throw new DomainError('DUPLICATE_BARCODE', `packs: a pack has the product's own barcode ${barcode}`);
  const codes = [...(barcode ? [barcode] : []), ...packCodes];
  if (!codes.length) return;
  let q = trx
    .selectFrom('products')
    .select(['sku', 'barcode', 'packs'])
    .where((eb) =>
      eb.or([
        // Another product's own barcode against this one's is the unique index's to refuse.
        ...(packCodes.length ? [eb('barcode', 'in', packCodes)] : []),
        ...codes.map((c) => eb(packHas(c), '=', true)),
      ]),
    )
    .limit(1);
  if (selfId) q = q.where('id', '!=', selfId);
  const other = await q.executeTakeFirst();
  if (!other) return;
  const code = codes.find((c) => other.barcode === c || other.packs.some((p) => p.barcode === c)) ?? codes[0];
  throw new DomainError('DUPLICATE_BARCODE', `barcode: ${code} is already a barcode of ${other.sku}`);
}

async function assertSupplier(trx: Transaction<Database>, supplierId: string | null | undefined) {
  if (!supplierId) return;
  const s = await trx.selectFrom('suppliers').select('id').where('id', '=', supplierId).executeTakeFirst();
  if (!s) throw new DomainError('UNPROCESSABLE', 'supplierId: no such supplier');
}

/** The central catalog: everyone signed in reads it, admins change it. */
const tag = 'products';
const id = { notFound: 'product not found' };
const list = route({ summary: 'List products (filters, keyset paging)', tag, query: listQuery, responses: { 200: pageSchema(productSchema) } });
const create = route({ summary: 'Create a product (admin)', tag, body: productCreateSchema, responses: { 201: productSchema } });
const getOne = route({ summary: 'One product', tag, id, responses: { 200: productSchema } });
const replace = route({ summary: 'Replace a product (admin)', tag, id, body: productCreateSchema.omit({ id: true }).extend({ archived: z.boolean().default(false) }).strict(), responses: { 200: productSchema } });
const change = route({ summary: 'Change some fields (admin)', tag, id, body: productUpdateSchema, responses: { 200: productSchema } });
const remove = route({ summary: 'Delete a product, or archive it when it has history (200 with the archived product)', tag, id, responses: { 200: productSchema, 204: null } });

/** Deleting a product with history (movements, stock, a remap onto it) archives it, so the history keeps its meaning. */
const PRODUCT: CatalogEntity<ProductRow, Product> = {
  table: 'products',
  entity: 'product',
  notFound: id.notFound,
  view: toProduct,
  inUse: async (trx, id) => {
    const used = await trx
      .selectNoFrom((eb) => [
        eb.exists(eb.selectFrom('movements').select('id').where('product_id', '=', id)).as('movements'),
        eb.exists(eb.selectFrom('stock').select('store_id').where('product_id', '=', id)).as('stock'),
        eb.exists(eb.selectFrom('product_remaps').select('from_product_id').where('to_product_id', '=', id)).as('remaps'),
      ])
      .executeTakeFirstOrThrow();
    return Boolean(used.movements || used.stock || used.remaps);
  },
};

export function createProductsRoutes(deps: AppDeps) {
  const { db } = deps;

  async function update(c: Context<AppEnv>, id: string, patch: ProductUpdate) {
    const me = requireUser(c, ['admin']);
    return db
      .transaction()
      .execute(async (trx) => {
        const version = await nextVersion(trx);
        // A reorder level change rewrites the product's stock rows (and so the stores' low/out
        // counters of migration 0004). Lock order, as every stock writer: the stores' change
        // counters, then the product row, then the counters.
        const touchesStock = patch.reorderLevel !== undefined;
        const stores = touchesStock ? await trx.selectFrom('stock').select('store_id').where('product_id', '=', id).execute() : [];
        const versions = await lockScopes(
          trx,
          stores.map((s) => s.store_id),
        );
        const before = await trx.selectFrom('products').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw new DomainError('NOT_FOUND', 'product not found');
        if (patch.unit !== undefined && patch.unit !== before.unit) {
          const used = await trx.selectFrom('movements').select('id').where('product_id', '=', id).limit(1).executeTakeFirst();
          if (used) throw new DomainError('UNPROCESSABLE', 'unit: cannot change the unit of a product with stock history');
        }
        await assertSupplier(trx, patch.supplierId);
        if (patch.barcode !== undefined || patch.packs !== undefined) await assertBarcodesFree(trx, id, patch.barcode === undefined ? before.barcode : patch.barcode, patch.packs ?? before.packs);
        const reorderChanged = patch.reorderLevel !== undefined && patch.reorderLevel !== before.reorder_level;
        const after = await trx
          .updateTable('products')
          .set({
            ...definedOnly({ sku: patch.sku, barcode: patch.barcode, name: patch.name, unit: patch.unit, category: patch.category, supplier_id: patch.supplierId, price_minor: patch.priceMinor, cost_minor: patch.costMinor, reorder_level: patch.reorderLevel, archived: patch.archived, packs: patch.packs && JSON.stringify(patch.packs) }),
            version,
            updated_at: new Date(deps.clock.now()),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (reorderChanged) {
          // The product's reorder level is every store's level: propagate it.
          if (versions.size) {
            const ids = [...versions.keys()];
            await sql`
              UPDATE stock s SET reorder_level = ${patch.reorderLevel}, version = v.version, updated_at = now()
              FROM unnest(${ids}::uuid[], ${ids.map((s) => versions.get(s)!)}::bigint[]) AS v(store_id, version)
              WHERE s.product_id = ${id} AND s.store_id = v.store_id`.execute(trx);
          }
        }
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'product.update', entity: 'product', entityId: id, storeId: null, before: toProduct(before), after: toProduct(after) });
        return toProduct(after);
      })
      .catch((err: unknown) => rethrowUnique(err, UNIQUE));
  }

  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      requireUser(c);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, idCursorSchema);
      let q = db.selectFrom('products').selectAll().orderBy('id').limit(query.limit + 1);
      if (after) q = q.where('id', '>', after[0]);
      if (query.q) {
        const p = containsPattern(query.q);
        q = q.where((eb) => eb.or([eb('name', 'ilike', p), eb('sku', 'ilike', p), eb('barcode', '=', query.q!), eb(packHas(query.q!), '=', true)]));
      }
      if (query.sku) q = q.where('sku', '=', query.sku);
      if (query.barcode) q = q.where((eb) => eb.or([eb('barcode', '=', query.barcode!), eb(packHas(query.barcode!), '=', true)]));
      if (query.category) q = q.where(sameText('category', query.category));
      if (query.supplierId) q = q.where('supplier_id', '=', query.supplierId);
      if (query.archived !== undefined) q = q.where('archived', '=', query.archived);
      const [rows, total] = await Promise.all([q.execute(), firstPageTotal(q, query.cursor)]);
      return c.json({ ...pageOf(rows, query.limit, toProduct, (r) => [r.id]), ...total }, 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin']);
      const input = await create.json(c);
      const product = await db
        .transaction()
        .execute(async (trx) => {
          const version = await nextVersion(trx);
          await assertSupplier(trx, input.supplierId);
          await assertBarcodesFree(trx, null, input.barcode, input.packs);
          const id = input.id ?? uuidv7();
          const row = await trx
            .insertInto('products')
            .values({
              id,
              sku: input.sku,
              barcode: input.barcode ?? null,
              name: input.name,
              unit: input.unit,
              category: input.category ?? null,
              supplier_id: input.supplierId ?? null,
              price_minor: input.priceMinor,
              cost_minor: input.costMinor,
              reorder_level: input.reorderLevel,
              packs: JSON.stringify(input.packs),
              version,
              updated_at: new Date(deps.clock.now()),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(trx, { ...actorOf(c, deps, me), action: 'product.create', entity: 'product', entityId: id, storeId: null, after: toProduct(row) });
          return toProduct(row);
        })
        .catch((err: unknown) => rethrowUnique(err, UNIQUE));
      return c.json(product, 201);
    })
    .get('/:id', getOne, async (c) => {
      requireUser(c);
      return c.json(await readOne(db, PRODUCT, getOne.id(c)), 200);
    })
    .put('/:id', replace, async (c) => {
      requireUser(c, ['admin']);
      const id = replace.id(c);
      const input = await replace.json(c);
      return c.json(await update(c, id, { barcode: null, category: null, supplierId: null, ...input }), 200);
    })
    .patch('/:id', change, async (c) => {
      requireUser(c, ['admin']);
      const id = change.id(c);
      return c.json(await update(c, id, await change.json(c)), 200);
    })
    .delete('/:id', remove, async (c) => {
      const me = requireUser(c, ['admin']);
      const result = await deleteOrArchive(c, deps, me, PRODUCT, remove.id(c));
      return result ? c.json(result, 200) : c.body(null, 204);
    });
}
