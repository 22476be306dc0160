import { sql, type Kysely } from 'kysely';

/**
 * Margins and valuation (issue 19):
 * - product_costs: each product's moving-average cost in each store, a rollup of the movement
 *   log (costs/costs.rollup.ts rebuilds a store's rows from its movements; a product with no
 *   row costs what the catalog says). Never a second truth: it is thrown away and recomputed.
 * - sales_daily gains an index by store, product and day (dead stock: when each last sold);
 * - alerts may also say a store holds stock that expires soon (`expiring`) or has expired
 *   (`expired`), raised through the same channel and webhook as low and out.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE product_costs (
    store_id uuid NOT NULL REFERENCES stores (id),
    product_id uuid NOT NULL REFERENCES products (id),
    cost_paise bigint NOT NULL,
    receipts integer NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, product_id)
  )`.execute(db);
  // Dead stock: the last day a store sold a product, one backward index probe per row.
  await sql`CREATE INDEX sales_daily_store_product_day_idx ON sales_daily (store_id, product_id, day)`.execute(db);
  await sql`ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_kind_check`.execute(db);
  await sql`ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('low', 'out', 'expiring', 'expired'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM alerts WHERE kind IN ('expiring', 'expired')`.execute(db);
  await sql`ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_kind_check`.execute(db);
  await sql`ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('low', 'out'))`.execute(db);
  await sql`DROP INDEX IF EXISTS sales_daily_store_product_day_idx`.execute(db);
  await sql`DROP TABLE IF EXISTS product_costs`.execute(db);
}
