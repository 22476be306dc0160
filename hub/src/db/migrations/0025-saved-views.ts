import { sql, type Kysely } from 'kysely';

/**
 * Saved views and scheduled reports (issue 24): a person's filtered page saved by name (its path
 * and query string), optionally scheduled daily or weekly as an export job. An export started by a
 * schedule names the view and the period it is for; the unique (view, period) index is what keeps
 * two hub nodes (or a restarted one) from running one period twice. Where a view has a webhook,
 * the export row keeps its delivery state.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE saved_views (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    path text NOT NULL,
    query text NOT NULL DEFAULT '',
    schedule text CHECK (schedule IN ('daily', 'weekly')),
    export_kind text NOT NULL DEFAULT 'stock' CHECK (export_kind IN ('stock', 'movements')),
    webhook_url text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX saved_views_user_name_key ON saved_views (user_id, lower(name))`.execute(db);
  await sql`CREATE INDEX saved_views_scheduled_idx ON saved_views (schedule) WHERE schedule IS NOT NULL`.execute(db);
  await sql`ALTER TABLE export_jobs
    ADD COLUMN saved_view_id uuid,
    ADD COLUMN period text,
    ADD COLUMN webhook_state text CHECK (webhook_state IN ('pending', 'delivered', 'failed')),
    ADD COLUMN webhook_error text`.execute(db);
  await sql`CREATE UNIQUE INDEX export_jobs_view_period_key ON export_jobs (saved_view_id, period) WHERE saved_view_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS export_jobs_view_period_key`.execute(db);
  await sql`ALTER TABLE export_jobs DROP COLUMN IF EXISTS saved_view_id, DROP COLUMN IF EXISTS period, DROP COLUMN IF EXISTS webhook_state, DROP COLUMN IF EXISTS webhook_error`.execute(db);
  await sql`DROP TABLE IF EXISTS saved_views`.execute(db);
}
