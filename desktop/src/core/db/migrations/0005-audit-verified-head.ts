import { sql, type Kysely } from 'kysely';

/**
 * Where the last verification of the local audit chain ended (its position and hash), so the
 * routine check verifies only what was written since; a full check on demand starts again at
 * the genesis. One row at most (id = 1).
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_verified')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('pos', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_verified').ifExists().execute();
}
