import { receiveAtAverage } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';

/** Stores whose costs to rebuild; with productIds, only those products of them (the ones a write touched). */
export const rollupCostsJob = z.object({ storeIds: z.array(z.uuid()).min(1).max(10_000), productIds: z.array(z.uuid()).min(1).max(10_000).optional() });

interface ReceiptRow {
  product_id: string;
  catalog_cost: string;
  on_hand_before: string;
  qty: string;
  cost: string;
}

/**
 * Every priced stock-in of one store (optionally of some products), in the merge rule's order
 * (HLC, then id), with the stock just before it as the merge rule gives it: the latest count
 * before it plus the deltas since (0 before any count). Window functions over the store's log,
 * read through movements_store_product_hlc_idx.
 */
async function receiptsOf(db: Kysely<Database>, storeId: string, productIds: readonly string[] | null): Promise<ReceiptRow[]> {
  const only = productIds ? sql`AND m.product_id = ANY(${productIds}::uuid[])` : sql``;
  const { rows } = await sql<ReceiptRow>`
    WITH priced AS (
      SELECT DISTINCT m.product_id FROM movements m
      WHERE m.store_id = ${storeId}::uuid AND m.kind = 'IN' AND m.status = 'applied' AND m.unit_cost_minor IS NOT NULL ${only}),
    log AS (
      SELECT m.product_id, m.kind, m.qty, m.unit_cost_minor, m.hlc COLLATE "C" AS hlc, m.id,
        count(*) FILTER (WHERE m.kind = 'COUNT') OVER w AS grp
      FROM movements m JOIN priced USING (product_id)
      WHERE m.store_id = ${storeId}::uuid AND m.status = 'applied'
      WINDOW w AS (PARTITION BY m.product_id ORDER BY m.hlc COLLATE "C", m.id ROWS UNBOUNDED PRECEDING)),
    running AS (
      SELECT product_id, kind, qty, unit_cost_minor, hlc, id,
        coalesce(max(qty) FILTER (WHERE kind = 'COUNT') OVER g, 0)
          + coalesce(sum(qty) FILTER (WHERE kind <> 'COUNT') OVER (g ORDER BY hlc, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS on_hand_before
      FROM log
      WINDOW g AS (PARTITION BY product_id, grp))
    SELECT r.product_id, p.cost_minor AS catalog_cost, r.on_hand_before, r.qty, r.unit_cost_minor AS cost
    FROM running r JOIN products p ON p.id = r.product_id
    WHERE r.kind = 'IN' AND r.unit_cost_minor IS NOT NULL
    ORDER BY r.product_id, r.hlc, r.id`.execute(db);
  return rows;
}

/**
 * Rebuilds product_costs for one store (or some of its products) from the movement log: the
 * moving average (shared moving-average.ts) of each product's priced stock-ins, from the catalog
 * cost, each weighed against the stock the merge rule gives just before it. The same figure as
 * movingAverageCost over the store's movements (costs.rollup.test.ts), whatever order they
 * arrived in, so a late movement is absorbed by rebuilding its product. Delete-and-insert in one
 * transaction: a rerun converges.
 */
export async function rollupCosts(db: Kysely<Database>, storeId: string, productIds: readonly string[] | null = null): Promise<number> {
  const products = productIds && productIds.length ? [...new Set(productIds)] : null;
  return db.transaction().execute(async (trx) => {
    const receipts = await receiptsOf(trx, storeId, products);
    const costs = new Map<string, { cost: number; receipts: number }>();
    for (const r of receipts) {
      const had = costs.get(r.product_id) ?? { cost: Number(r.catalog_cost), receipts: 0 };
      costs.set(r.product_id, { cost: receiveAtAverage(had.cost, Number(r.on_hand_before), Number(r.qty), Number(r.cost)), receipts: had.receipts + 1 });
    }
    await trx
      .deleteFrom('product_costs')
      .where('store_id', '=', storeId)
      .$if(products !== null, (q) => q.where('product_id', 'in', products!))
      .execute();
    const rows = [...costs].map(([productId, c]) => ({ store_id: storeId, product_id: productId, cost_minor: c.cost, receipts: c.receipts, updated_at: new Date() }));
    for (let i = 0; i < rows.length; i += 2_000) await trx.insertInto('product_costs').values(rows.slice(i, i + 2_000)).execute();
    return rows.length;
  });
}

/** The moving-average cost of a product in a store: its rolled-up cost, else the catalog's. */
export function costSql(store: string, product: string) {
  return sql<number>`coalesce((SELECT pc.cost_minor FROM product_costs pc WHERE pc.store_id = ${sql.ref(`${store}`)} AND pc.product_id = ${sql.ref(`${product}.id`)}), ${sql.ref(`${product}.cost_minor`)})`;
}
