import { sql, type Kysely } from 'kysely';

/**
 * Purchases (issue 18). A purchase order or a goods receipt is a document: `doc_json` is the
 * whole document as it syncs (shared schemas); the columns beside it are what the counter looks
 * it up by. `origin` says whether this counter made it (`local`, numbered from this counter's own
 * running number, max + 1 inside the transaction that records it) or it came from the hub (an
 * order made at head office, another counter's receipt). An order made here waits with
 * push_state 'pending' until a push answer acknowledges it; a receipt rides with its IN movements.
 * goods_receipt_lines repeats what each receipt line says about cost, indexed by product, so a
 * product's moving-average cost is read from its receipts without replaying its sales.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('counter_code', 'text', (c) => c.notNull())
    .addColumn('counter_no', 'integer', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('push_state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('purchase_orders_number').on('purchase_orders').column('number').execute();
  await db.schema.createIndex('purchase_orders_local_no').unique().on('purchase_orders').columns(['counter_code', 'counter_no']).where(sql.ref('origin'), '=', 'local').execute();
  await db.schema.createIndex('purchase_orders_pending').on('purchase_orders').column('push_state').where(sql.ref('push_state'), '=', 'pending').execute();

  await db.schema
    .createTable('goods_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('counter_code', 'text', (c) => c.notNull())
    .addColumn('counter_no', 'integer', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('po_id', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goods_receipts_local_no').unique().on('goods_receipts').columns(['counter_code', 'counter_no']).where(sql.ref('origin'), '=', 'local').execute();
  await db.schema.createIndex('goods_receipts_po').on('goods_receipts').column('po_id').where(sql.ref('po_id'), 'is not', null).execute();
  await db.schema.createIndex('goods_receipts_occurred').on('goods_receipts').columns(['occurred_at', 'id']).execute();

  await db.schema
    .createTable('goods_receipt_lines')
    .addColumn('receipt_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('on_hand_before', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('cost_paise', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goods_receipt_lines_pk', ['receipt_id', 'line_no'])
    .execute();
  await db.schema.createIndex('goods_receipt_lines_product').on('goods_receipt_lines').columns(['product_id', 'occurred_at', 'receipt_id', 'line_no']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['goods_receipt_lines', 'goods_receipts', 'purchase_orders']) await db.schema.dropTable(t).execute();
}
