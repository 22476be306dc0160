import { sql, type Kysely } from 'kysely';

/**
 * Sales net of returns and voids (issue 17) and trends at chain scale (issue 24):
 * - sales_daily gains cost, returned quantity and returned value, and an index by product and
 *   day (a product's split across the chain);
 * - sales_daily_stores: one row per store and day, what trends read (a year of a 1,000-store
 *   chain is 365,000 rows, not one per product sold);
 * - both are rebuilt once from the movement log with the net rule: SALE movements, plus the
 *   priced ADJUSTs a bill wrote (returns, voids; their batch id is the bill's id), on each
 *   store's own day, line by line, rounding half away from zero.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE sales_daily
      ADD COLUMN cost_paise bigint NOT NULL DEFAULT 0,
      ADD COLUMN returned_qty bigint NOT NULL DEFAULT 0,
      ADD COLUMN returns_paise bigint NOT NULL DEFAULT 0`,
    sql`CREATE INDEX sales_daily_product_day_idx ON sales_daily (product_id, day)`,
    sql`CREATE TABLE sales_daily_stores (
      store_id uuid NOT NULL REFERENCES stores (id),
      day date NOT NULL,
      qty_sold bigint NOT NULL,
      revenue_paise bigint NOT NULL,
      cost_paise bigint NOT NULL,
      returned_qty bigint NOT NULL,
      returns_paise bigint NOT NULL,
      sales integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, day)
    )`,
    sql`CREATE INDEX sales_daily_stores_day_idx ON sales_daily_stores (day)`,
    sql`DELETE FROM sales_daily`,
    sql`
      WITH m AS (
        SELECT m.store_id, (m.occurred_at AT TIME ZONE s.time_zone)::date AS day, m.product_id, m.kind, m.qty,
          (CASE WHEN m.qty > 0 THEN -1 ELSE 1 END) * ((abs(m.qty) * coalesce(m.unit_price_paise, p.price_paise) + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END)) AS revenue,
          (CASE WHEN m.qty > 0 THEN -1 ELSE 1 END) * ((abs(m.qty) * coalesce(m.unit_cost_paise, p.cost_paise) + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END)) AS cost
        FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
        WHERE m.status = 'applied' AND (m.kind = 'SALE' OR (m.kind = 'ADJUST' AND m.unit_price_paise IS NOT NULL AND m.batch_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM bills b WHERE b.store_id = m.store_id AND b.id = m.batch_id)))
      )
      INSERT INTO sales_daily (store_id, day, product_id, qty_sold, revenue_paise, cost_paise, returned_qty, returns_paise, sales, updated_at)
      SELECT store_id, day, product_id, sum(-qty), sum(revenue)::bigint, sum(cost)::bigint,
        coalesce(sum(qty) FILTER (WHERE kind = 'ADJUST'), 0), coalesce(-sum(revenue) FILTER (WHERE kind = 'ADJUST'), 0)::bigint,
        count(*) FILTER (WHERE kind = 'SALE'), now()
      FROM m GROUP BY 1, 2, 3`,
    sql`
      INSERT INTO sales_daily_stores (store_id, day, qty_sold, revenue_paise, cost_paise, returned_qty, returns_paise, sales, updated_at)
      SELECT store_id, day, sum(qty_sold), sum(revenue_paise), sum(cost_paise), sum(returned_qty), sum(returns_paise), sum(sales), now()
      FROM sales_daily GROUP BY 1, 2`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS sales_daily_stores`.execute(db);
  await sql`DROP INDEX IF EXISTS sales_daily_product_day_idx`.execute(db);
  await sql`ALTER TABLE sales_daily DROP COLUMN IF EXISTS cost_paise, DROP COLUMN IF EXISTS returned_qty, DROP COLUMN IF EXISTS returns_paise`.execute(db);
}
