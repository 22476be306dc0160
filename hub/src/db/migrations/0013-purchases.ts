import { sql, type Kysely } from 'kysely';

/**
 * Purchases (issue 18): purchase orders and goods receipts, documents recorded at a counter (or,
 * for orders, at head office) and pushed with the device's log (DESIGN §9). One row per document
 * id per store, the whole document in `doc`, the columns beside it what head office filters by.
 * Keyed by store first like every store-scoped table (0009-bills, 0010-citus-keys). Numbers are
 * not unique on purpose: two counters given the same code by mistake must not lose a document.
 * An order's "partly received"/"received" is never stored: it is read from its receipts.
 *
 * supplier_terms holds what reorder suggestions need from a supplier (lead time, review period,
 * safety days) and product_order_packs the pack a product is bought in; both hub-wide reference
 * rows, written by admins, never on a store's write path.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE purchase_orders (
    store_id uuid NOT NULL REFERENCES stores (id),
    id uuid NOT NULL,
    number text COLLATE "C" NOT NULL,
    counter_code text NOT NULL,
    counter_no integer NOT NULL,
    device_id uuid,
    supplier_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'sent', 'cancelled')),
    total_paise bigint NOT NULL,
    created_at timestamptz NOT NULL,
    doc jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, id)
  )`.execute(db);
  await sql`CREATE INDEX purchase_orders_store_time ON purchase_orders (store_id, created_at, id)`.execute(db);
  await sql`CREATE INDEX purchase_orders_store_supplier ON purchase_orders (store_id, supplier_id, created_at)`.execute(db);
  await sql`CREATE INDEX purchase_orders_store_counter_no ON purchase_orders (store_id, counter_code, counter_no)`.execute(db);
  await sql`CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, created_at)`.execute(db);

  await sql`CREATE TABLE goods_receipts (
    store_id uuid NOT NULL REFERENCES stores (id),
    id uuid NOT NULL,
    number text COLLATE "C" NOT NULL,
    device_id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    po_id uuid,
    supplier_bill_no text NOT NULL,
    supplier_bill_date date NOT NULL,
    total_paise bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    doc jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, id)
  )`.execute(db);
  await sql`CREATE INDEX goods_receipts_store_time ON goods_receipts (store_id, occurred_at, id)`.execute(db);
  await sql`CREATE INDEX goods_receipts_store_po ON goods_receipts (store_id, po_id) WHERE po_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX goods_receipts_supplier ON goods_receipts (supplier_id, occurred_at)`.execute(db);

  await sql`CREATE TABLE supplier_terms (
    supplier_id uuid PRIMARY KEY REFERENCES suppliers (id),
    lead_time_days integer NOT NULL CHECK (lead_time_days BETWEEN 0 AND 90),
    review_days integer NOT NULL CHECK (review_days BETWEEN 1 AND 90),
    safety_days integer NOT NULL CHECK (safety_days BETWEEN 0 AND 90),
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE product_order_packs (
    product_id uuid PRIMARY KEY REFERENCES products (id),
    pack_qty integer NOT NULL CHECK (pack_qty >= 1),
    updated_at timestamptz NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['product_order_packs', 'supplier_terms', 'goods_receipts', 'purchase_orders']) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
}
