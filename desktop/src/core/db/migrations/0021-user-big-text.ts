import { sql, type Kysely } from 'kysely';

/**
 * Big text (issue 15): each person at the counter may read it with large type and touch-size
 * targets. `users.big_text` is 1 for those who turned it on; it is this counter's own choice
 * for the person, never pushed to or pulled from the hub (a pull of staff leaves it alone).
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN big_text integer NOT NULL DEFAULT 0 CHECK (big_text IN (0, 1))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN big_text`.execute(db);
}
