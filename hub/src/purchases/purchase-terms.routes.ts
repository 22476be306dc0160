import { DomainError, supplierTermsSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actorOf } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';

const packSchema = z.strictObject({ packQty: z.number().int().min(1).max(1_000_000) });
const tag = 'purchases';
const putSupplier = route({ summary: "Set a supplier's lead time, review period and safety days for reorder suggestions (admin)", tag, id: { notFound: 'supplier not found' }, body: supplierTermsSchema, responses: { 200: supplierTermsSchema } });
const putProduct = route({ summary: 'Set the pack a product is bought in (base units per pack; admin)', tag, id: { notFound: 'product not found' }, body: packSchema, responses: { 200: packSchema } });

/** Hub-wide terms (reference rows, hub audit chain): never on a store's write path. */
export function createPurchaseTermsRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .put('/suppliers/:id', putSupplier, async (c) => {
      const me = requireUser(c, ['admin']);
      const id = putSupplier.id(c);
      const terms = await putSupplier.json(c);
      await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('suppliers').select('id').where('id', '=', id).executeTakeFirst())) throw new DomainError('NOT_FOUND', 'supplier not found');
        const now = new Date(deps.clock.now());
        const row = { supplier_id: id, lead_time_days: terms.leadTimeDays, review_days: terms.reviewDays, safety_days: terms.safetyDays, updated_at: now };
        await trx.insertInto('supplier_terms').values(row).onConflict((oc) => oc.column('supplier_id').doUpdateSet(row)).execute();
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'supplier.terms', entity: 'supplier', entityId: id, storeId: null, after: terms });
      });
      return c.json(terms, 200);
    })
    .put('/products/:id', putProduct, async (c) => {
      const me = requireUser(c, ['admin']);
      const id = putProduct.id(c);
      const body = await putProduct.json(c);
      await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('products').select('id').where('id', '=', id).executeTakeFirst())) throw new DomainError('NOT_FOUND', 'product not found');
        const row = { product_id: id, pack_qty: body.packQty, updated_at: new Date(deps.clock.now()) };
        await trx.insertInto('product_order_packs').values(row).onConflict((oc) => oc.column('product_id').doUpdateSet(row)).execute();
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'product.order_pack', entity: 'product', entityId: id, storeId: null, after: body });
      });
      return c.json(body, 200);
    });
}
