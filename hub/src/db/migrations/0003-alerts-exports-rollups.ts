import { sql, type Kysely } from 'kysely';

/**
 * Tables for background jobs (stage 3): per-store alert webhooks and their deliveries, the
 * daily sales rollup, and large CSV exports stored in Postgres so that any stateless node can
 * serve a download another node produced. Frozen in time like every migration.
 *
 * Store-scoped tables lead their primary key with store_id (Citus: distributed by store_id).
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE store_webhooks (
      store_id uuid PRIMARY KEY REFERENCES stores (id),
      url text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE webhook_deliveries (
      store_id uuid NOT NULL REFERENCES stores (id),
      id uuid NOT NULL,
      alert_id uuid NOT NULL,
      url text NOT NULL,
      payload jsonb NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_status integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, id)
    )`,
    sql`CREATE UNIQUE INDEX webhook_deliveries_id_key ON webhook_deliveries (id)`,
    sql`CREATE INDEX webhook_deliveries_failed_idx ON webhook_deliveries (updated_at) WHERE state = 'failed'`,

    sql`CREATE TABLE sales_daily (
      store_id uuid NOT NULL REFERENCES stores (id),
      day date NOT NULL,
      product_id uuid NOT NULL,
      qty_sold bigint NOT NULL,
      revenue_paise bigint NOT NULL,
      sales integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, day, product_id)
    )`,
    sql`CREATE INDEX sales_daily_day_idx ON sales_daily (day, store_id)`,

    sql`CREATE TABLE export_jobs (
      id uuid PRIMARY KEY,
      requested_by uuid,
      kind text NOT NULL,
      params jsonb NOT NULL DEFAULT '{}'::jsonb,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
      rows_done bigint NOT NULL DEFAULT 0,
      rows_total bigint,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`,
    sql`CREATE INDEX export_jobs_user_idx ON export_jobs (requested_by, created_at)`,
    sql`CREATE TABLE export_chunks (
      export_id uuid NOT NULL REFERENCES export_jobs (id) ON DELETE CASCADE,
      n integer NOT NULL,
      data text NOT NULL,
      PRIMARY KEY (export_id, n)
    )`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['export_chunks', 'export_jobs', 'sales_daily', 'webhook_deliveries', 'store_webhooks']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
