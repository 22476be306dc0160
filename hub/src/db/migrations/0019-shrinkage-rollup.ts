import { sql, type Kysely } from 'kysely';

/**
 * Shrinkage at chain scale (issue 19): stock lost per store, store-local day, product and reason
 * (a removal's reason, or `count` for what a count found short of the log), in paise at cost.
 * A rollup of the movement log like sales_daily, rebuilt per day by the rollup job
 * (reports/shrinkage-rollup.ts); the report reads it instead of walking every count's history.
 * Filled from the log on the next settling run (the last 35 days) and as days are rolled up.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE shrinkage_daily (
    store_id uuid NOT NULL REFERENCES stores (id),
    day date NOT NULL,
    product_id uuid NOT NULL,
    reason text NOT NULL,
    events integer NOT NULL,
    cost_paise bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, day, product_id, reason)
  )`.execute(db);
  await sql`CREATE INDEX shrinkage_daily_day_idx ON shrinkage_daily (day, store_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS shrinkage_daily`.execute(db);
}
