import { sql, type Kysely } from 'kysely';

/**
 * Citus readiness (issue 23 item 5): every unique index of a store-scoped table leads with
 * store_id, and the audit log's primary key leads with its chain, the column it would be
 * distributed by (hub/src/db/citus.layout.ts; DEPLOY.md has the distribution DDL).
 *
 * The global unique indexes on ids become plain indexes (lookups by id stay fast) and uniqueness
 * is per store, which is what idempotency relies on: a device is bound to its one store, ids are
 * UUIDv7, and the push's duplicate arbiter is the primary key (store_id, id). A device token and
 * an HLC node are unique within their store; the token lookup keeps an index of its own.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [
    sql`DROP INDEX movements_id_key`,
    sql`CREATE INDEX movements_id_idx ON movements (id)`,
    sql`DROP INDEX movements_device_seq_key`,
    sql`CREATE UNIQUE INDEX movements_device_seq_key ON movements (store_id, device_id, seq)`,
    sql`DROP INDEX devices_id_key`,
    sql`CREATE INDEX devices_id_idx ON devices (id)`,
    sql`DROP INDEX devices_node_key`,
    sql`CREATE UNIQUE INDEX devices_node_key ON devices (store_id, node)`,
    sql`DROP INDEX devices_token_hash_key`,
    sql`CREATE UNIQUE INDEX devices_token_hash_key ON devices (store_id, token_hash)`,
    sql`CREATE INDEX devices_token_hash_idx ON devices (token_hash)`,
    sql`DROP INDEX conflicts_id_key`,
    sql`CREATE INDEX conflicts_id_idx ON conflicts (id)`,
    sql`DROP INDEX webhook_deliveries_id_key`,
    sql`CREATE INDEX webhook_deliveries_id_idx ON webhook_deliveries (id)`,
    sql`ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey, ADD CONSTRAINT audit_log_pkey PRIMARY KEY (chain, id)`,
    sql`CREATE INDEX audit_log_id_idx ON audit_log (id)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    sql`DROP INDEX IF EXISTS audit_log_id_idx`,
    sql`ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey, ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id)`,
    sql`DROP INDEX IF EXISTS webhook_deliveries_id_idx`,
    sql`CREATE UNIQUE INDEX webhook_deliveries_id_key ON webhook_deliveries (id)`,
    sql`DROP INDEX IF EXISTS conflicts_id_idx`,
    sql`CREATE UNIQUE INDEX conflicts_id_key ON conflicts (id)`,
    sql`DROP INDEX IF EXISTS devices_token_hash_idx`,
    sql`DROP INDEX devices_token_hash_key`,
    sql`CREATE UNIQUE INDEX devices_token_hash_key ON devices (token_hash)`,
    sql`DROP INDEX devices_node_key`,
    sql`CREATE UNIQUE INDEX devices_node_key ON devices (node)`,
    sql`DROP INDEX IF EXISTS devices_id_idx`,
    sql`CREATE UNIQUE INDEX devices_id_key ON devices (id)`,
    sql`DROP INDEX movements_device_seq_key`,
    sql`CREATE UNIQUE INDEX movements_device_seq_key ON movements (device_id, seq)`,
    sql`DROP INDEX IF EXISTS movements_id_idx`,
    sql`CREATE UNIQUE INDEX movements_id_key ON movements (id)`,
  ]) {
    await statement.execute(db);
  }
}
