import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('store_name', 'text', (c) => c.notNull())
    .addColumn('variance_threshold', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('hlc_node', 'text', (c) => c.notNull())
    .addColumn('hlc_last', 'text')
    .addColumn('hub_url', 'text')
    .addColumn('device_token', 'text')
    .addColumn('enrolled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suppliers_name').on('suppliers').expression(sql`lower(name)`).execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('barcode', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name: name-prefix search is an index range scan on this column.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('supplier_id', 'text')
    .addColumn('price_paise', 'integer', (c) => c.notNull())
    .addColumn('cost_paise', 'integer', (c) => c.notNull())
    .addColumn('reorder_level', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull())
    // For products created here: 'pending' until a push carried them to the hub.
    .addColumn('push_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_sku').unique().on('products').column('sku').execute();
  await db.schema.createIndex('products_barcode').unique().on('products').column('barcode').execute();
  await db.schema.createIndex('products_name_key').on('products').columns(['name_key', 'id']).execute();
  await db.schema.createIndex('products_category').on('products').columns(['category', 'name_key']).execute();
  await db.schema.createIndex('products_supplier').on('products').columns(['supplier_id', 'name_key']).execute();
  await db.schema.createIndex('products_push_state').on('products').column('push_state').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('pin_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price_paise', 'integer')
    .addColumn('unit_cost_paise', 'integer')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('supplier_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // pending → applied | duplicate | rejected, from the hub's answer to a push.
    .addColumn('sync_status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('sync_reason', 'text')
    .execute();
  await db.schema.createIndex('movements_product_hlc').on('movements').columns(['product_id', 'hlc']).execute();
  await db.schema.createIndex('movements_occurred').on('movements').columns(['occurred_at', 'seq']).execute();
  await db.schema.createIndex('movements_kind').on('movements').columns(['kind', 'seq']).execute();
  await db.schema.createIndex('movements_batch').on('movements').column('batch_id').execute();
  await db.schema.createIndex('movements_sync').on('movements').columns(['sync_status', 'seq']).execute();

  await db.schema
    .createTable('stock_baseline')
    .addColumn('product_id', 'text', (c) => c.primaryKey())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('reorder_level', 'integer', (c) => c.notNull())
    .addColumn('last_count_hlc', 'text')
    .addColumn('last_count_qty', 'integer')
    .addColumn('last_count_variance', 'integer')
    // The highest seq of this device the hub's quantity already contains.
    .addColumn('includes_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stock')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('count_hlc', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_qty').on('stock').columns(['qty']).execute();

  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('cursor', 'text')
    .addColumn('acked_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clock_offset_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_push_at', 'text')
    .addColumn('last_pull_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('halted', 'text')
    .execute();
  await db.insertInto('sync_state').values({ id: 1 }).execute();

  await db.schema
    .createTable('product_remaps')
    .addColumn('from_product_id', 'text', (c) => c.primaryKey())
    .addColumn('to_product_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit')
    .addColumn('pos', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('store_id', 'text')
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_action').on('audit').columns(['action', 'pos']).execute();
  await db.schema.createIndex('audit_entity').on('audit').columns(['entity_id', 'pos']).execute();
}
