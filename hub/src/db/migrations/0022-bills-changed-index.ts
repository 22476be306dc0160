import { sql, type Kysely } from 'kysely';

/**
 * Counters read the bills other counters of their store rang up (issue 17: a return at any
 * counter of the store), in the order the hub stored or changed them: an index per store on
 * (updated_at, id), the keyset GET /sync/bills pages by.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS bills_store_changed ON bills (store_id, updated_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS bills_store_changed`.execute(db);
}
