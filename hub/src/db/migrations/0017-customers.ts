import { sql, type Kysely } from 'kysely';

/**
 * Customers and their ledger (issue 20, DESIGN §9). A customer belongs to one store; head office
 * sees the customers of the stores it may see. `credit_entries` is the khata as the counters
 * recorded it, append-only: an entry is kept once by id and once by (device, entry seq), so a
 * replayed push or a second copy is ignored (ON CONFLICT DO NOTHING). A balance is the sum of a
 * customer's entries and is never stored. `pos` is the order entries reached the hub in; every
 * writer of a store's entries holds that store's counter row, so within a store it is also the
 * commit order, and a counter pulling "after pos N" misses nothing.
 *
 * Keyed by store first like every store-scoped table (0010-citus-keys). Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE customers (
    store_id uuid NOT NULL REFERENCES stores (id),
    id uuid NOT NULL,
    name text NOT NULL,
    phone text COLLATE "C" NOT NULL,
    address text,
    note text,
    credit_limit_paise bigint CHECK (credit_limit_paise >= 0),
    device_id uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, id)
  )`.execute(db);
  await sql`CREATE INDEX customers_store_name ON customers (store_id, lower(name), id)`.execute(db);
  await sql`CREATE INDEX customers_store_phone ON customers (store_id, phone)`.execute(db);

  await sql`CREATE TABLE credit_entries (
    store_id uuid NOT NULL REFERENCES stores (id),
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('credit_sale', 'payment', 'adjustment', 'opening')),
    amount_paise bigint NOT NULL CHECK (amount_paise <> 0),
    device_id uuid NOT NULL,
    entry_seq bigint NOT NULL,
    bill_id uuid,
    method text,
    due_on date,
    occurred_at timestamptz NOT NULL,
    doc jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    pos bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (store_id, id),
    UNIQUE (store_id, device_id, entry_seq),
    FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id)
  )`.execute(db);
  await sql`CREATE INDEX credit_entries_customer ON credit_entries (store_id, customer_id, occurred_at)`.execute(db);
  await sql`CREATE INDEX credit_entries_store_pos ON credit_entries (store_id, pos)`.execute(db);
  await sql`CREATE INDEX credit_entries_store_time ON credit_entries (store_id, occurred_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['credit_entries', 'customers']) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
}
