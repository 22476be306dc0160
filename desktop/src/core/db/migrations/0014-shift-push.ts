import { sql, type Kysely } from 'kysely';

/**
 * Shifts reach head office (issue 17): `shifts.pushed_status` is the status of the shift the hub
 * has acknowledged ('open' or 'closed'; NULL: not yet). A shift is pending while that differs
 * from its own status, so it rides on the next push when it opens and again when it closes.
 * Shifts kept before this migration are pending: head office gets them too.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE shifts ADD COLUMN pushed_status text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE shifts DROP COLUMN pushed_status`.execute(db);
}
