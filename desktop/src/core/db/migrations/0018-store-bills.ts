import { sql, type Kysely } from 'kysely';

/**
 * Bills of the store's other counters (issue 17), as the hub has them (GET /sync/bills), so a
 * customer can bring goods back to any counter of the store, offline too. Read-only here: never
 * pushed, never numbered from, never counted in this counter's shift or sales. `sync_state.
 * bills_cursor` is where the next pull of them starts.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE store_bills (
    id text PRIMARY KEY,
    number text NOT NULL,
    counter_code text NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    original_bill_id text,
    total_paise integer NOT NULL,
    occurred_at text NOT NULL,
    doc_json text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX store_bills_number ON store_bills (number)`.execute(db);
  await sql`CREATE INDEX store_bills_original ON store_bills (original_bill_id) WHERE original_bill_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE sync_state ADD COLUMN bills_cursor text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE store_bills`.execute(db);
  await sql`ALTER TABLE sync_state DROP COLUMN bills_cursor`.execute(db);
}
