import { sql, type Kysely } from 'kysely';

/**
 * Chain-shared customers (issue 20): a customer belongs to the store that made them and is never
 * visible to another store unless the chain turns on `share_customers` (default off). Then a
 * counter of any store may find them and sell to them on credit; the entry is the selling store's
 * (store_id) and names the customer's own store in `customer_store_id` (null: the same store).
 * A balance stays the sum of the customer's entries, whichever stores hold them. The foreign key
 * from an entry to a customer of its own store goes: the push checks the customer exists.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE credit_settings (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    share_customers boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`INSERT INTO credit_settings (id) VALUES (true) ON CONFLICT DO NOTHING`.execute(db);
  await sql`ALTER TABLE credit_entries DROP CONSTRAINT IF EXISTS credit_entries_store_id_customer_id_fkey`.execute(db);
  await sql`ALTER TABLE credit_entries ADD COLUMN IF NOT EXISTS customer_store_id uuid`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS credit_entries_foreign_customer ON credit_entries (customer_store_id, customer_id) WHERE customer_store_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS customers_id ON customers (id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS customers_id`.execute(db);
  await sql`DROP INDEX IF EXISTS credit_entries_foreign_customer`.execute(db);
  await sql`DELETE FROM credit_entries WHERE customer_store_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE credit_entries DROP COLUMN IF EXISTS customer_store_id`.execute(db);
  await sql`ALTER TABLE credit_entries ADD FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id)`.execute(db);
  await sql`DROP TABLE IF EXISTS credit_settings`.execute(db);
}
