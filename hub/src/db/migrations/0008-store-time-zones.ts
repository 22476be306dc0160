import { sql, type Kysely } from 'kysely';

/**
 * Each store keeps its own clock (DESIGN §9: every day boundary is the store's own time zone):
 * an IANA zone name such as Asia/Karachi or Asia/Kolkata. Stores from before this migration get
 * Asia/Kolkata, the zone every earlier version reported in (₹ and IST were all it knew); an admin
 * sets others in Stores. Day rollups, day-grouped reports and CSV local times read it.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stores ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Kolkata'`.execute(db);
  // A zone PostgreSQL does not know would fail every report of the store: refuse it at the door.
  await sql`ALTER TABLE stores ADD CONSTRAINT stores_time_zone_known CHECK (now() AT TIME ZONE time_zone IS NOT NULL)`.execute(db);
  // The rollup counted UTC days and priced grams of loose goods as if each gram cost the per-kg
  // price: rebuild it once from the movement log, by each store's day, line by line.
  await sql`DELETE FROM sales_daily`.execute(db);
  await sql`
    INSERT INTO sales_daily (store_id, day, product_id, qty_sold, revenue_paise, sales, updated_at)
    SELECT m.store_id, (m.occurred_at AT TIME ZONE s.time_zone)::date, m.product_id, sum(-m.qty),
      sum(((-m.qty) * coalesce(m.unit_price_paise, p.price_paise) + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END))::bigint,
      count(*), now()
    FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
    WHERE m.kind = 'SALE' AND m.status = 'applied'
    GROUP BY 1, 2, 3`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stores DROP CONSTRAINT IF EXISTS stores_time_zone_known`.execute(db);
  await sql`ALTER TABLE stores DROP COLUMN IF EXISTS time_zone`.execute(db);
}
