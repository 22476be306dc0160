import { sql, type Kysely } from 'kysely';

/**
 * `Idempotency-Key` for head-office writes (issue 14 item 4): the first answer to a key is kept
 * so that a retry after a lost answer gets that answer back instead of recording the movement a
 * second time. Keys are scoped to the principal that sent them; `request_hash` tells a retry
 * (same body) from a different request reusing the key. Rows are pruned per principal after a day.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE idempotency_keys (
    principal_id uuid NOT NULL,
    key text COLLATE "C" NOT NULL,
    request_hash text NOT NULL,
    status smallint NOT NULL,
    response jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal_id, key)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS idempotency_keys`.execute(db);
}
