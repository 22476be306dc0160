import { sql, type Kysely } from 'kysely';

/**
 * Customers and their ledger (issue 20). `customers`: this store's customers, made here
 * (origin local, push_state pending until the hub holds the copy) or pulled from the hub (made at
 * another counter). `ledger_entries`: the khata, append-only; a balance is the sum of a customer's
 * rows and is never stored. Entries made here carry this device and its own running entry_seq
 * (UNIQUE with the device), `pushed` says the hub acknowledged them; entries of other counters
 * arrive by the pull, once by id. `credit_sync`: where the pull of the store's entries continues.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('note', 'text')
    .addColumn('credit_limit_paise', 'integer')
    .addColumn('device_id', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('push_state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_phone').on('customers').column('phone').execute();
  await db.schema.createIndex('customers_name').on('customers').columns(['name_key', 'id']).execute();
  await db.schema.createIndex('customers_unpushed').on('customers').column('id').where(sql.ref('push_state'), '=', 'pending').execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_paise', 'integer', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('entry_seq', 'integer', (c) => c.notNull())
    .addColumn('bill_id', 'text')
    .addColumn('due_on', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('pushed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('ledger_device_seq').unique().on('ledger_entries').columns(['device_id', 'entry_seq']).execute();
  await db.schema.createIndex('ledger_customer').on('ledger_entries').columns(['customer_id', 'occurred_at']).execute();
  await db.schema.createIndex('ledger_unpushed').on('ledger_entries').column('entry_seq').where(sql.ref('pushed'), '=', 0).execute();

  await db.schema
    .createTable('credit_sync')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('cursor', 'text')
    .execute();
  await db.insertInto('credit_sync').values({ id: 1, cursor: null }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['credit_sync', 'ledger_entries', 'customers']) await db.schema.dropTable(t).execute();
}
