import { sql, type Kysely } from 'kysely';

/**
 * Audit chains that scale out (issue 23 item 1): one hash chain per store plus the hub chain,
 * instead of one chain for the whole fleet behind one advisory lock.
 *
 * - `audit_log.chain` (a store id, or 'hub') and `audit_log.seq` (the row's place in its chain,
 *   from 1). Rows written from now on use hash format 2 (shared/src/audit/audit-chain.ts:
 *   chain, seq and every column the log shows, actor_name included).
 * - `audit_heads`: one row per chain with its head (seq, hash). Writers lock it and move it in
 *   their own transaction, so a chain's writers serialise on their own row only.
 * - The existing single chain becomes the start of the hub chain, unchanged: its rows keep
 *   format 1 and id order, and the hub head records the cut-over (legacy_seq rows, up to
 *   legacy_last_id). The first new hub row chains on the last old hash, so the old entries stay
 *   verifiable and, from then on, pinned by the new chain. No row is rewritten: `chain` is
 *   added with a constant default (no table rewrite; a row written without one lands in the
 *   hub chain with no seq, which verification reports) and old rows keep seq NULL.
 * - `hmac_from_seq`/`hmac_tag`: where a chain's HMAC-keyed part begins (AUDIT_HMAC_KEY).
 * - `audit_anchor_points`: the store heads the last anchor (a hub-chain row) digested.
 * - `audit_verify_runs`: verification of every chain as a background job, with progress.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE audit_log ADD COLUMN chain text NOT NULL DEFAULT 'hub'`,
    sql`ALTER TABLE audit_log ADD COLUMN seq bigint`,
    sql`CREATE UNIQUE INDEX audit_log_chain_seq_key ON audit_log (chain, seq)`,
    // Rows outside every chain's seq order: the old log, and anything written around the writer.
    sql`CREATE INDEX audit_log_unchained_idx ON audit_log (id) WHERE seq IS NULL`,
    sql`CREATE TABLE audit_heads (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL,
      legacy_seq bigint,
      legacy_last_id bigint,
      hmac_from_seq bigint,
      hmac_tag text
    )`,
    sql`INSERT INTO audit_heads (chain, seq, hash, legacy_seq, legacy_last_id)
      SELECT 'hub', count(*), coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), repeat('0', 64)), count(*), max(id)
      FROM audit_log`,
    sql`CREATE TABLE audit_anchor_points (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL,
      anchor_seq bigint NOT NULL
    )`,
    sql`CREATE TABLE audit_verify_runs (
      id uuid PRIMARY KEY,
      state text NOT NULL,
      chains_total integer NOT NULL DEFAULT 0,
      chains_done integer NOT NULL DEFAULT 0,
      rows_checked bigint NOT NULL DEFAULT 0,
      ok boolean,
      broken jsonb NOT NULL DEFAULT '[]',
      anchors jsonb,
      error text,
      requested_by uuid,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_verify_runs', 'audit_anchor_points', 'audit_heads']) await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  await sql`DROP INDEX IF EXISTS audit_log_chain_seq_key`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN IF EXISTS seq, DROP COLUMN IF EXISTS chain`.execute(db);
}
