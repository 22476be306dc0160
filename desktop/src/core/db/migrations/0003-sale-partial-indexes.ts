import { sql, type Kysely } from 'kysely';

/**
 * Two indexes a sale no longer writes. Filtering the log by kind and the audit by action is
 * what they serve; sales are most of both, so a filter on SALE or sale.create finds its page
 * by walking seq / pos from the newest, and the indexes only need the other kinds (the
 * receive, remove and count screens list theirs) and the other actions.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('movements_kind').ifExists().execute();
  await db.schema.createIndex('movements_kind').on('movements').columns(['kind', 'seq']).where(sql.ref('kind'), '<>', 'SALE').execute();
  await db.schema.dropIndex('audit_action').ifExists().execute();
  await db.schema.createIndex('audit_action').on('audit').columns(['action', 'pos']).where(sql.ref('action'), '<>', 'sale.create').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('movements_kind').ifExists().execute();
  await db.schema.createIndex('movements_kind').on('movements').columns(['kind', 'seq']).execute();
  await db.schema.dropIndex('audit_action').ifExists().execute();
  await db.schema.createIndex('audit_action').on('audit').columns(['action', 'pos']).execute();
}
