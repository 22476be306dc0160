import { sql, type Kysely } from 'kysely';

/**
 * Transfers between stores (issue 18). `doc_json` is the whole transfer as it syncs (shared
 * transferSchema), both sides as this counter knows them: its own acts and what the hub last said
 * of the other store's. `version` moves with every local act and `pushed_version` records what the
 * hub acknowledged, so a receipt that moved no stock (all short) or a close still travels.
 * Numbers of transfers made here are this counter's own: UNIQUE (counter_code, counter_no) and
 * taken as max + 1 inside the transaction that records the transfer.
 * `transfer_stores`: the stores this counter may send to, as the hub last listed them.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('counter_code', 'text', (c) => c.notNull())
    .addColumn('counter_no', 'integer', (c) => c.notNull())
    .addColumn('from_store_id', 'text', (c) => c.notNull())
    .addColumn('to_store_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pushed_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfers_counter_no').unique().on('transfers').columns(['counter_code', 'counter_no']).where(sql.ref('origin'), '=', 'counter').execute();
  await db.schema.createIndex('transfers_created').on('transfers').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('transfers_unpushed').on('transfers').column('id').where(sql<boolean>`version > pushed_version`).execute();

  await db.schema
    .createTable('transfer_stores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['transfer_stores', 'transfers']) await db.schema.dropTable(t).execute();
}
