/**
 * Where each table goes when the hub outgrows one PostgreSQL primary and runs on Citus
 * (issue 23 item 5; DEPLOY.md "Scaling out the database"). citus.layout.test.ts holds the schema
 * to it: every table is listed once, a distributed table leads its primary key, unique indexes
 * and foreign keys with its distribution column, and reference tables point only at reference
 * tables. distributionDdl() is the DDL DEPLOY.md shows (the test checks they agree).
 */
export interface CitusLayout {
  /** Distributed by store_id, all co-located with `stock`: a push touches one shard group. */
  byStore: readonly string[];
  /** Distributed by the text key of a chain or a change scope (a store id as text, or 'hub'/'catalog'), co-located with `audit_heads`. */
  byChain: Readonly<Record<string, string>>;
  /** Hub-wide rows every store joins: replicated to every worker, in an order their foreign keys allow. */
  reference: readonly string[];
  /** Hub bookkeeping that stays on the coordinator (Citus local tables). */
  coordinator: readonly string[];
}

export const CITUS_LAYOUT: CitusLayout = {
  byStore: [
    'stock',
    'movements',
    'bills',
    'shifts',
    'purchase_orders',
    'goods_receipts',
    'transfers',
    'transfer_arrivals',
    'transfer_receipt_lines',
    'customers',
    'credit_entries',
    'devices',
    'conflicts',
    'alerts',
    'webhook_deliveries',
    'store_webhooks',
    'store_stock_counts',
    'sales_daily',
    'sales_daily_stores',
    'shrinkage_daily',
    'product_costs',
    'user_stores',
  ],
  byChain: { audit_heads: 'chain', audit_log: 'chain', audit_anchor_points: 'chain', change_counters: 'scope' },
  reference: ['stores', 'suppliers', 'users', 'products', 'product_remaps', 'api_tokens', 'supplier_terms', 'product_order_packs', 'hub_settings', 'credit_settings'],
  coordinator: ['idempotency_keys', 'export_jobs', 'export_chunks', 'saved_views', 'audit_verify_runs', 'kysely_migration', 'kysely_migration_lock'],
};

/** The distribution DDL for a Citus coordinator whose schema was migrated as usual. */
export function distributionDdl(layout: CitusLayout = CITUS_LAYOUT): string {
  const [anchor, ...rest] = layout.byStore;
  const chains = Object.entries(layout.byChain);
  const [chainAnchor, chainColumn] = chains[0]!;
  return [
    ...layout.reference.map((t) => `SELECT create_reference_table('${t}');`),
    `SELECT create_distributed_table('${anchor}', 'store_id');`,
    ...rest.map((t) => `SELECT create_distributed_table('${t}', 'store_id', colocate_with => '${anchor}');`),
    `SELECT create_distributed_table('${chainAnchor}', '${chainColumn}');`,
    ...chains.slice(1).map(([t, c]) => `SELECT create_distributed_table('${t}', '${c}', colocate_with => '${chainAnchor}');`),
    ...layout.coordinator.map((t) => `SELECT citus_add_local_table_to_metadata('${t}');`),
  ].join('\n');
}
