import { sql, type Kysely } from 'kysely';

/**
 * Transfers between stores (issue 18, DESIGN §9). A transfer has two sides, each written by one
 * store only, and each stored under that store's key so that the push of one store never locks
 * the other's rows:
 *  - transfers: the sending side, keyed by the sending store (store_id): header, lines and the
 *    quantities sent in `doc`, status draft | dispatched | cancelled;
 *  - transfer_arrivals: the receiving side, keyed by the receiving store (store_id): one row per
 *    transfer, the close, and the meeting point of the two sides (dispatch_seen, settled): both
 *    pushes upsert it, so whichever commits second sees the other, settles the transfer and
 *    raises its discrepancy, once. Rows not settled are the transfers still open (in transit);
 *  - transfer_receipt_lines: what the receiving store counted in, per product and counter (two
 *    offline counters counting one line are both kept and flagged; the first count is the one used).
 * Status, in transit and discrepancies are derived from these (never stored twice).
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE transfers (
      store_id uuid NOT NULL REFERENCES stores (id),
      id uuid NOT NULL,
      to_store_id uuid NOT NULL REFERENCES stores (id),
      number text COLLATE "C" NOT NULL,
      origin text NOT NULL CHECK (origin IN ('hub', 'counter')),
      counter_code text NOT NULL,
      counter_no integer NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'dispatched', 'cancelled')),
      line_count integer NOT NULL,
      doc jsonb NOT NULL,
      device_id uuid,
      created_at timestamptz NOT NULL,
      dispatched_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (store_id, id)
    )`,
    sql`CREATE INDEX transfers_store_time ON transfers (store_id, created_at, id)`,
    sql`CREATE INDEX transfers_to_store_time ON transfers (to_store_id, created_at, id)`,
    sql`CREATE INDEX transfers_id_idx ON transfers (id)`,
    sql`CREATE INDEX transfers_number ON transfers (store_id, number)`,
    // Head office numbers are the hub's to give: gap-free per sending store.
    sql`CREATE UNIQUE INDEX transfers_hub_no ON transfers (store_id, counter_no) WHERE origin = 'hub'`,
    sql`CREATE INDEX transfers_open_to ON transfers (to_store_id) WHERE status <> 'cancelled'`,

    sql`CREATE TABLE transfer_arrivals (
      store_id uuid NOT NULL REFERENCES stores (id),
      transfer_id uuid NOT NULL,
      from_store_id uuid NOT NULL REFERENCES stores (id),
      dispatch_seen boolean NOT NULL DEFAULT false,
      settled boolean NOT NULL DEFAULT false,
      received_at timestamptz,
      received_by jsonb,
      closed_at timestamptz,
      closed_by jsonb,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (store_id, transfer_id)
    )`,
    sql`CREATE INDEX transfer_arrivals_transfer ON transfer_arrivals (transfer_id)`,
    sql`CREATE INDEX transfer_arrivals_open ON transfer_arrivals (store_id) WHERE NOT settled`,

    sql`CREATE TABLE transfer_receipt_lines (
      store_id uuid NOT NULL REFERENCES stores (id),
      transfer_id uuid NOT NULL,
      product_id uuid NOT NULL,
      sku text NOT NULL,
      name text NOT NULL,
      unit text NOT NULL,
      qty_received bigint NOT NULL CHECK (qty_received >= 0),
      qty_damaged bigint NOT NULL CHECK (qty_damaged >= 0),
      device_id uuid NOT NULL,
      received_at timestamptz NOT NULL,
      received_by jsonb,
      PRIMARY KEY (store_id, transfer_id, product_id, device_id)
    )`,

    // A discrepancy is stored at the receiving store and listed to the sending store's managers too.
    sql`CREATE INDEX conflicts_transfer_from ON conflicts (((details->>'fromStoreId')::uuid), created_at) WHERE kind = 'TRANSFER_DISCREPANCY'`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS conflicts_transfer_from`.execute(db);
  for (const t of ['transfer_receipt_lines', 'transfer_arrivals', 'transfers']) await sql`DROP TABLE IF EXISTS ${sql.raw(t)}`.execute(db);
}
