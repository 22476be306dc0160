import { sql, type Kysely } from 'kysely';

/**
 * Shifts (issue 17): a counter's shift as a document (DESIGN §9), pushed when it opens and again
 * when it closes with its Z report. One row per shift id per store, the report in `doc`; the
 * columns beside it are what head office filters and sums by. A closed copy replaces an open one,
 * never the other way round, so a late or replayed copy changes nothing.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE shifts (
    store_id uuid NOT NULL REFERENCES stores (id),
    id uuid NOT NULL,
    device_id uuid NOT NULL,
    counter_code text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at timestamptz NOT NULL,
    closed_at timestamptz,
    cash_expected_paise bigint NOT NULL,
    counted_paise bigint,
    variance_paise bigint,
    doc jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, id)
  )`.execute(db);
  await sql`CREATE INDEX shifts_store_opened ON shifts (store_id, opened_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS shifts`.execute(db);
}
