import { sql, type Kysely } from 'kysely';

/**
 * Fewer index pages written per sale line. stock(qty) served no query: the stock list filters
 * on coalesce(stock, baseline) expressions it cannot use. movements(sync_status, seq) took an
 * entry per movement while the only question asked of it is "which were rejected": a partial
 * index holds just those, and a sale (always 'pending') never writes to it.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stock_qty').ifExists().execute();
  await db.schema.dropIndex('movements_sync').ifExists().execute();
  await db.schema.createIndex('movements_rejected').on('movements').column('seq').where(sql.ref('sync_status'), '=', 'rejected').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('movements_rejected').ifExists().execute();
  await db.schema.createIndex('movements_sync').on('movements').columns(['sync_status', 'seq']).execute();
  await db.schema.createIndex('stock_qty').on('stock').columns(['qty']).execute();
}
