import { sql, type Kysely } from 'kysely';

/**
 * Bills (issue 17). A bill is a document: `doc_json` is the whole bill as it syncs (shared
 * billSchema); the columns beside it are what the counter looks bills up by. The running
 * number is the counter's own: UNIQUE (counter_code, counter_no) and taken as max + 1 inside
 * the transaction that records the bill and its movements, so a crash or a rollback never
 * leaves a gap or a reuse. Held carts and shifts live in the same file, so they survive a restart.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bill_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    // Null: the code derived from the device's HLC node (defaultCounterCode).
    .addColumn('counter_code', 'text')
    .addColumn('cash_step_paise', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('payment_methods', 'text', (c) => c.notNull().defaultTo('["upi","card","jazzcash","easypaisa","credit"]'))
    // A discount above this share of what it applies to needs a manager (basis points: 1000 = 10%).
    .addColumn('max_discount_bp', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('currency_label', 'text', (c) => c.notNull().defaultTo('Rs'))
    .addColumn('receipt_header', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('time_zone', 'text')
    .execute();
  await db.insertInto('bill_settings').values({ id: 1 }).execute();

  await db.schema
    .createTable('bills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('counter_code', 'text', (c) => c.notNull())
    .addColumn('counter_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('original_bill_id', 'text')
    .addColumn('shift_id', 'text')
    .addColumn('cashier_id', 'text')
    .addColumn('total_paise', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .addColumn('receipt_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bills_counter_no').unique().on('bills').columns(['counter_code', 'counter_no']).execute();
  await db.schema.createIndex('bills_occurred').on('bills').columns(['occurred_at', 'id']).execute();
  await db.schema.createIndex('bills_original').on('bills').column('original_bill_id').where(sql.ref('original_bill_id'), 'is not', null).execute();
  await db.schema.createIndex('bills_shift').on('bills').column('shift_id').where(sql.ref('shift_id'), 'is not', null).execute();
  await db.schema.createIndex('bills_total').on('bills').columns(['total_paise', 'occurred_at']).execute();

  await db.schema
    .createTable('held_carts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('cart_json', 'text', (c) => c.notNull())
    .addColumn('held_by', 'text')
    .addColumn('held_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('counter_code', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by_id', 'text')
    .addColumn('opened_by_name', 'text')
    .addColumn('float_paise', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_id', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('report_json', 'text')
    .execute();
  // One open shift per counter (this file is one counter).
  await db.schema.createIndex('shifts_one_open').unique().on('shifts').expression(sql`(closed_at IS NULL)`).where(sql.ref('closed_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['shifts', 'held_carts', 'bills', 'bill_settings']) await db.schema.dropTable(t).execute();
}
