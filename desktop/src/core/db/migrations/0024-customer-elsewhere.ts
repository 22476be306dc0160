import { sql, type Kysely } from 'kysely';

/**
 * Chain-shared customers (issue 20): a customer's entries made at other stores of the chain are
 * not this store's to pull one by one, so the hub answers their sum per customer with the pull
 * and the counter keeps it here. A balance at this counter is this store's entries (each held
 * here, pushed or not) plus this sum; the table is replaced whole by each complete pull.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE customer_elsewhere (customer_id TEXT PRIMARY KEY, balance_paise INTEGER NOT NULL)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE customer_elsewhere`.execute(db);
}
