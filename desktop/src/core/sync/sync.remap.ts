import { sql } from 'kysely';
import type { Executor } from '../db/db.types';

/**
 * The hub merged a product this device created offline into an existing one with the
 * same SKU: point every local reference at the hub's id. Foreign keys are deferred to
 * commit so the product row can change id under its movements. Never deletes a movement.
 */
export async function remapProduct(db: Executor, fromId: string, toId: string, sku: string, at: string): Promise<boolean> {
  if (fromId === toId) return false;
  const from = await db.selectFrom('products').selectAll().where('id', '=', fromId).executeTakeFirst();
  await db
    .insertInto('product_remaps')
    .values({ from_product_id: fromId, to_product_id: toId, sku, at })
    .onConflict((oc) => oc.column('from_product_id').doUpdateSet({ to_product_id: toId, sku, at }))
    .execute();
  if (!from) return false;
  await sql`pragma defer_foreign_keys = on`.execute(db);
  const to = await db.selectFrom('products').select('id').where('id', '=', toId).executeTakeFirst();
  await db.updateTable('movements').set({ product_id: toId }).where('product_id', '=', fromId).execute();
  await db.deleteFrom('stock').where('product_id', '=', fromId).execute();
  await db.deleteFrom('stock_baseline').where('product_id', '=', fromId).execute();
  if (to) {
    await db.deleteFrom('products').where('id', '=', fromId).execute();
  } else {
    // The hub's product has not been pulled yet: keep ours under its id until the pull refreshes it.
    await db.updateTable('products').set({ id: toId, push_state: 'pushed', updated_at: at }).where('id', '=', fromId).execute();
  }
  return true;
}
