import type { Kysely } from 'kysely';

/**
 * Wrong PINs per username, kept in the store file so that closing and reopening the app does
 * not reset the back-off (a 4-digit PIN would otherwise fall in under an hour).
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signin_attempts')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signin_attempts').execute();
}
