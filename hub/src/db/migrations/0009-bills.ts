import { sql, type Kysely } from 'kysely';

/**
 * Bills (issue 17): documents recorded at the counter and pushed with their movements (DESIGN
 * §9). One row per bill id per store, the whole document in `doc`; the columns beside it are
 * what head office filters by. Keyed by store first like every store-scoped table. The bill
 * number is not unique here on purpose: two counters given the same code by mistake must not
 * lose a bill, they are found and flagged instead.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE bills (
    store_id uuid NOT NULL REFERENCES stores (id),
    id uuid NOT NULL,
    device_id uuid NOT NULL,
    number text COLLATE "C" NOT NULL,
    kind text NOT NULL CHECK (kind IN ('sale', 'return', 'exchange')),
    status text NOT NULL CHECK (status IN ('completed', 'voided')),
    original_bill_id uuid,
    total_paise bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    doc jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, id)
  )`.execute(db);
  await sql`CREATE INDEX bills_store_time ON bills (store_id, occurred_at, id)`.execute(db);
  await sql`CREATE INDEX bills_store_number ON bills (store_id, number)`.execute(db);
  await sql`CREATE INDEX bills_original ON bills (store_id, original_bill_id) WHERE original_bill_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS bills`.execute(db);
}
