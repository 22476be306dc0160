import { sql, type Kysely } from 'kysely';

/**
 * The complete hub schema of DESIGN §4, sync included. Frozen in time: never edit after it
 * ships, add a new migration instead. Plain SQL so it reads like the schema it is.
 *
 * Conventions: snake_case columns; store-scoped tables lead their primary key with store_id
 * (ready for partitioning / Citus); `hlc` columns use the "C" collation so SQL ordering is the
 * byte order that compareHlc() uses; `version` columns are change versions from
 * change_counters (see db/change-version.ts) so pull cursors never skip late commits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE change_counters (
      scope text PRIMARY KEY,
      version bigint NOT NULL DEFAULT 0
    )`,

    sql`CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'manager', 'staff')),
      password_hash text NOT NULL,
      pin_hash text,
      active boolean NOT NULL DEFAULT true,
      version bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE UNIQUE INDEX users_username_key ON users (username)`,
    sql`CREATE INDEX users_role_idx ON users (role, id)`,
    sql`CREATE INDEX users_version_idx ON users (version)`,

    sql`CREATE TABLE stores (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      region text,
      location text,
      variance_threshold integer NOT NULL DEFAULT 10 CHECK (variance_threshold >= 0),
      archived boolean NOT NULL DEFAULT false,
      version bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE UNIQUE INDEX stores_code_key ON stores (lower(code))`,
    sql`CREATE INDEX stores_region_idx ON stores (region, id)`,

    sql`CREATE TABLE user_stores (
      store_id uuid NOT NULL REFERENCES stores (id),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, user_id)
    )`,
    sql`CREATE INDEX user_stores_user_idx ON user_stores (user_id, store_id)`,

    sql`CREATE TABLE suppliers (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      phone text,
      email text,
      address text,
      archived boolean NOT NULL DEFAULT false,
      version bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX suppliers_version_idx ON suppliers (version)`,

    sql`CREATE TABLE products (
      id uuid PRIMARY KEY,
      sku text NOT NULL,
      barcode text,
      name text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('pc', 'g', 'ml')),
      category text,
      supplier_id uuid REFERENCES suppliers (id),
      price_paise bigint NOT NULL CHECK (price_paise >= 0),
      cost_paise bigint NOT NULL DEFAULT 0 CHECK (cost_paise >= 0),
      reorder_level bigint NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
      archived boolean NOT NULL DEFAULT false,
      version bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE UNIQUE INDEX products_sku_key ON products (sku)`,
    sql`CREATE UNIQUE INDEX products_barcode_key ON products (barcode)`,
    sql`CREATE INDEX products_category_idx ON products (category, id)`,
    sql`CREATE INDEX products_supplier_idx ON products (supplier_id, id)`,
    sql`CREATE INDEX products_version_idx ON products (version)`,

    sql`CREATE TABLE product_remaps (
      from_product_id uuid PRIMARY KEY,
      to_product_id uuid NOT NULL REFERENCES products (id),
      sku text NOT NULL,
      version bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX product_remaps_version_idx ON product_remaps (version)`,

    sql`CREATE TABLE api_tokens (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('user', 'device')),
      user_id uuid REFERENCES users (id) ON DELETE CASCADE,
      device_id uuid,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      last_used_at timestamptz,
      CHECK ((kind = 'user') = (user_id IS NOT NULL))
    )`,
    sql`CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (token_hash)`,
    sql`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`,

    sql`CREATE TABLE devices (
      store_id uuid NOT NULL REFERENCES stores (id),
      id uuid NOT NULL,
      name text NOT NULL,
      node text NOT NULL,
      token_hash text NOT NULL,
      last_seq bigint NOT NULL DEFAULT 0,
      last_hlc text COLLATE "C",
      last_push_at timestamptz,
      last_pull_at timestamptz,
      revoked_at timestamptz,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, id)
    )`,
    sql`CREATE UNIQUE INDEX devices_id_key ON devices (id)`,
    sql`CREATE UNIQUE INDEX devices_node_key ON devices (node)`,
    sql`CREATE UNIQUE INDEX devices_token_hash_key ON devices (token_hash)`,

    sql`CREATE TABLE movements (
      store_id uuid NOT NULL REFERENCES stores (id),
      id uuid NOT NULL,
      device_id uuid,
      seq bigint,
      hlc text COLLATE "C" NOT NULL,
      kind text NOT NULL CHECK (kind IN ('IN', 'SALE', 'REMOVE', 'COUNT', 'ADJUST', 'TRANSFER_OUT', 'TRANSFER_IN')),
      product_id uuid NOT NULL,
      qty bigint NOT NULL,
      unit_price_paise bigint,
      unit_cost_paise bigint,
      reason text,
      note text,
      supplier_id uuid,
      batch_id uuid,
      user_id uuid,
      occurred_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'rejected')),
      reject_reason text,
      PRIMARY KEY (store_id, id)
    )`,
    // A movement id is the device's UUIDv7: globally unique, so a replay to any store is a duplicate.
    sql`CREATE UNIQUE INDEX movements_id_key ON movements (id)`,
    sql`CREATE UNIQUE INDEX movements_device_seq_key ON movements (device_id, seq)`,
    sql`CREATE INDEX movements_store_time_idx ON movements (store_id, occurred_at, id)`,
    sql`CREATE INDEX movements_product_idx ON movements (product_id, occurred_at)`,
    sql`CREATE INDEX movements_store_product_hlc_idx ON movements (store_id, product_id, hlc, id)`,
    sql`CREATE INDEX movements_counts_idx ON movements (store_id, product_id, hlc, id)
          WHERE kind = 'COUNT' AND status = 'applied'`,
    sql`CREATE INDEX movements_store_kind_time_idx ON movements (store_id, kind, occurred_at)`,
    sql`CREATE INDEX movements_user_idx ON movements (user_id, occurred_at)`,

    sql`CREATE TABLE stock (
      store_id uuid NOT NULL REFERENCES stores (id),
      product_id uuid NOT NULL REFERENCES products (id),
      qty bigint NOT NULL DEFAULT 0,
      reorder_level bigint NOT NULL DEFAULT 0,
      last_count_hlc text COLLATE "C",
      last_count_movement_id uuid,
      last_count_qty bigint,
      last_count_variance bigint,
      version bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, product_id)
    )`,
    sql`CREATE INDEX stock_product_idx ON stock (product_id, store_id)`,
    sql`CREATE INDEX stock_store_version_idx ON stock (store_id, version)`,
    sql`CREATE INDEX stock_store_updated_idx ON stock (store_id, updated_at)`,
    // Low/out-of-stock lists and counts read only this (small) part of the table.
    sql`CREATE INDEX stock_low_idx ON stock (store_id, product_id) WHERE qty <= reorder_level`,

    sql`CREATE TABLE conflicts (
      store_id uuid NOT NULL REFERENCES stores (id),
      id uuid NOT NULL,
      kind text NOT NULL,
      product_id uuid,
      movement_id uuid,
      device_id uuid,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      resolved_by uuid REFERENCES users (id),
      resolved_at timestamptz,
      resolution_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, id)
    )`,
    sql`CREATE UNIQUE INDEX conflicts_id_key ON conflicts (id)`,
    sql`CREATE INDEX conflicts_store_status_idx ON conflicts (store_id, status, created_at, id)`,
    sql`CREATE INDEX conflicts_device_idx ON conflicts (device_id) WHERE status = 'open'`,

    sql`CREATE TABLE alerts (
      store_id uuid NOT NULL REFERENCES stores (id),
      id uuid NOT NULL,
      product_id uuid NOT NULL REFERENCES products (id),
      kind text NOT NULL CHECK (kind IN ('low', 'out')),
      state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'closed')),
      qty bigint,
      opened_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid REFERENCES users (id),
      closed_at timestamptz,
      PRIMARY KEY (store_id, id)
    )`,
    sql`CREATE UNIQUE INDEX alerts_one_live_key ON alerts (store_id, product_id, kind) WHERE state <> 'closed'`,
    sql`CREATE INDEX alerts_store_state_idx ON alerts (store_id, state, opened_at)`,

    // Audit chain order is id order; the writer serialises appends (audit/audit.writer.ts).
    sql`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      store_id uuid,
      before jsonb,
      after jsonb,
      ip text,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      search tsvector NOT NULL
    )`,
    sql`CREATE INDEX audit_log_store_idx ON audit_log (store_id, id)`,
    sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`,
    sql`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`,
    sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`,
    sql`CREATE INDEX audit_log_at_idx ON audit_log (at, id)`,
    // Free-text search: tsvector works on stock Postgres and PGlite alike (no extension needed).
    sql`CREATE INDEX audit_log_search_idx ON audit_log USING gin (search)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'alerts',
    'conflicts',
    'stock',
    'movements',
    'devices',
    'api_tokens',
    'product_remaps',
    'products',
    'suppliers',
    'user_stores',
    'stores',
    'users',
    'change_counters',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
