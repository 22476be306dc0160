import { sql, type Kysely } from 'kysely';

/** Hub-wide movement lists (admins, no store filter) page by time: they need their own index. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS movements_time_idx ON movements (occurred_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS movements_time_idx`.execute(db);
}
