import { sql, type Kysely } from 'kysely';

/**
 * A store's own language (issue 15): what its counters show someone who has not picked one,
 * before the hub's default (user > store > hub). NULL: the hub's default.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stores ADD COLUMN IF NOT EXISTS default_locale text CHECK (default_locale IN ('en', 'ur', 'hi'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stores DROP COLUMN IF EXISTS default_locale`.execute(db);
}
