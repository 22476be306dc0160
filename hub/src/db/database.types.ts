import type { Pack } from '@bazaar/shared';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The hub database as Kysely sees it. Column names are snake_case exactly as in SQL (no
 * CamelCasePlugin: jsonb payloads and raw `sql` stay untouched); the API layer maps rows to
 * the camelCase shapes of @bazaar/shared. int8 columns arrive as JS numbers (see db.factory.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string | undefined | null, string | null>;

export interface ChangeCountersTable {
  scope: string;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  role: 'admin' | 'manager' | 'staff';
  password_hash: string;
  pin_hash: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserStoresTable {
  store_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface StoresTable {
  id: string;
  code: string;
  name: string;
  region: string | null;
  location: string | null;
  /** IANA zone of the store's clock (migration 0008); its days are this zone's days. */
  time_zone: Generated<string>;
  variance_threshold: Generated<number>;
  /** numeric(5,2) (migration 0023): pg hands it over as text. */
  variance_loose_percent: ColumnType<string, number | undefined, number>;
  /** The store's language (en/ur/hi) for whoever has not picked one; NULL: the hub's default (migration 0027). */
  default_locale: ColumnType<string | null, string | null | undefined, string | null>;
  archived: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SuppliersTable {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  archived: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProductsTable {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  unit: 'pc' | 'g' | 'ml';
  category: string | null;
  supplier_id: string | null;
  price_minor: number;
  cost_minor: Generated<number>;
  reorder_level: Generated<number>;
  /** jsonb array of shared Pack (0014): written as JSON text, read back parsed. */
  packs: ColumnType<Pack[], string | undefined, string>;
  archived: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProductRemapsTable {
  from_product_id: string;
  to_product_id: string;
  sku: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: string;
  kind: 'user' | 'device';
  user_id: string | null;
  device_id: string | null;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface DevicesTable {
  store_id: string;
  id: string;
  name: string;
  node: string;
  token_hash: string;
  last_seq: Generated<number>;
  last_hlc: string | null;
  last_push_at: Timestamp | null;
  last_pull_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  /** The device's raw clock error at its last push (ms, + fast); null before one. */
  clock_error_ms: number | null;
}

export type MovementKindColumn = 'IN' | 'SALE' | 'REMOVE' | 'COUNT' | 'ADJUST' | 'TRANSFER_OUT' | 'TRANSFER_IN';

export interface MovementsTable {
  store_id: string;
  id: string;
  device_id: string | null;
  seq: number | null;
  hlc: string;
  kind: MovementKindColumn;
  product_id: string;
  qty: number;
  unit_price_minor: number | null;
  unit_cost_minor: number | null;
  reason: string | null;
  note: string | null;
  supplier_id: string | null;
  batch_id: string | null;
  user_id: string | null;
  occurred_at: Timestamp;
  received_at: CreatedAt;
  status: Generated<'applied' | 'rejected'>;
  reject_reason: string | null;
  /** Device movements: the stamp as the device's clock first issued it (hlc is the one ordered by). */
  device_hlc: string | null;
  /** Device movements: the device's own clock reading (occurred_at is the corrected time). */
  device_time: Timestamp | null;
  /** Goods coming in: their batch and the day they expire, YYYY-MM-DD (0014). */
  lot: Generated<string | null>;
  expires_on: Generated<string | null>;
}

export interface StockTable {
  store_id: string;
  product_id: string;
  qty: Generated<number>;
  reorder_level: Generated<number>;
  last_count_hlc: string | null;
  last_count_movement_id: string | null;
  last_count_qty: number | null;
  last_count_variance: number | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** Per store: stock rows, and how many are low or out (kept by triggers, migration 0004). */
export interface StoreStockCountsTable {
  store_id: string;
  products: number;
  low: number;
  out_of_stock: number;
}

export interface ConflictsTable {
  store_id: string;
  id: string;
  kind: string;
  product_id: string | null;
  movement_id: string | null;
  device_id: string | null;
  details: Json;
  status: Generated<'open' | 'resolved'>;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  resolution_note: string | null;
  created_at: CreatedAt;
}

export interface AlertsTable {
  store_id: string;
  id: string;
  product_id: string;
  kind: 'low' | 'out' | 'expiring' | 'expired';
  state: Generated<'open' | 'acknowledged' | 'closed'>;
  qty: number | null;
  opened_at: CreatedAt;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  closed_at: Timestamp | null;
}

/** Migration 0019: a product's moving-average cost in a store, rebuilt from the movement log (costs.rollup.ts). */
export interface ProductCostsTable {
  store_id: string;
  product_id: string;
  cost_minor: number;
  receipts: number;
  updated_at: Timestamp;
}

/** Migration 0019: stock lost per store, day, product and reason at cost, rebuilt per day from the log (shrinkage-rollup.ts). */
export interface ShrinkageDailyTable {
  store_id: string;
  day: string;
  product_id: string;
  reason: string;
  events: number;
  cost_minor: number;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  store_id: string | null;
  before: Json;
  after: Json;
  ip: string | null;
  prev_hash: string;
  hash: string;
  /** Migration 0006: the row's chain (a store id, or 'hub') and place in it; seq is null on the rows before the cut-over. */
  chain: Generated<string>;
  seq: number | null;
  /** Written as to_tsvector('simple', …) by the audit writer. */
  search: ColumnType<string, unknown, never>;
}

/** Migration 0003 (alerts, exports, rollups): timestamps the writer always sets, JSON text it always gives. */
type WrittenAt = ColumnType<Date, Date | string, Date | string>;
type JsonText = ColumnType<unknown, string, string>;

export interface StoreWebhooksTable {
  store_id: string;
  url: string;
  enabled: Generated<boolean>;
  updated_at: WrittenAt;
}

export interface WebhookDeliveriesTable {
  store_id: string;
  id: string;
  alert_id: string;
  url: string;
  payload: JsonText;
  state: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: WrittenAt;
}

export interface SalesDailyTable {
  store_id: string;
  day: ColumnType<string, string, string>;
  product_id: string;
  qty_sold: number;
  revenue_minor: number;
  cost_minor: Generated<number>;
  returned_qty: Generated<number>;
  returns_minor: Generated<number>;
  sales: number;
  updated_at: WrittenAt;
}

/** Per store and day: the sum of its sales_daily rows (migration 0016), what trends read. */
export interface SalesDailyStoresTable {
  store_id: string;
  day: ColumnType<string, string, string>;
  qty_sold: number;
  revenue_minor: number;
  cost_minor: number;
  returned_qty: number;
  returns_minor: number;
  sales: number;
  updated_at: WrittenAt;
}

export interface ExportJobsTable {
  id: string;
  requested_by: string | null;
  kind: string;
  params: JsonText;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  rows_done: Generated<number>;
  rows_total: number | null;
  error: string | null;
  created_at: CreatedAt;
  finished_at: WrittenAt | null;
  /** Migration 0025: the saved view and period a scheduled export is for. */
  saved_view_id: ColumnType<string | null, string | null | undefined, string | null>;
  period: ColumnType<string | null, string | null | undefined, string | null>;
  webhook_state: ColumnType<'pending' | 'delivered' | 'failed' | null, 'pending' | null | undefined, 'pending' | 'delivered' | 'failed' | null>;
  webhook_error: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0025: a person's filtered page saved by name, optionally a scheduled report. */
export interface SavedViewsTable {
  id: string;
  user_id: string;
  name: string;
  path: string;
  query: Generated<string>;
  schedule: 'daily' | 'weekly' | null;
  export_kind: Generated<'stock' | 'movements'>;
  webhook_url: string | null;
  created_at: CreatedAt;
  updated_at: WrittenAt;
}

/** Migration 0006: one row per audit chain, its head moved in the writer's transaction. */
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  hash: string;
  /** Hub chain only: its first legacy_seq rows are the format-1 log, in id order, up to legacy_last_id. */
  legacy_seq: number | null;
  legacy_last_id: number | null;
  hmac_from_seq: number | null;
  hmac_tag: string | null;
}

/** The store heads the latest anchor digested (audit/audit.anchor.ts). */
export interface AuditAnchorPointsTable {
  chain: string;
  seq: number;
  hash: string;
  anchor_seq: number;
}

export interface AuditVerifyRunsTable {
  id: string;
  state: 'running' | 'done' | 'failed';
  chains_total: Generated<number>;
  chains_done: Generated<number>;
  rows_checked: Generated<number>;
  ok: boolean | null;
  broken: ColumnType<unknown, string | undefined, string>;
  anchors: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  requested_by: string | null;
  started_at: CreatedAt;
  finished_at: WrittenAt | null;
}

export interface ExportChunksTable {
  export_id: string;
  n: number;
  data: string;
}

export interface IdempotencyKeysTable {
  principal_id: string;
  key: string;
  request_hash: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

/** Bills pushed by counters (migration 0009): the document in `doc`, the columns head office filters by. */
export interface BillsTable {
  store_id: string;
  id: string;
  device_id: string;
  number: string;
  kind: 'sale' | 'return' | 'exchange';
  status: 'completed' | 'voided';
  original_bill_id: string | null;
  total_minor: number;
  occurred_at: Timestamp;
  doc: Json;
  received_at: Timestamp;
  updated_at: Timestamp;
}

/** Counter shifts (migration 0018): the pushed shift report in `doc`, open or closed. */
export interface ShiftsTable {
  store_id: string;
  id: string;
  device_id: string;
  counter_code: string;
  status: 'open' | 'closed';
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  cash_expected_minor: number;
  counted_minor: number | null;
  variance_minor: number | null;
  doc: Json;
  received_at: Timestamp;
  updated_at: Timestamp;
}

/** Purchase orders (migration 0013): made at a counter and pushed, or made at head office. */
export interface PurchaseOrdersTable {
  store_id: string;
  id: string;
  number: string;
  counter_code: string;
  counter_no: number;
  device_id: string | null;
  supplier_id: string;
  status: 'draft' | 'sent' | 'cancelled';
  total_minor: number;
  created_at: Timestamp;
  doc: Json;
  received_at: Timestamp;
  updated_at: Timestamp;
}

/** Goods receipts pushed by counters (migration 0013); their IN movements carry batch_id = id. */
export interface GoodsReceiptsTable {
  store_id: string;
  id: string;
  number: string;
  device_id: string;
  supplier_id: string;
  po_id: string | null;
  supplier_bill_no: string;
  supplier_bill_date: ColumnType<string, string, string>;
  total_minor: number;
  occurred_at: Timestamp;
  doc: Json;
  received_at: Timestamp;
}

export interface SupplierTermsTable {
  supplier_id: string;
  lead_time_days: number;
  review_days: number;
  safety_days: number;
  updated_at: Timestamp;
}

export interface ProductOrderPacksTable {
  product_id: string;
  pack_qty: number;
  updated_at: Timestamp;
}

/** The sending side of a transfer (migration 0012), keyed by the sending store. */
export interface TransfersTable {
  store_id: string;
  id: string;
  to_store_id: string;
  number: string;
  origin: 'hub' | 'counter';
  counter_code: string;
  counter_no: number;
  status: 'draft' | 'dispatched' | 'cancelled';
  line_count: number;
  doc: Json;
  device_id: string | null;
  created_at: Timestamp;
  dispatched_at: Timestamp | null;
  updated_at: Timestamp;
}

/** The receiving side of a transfer, keyed by the receiving store: the close and where the two sides meet. */
export interface TransferArrivalsTable {
  store_id: string;
  transfer_id: string;
  from_store_id: string;
  dispatch_seen: Generated<boolean>;
  settled: Generated<boolean>;
  received_at: Timestamp | null;
  received_by: Json | null;
  closed_at: Timestamp | null;
  closed_by: Json | null;
  updated_at: Timestamp;
}

/** What the receiving store counted in, per product of a transfer (first count kept). */
export interface TransferReceiptLinesTable {
  store_id: string;
  transfer_id: string;
  product_id: string;
  sku: string;
  name: string;
  unit: 'pc' | 'g' | 'ml';
  qty_received: number;
  qty_damaged: number;
  device_id: string;
  received_at: Timestamp;
  received_by: Json | null;
}

export interface Database {
  change_counters: ChangeCountersTable;
  users: UsersTable;
  user_stores: UserStoresTable;
  stores: StoresTable;
  suppliers: SuppliersTable;
  products: ProductsTable;
  product_remaps: ProductRemapsTable;
  api_tokens: ApiTokensTable;
  devices: DevicesTable;
  movements: MovementsTable;
  stock: StockTable;
  store_stock_counts: StoreStockCountsTable;
  conflicts: ConflictsTable;
  alerts: AlertsTable;
  product_costs: ProductCostsTable;
  shrinkage_daily: ShrinkageDailyTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  audit_anchor_points: AuditAnchorPointsTable;
  audit_verify_runs: AuditVerifyRunsTable;
  store_webhooks: StoreWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  sales_daily: SalesDailyTable;
  sales_daily_stores: SalesDailyStoresTable;
  export_jobs: ExportJobsTable;
  export_chunks: ExportChunksTable;
  saved_views: SavedViewsTable;
  idempotency_keys: IdempotencyKeysTable;
  bills: BillsTable;
  shifts: ShiftsTable;
  purchase_orders: PurchaseOrdersTable;
  goods_receipts: GoodsReceiptsTable;
  supplier_terms: SupplierTermsTable;
  product_order_packs: ProductOrderPacksTable;
  transfers: TransfersTable;
  transfer_arrivals: TransferArrivalsTable;
  transfer_receipt_lines: TransferReceiptLinesTable;
  customers: CustomersTable;
  credit_entries: CreditEntriesTable;
  hub_settings: HubSettingsTable;
  credit_settings: CreditSettingsTable;
}

/** The chain's one credit settings row (migration 0026): whether customers are shared across stores. */
export interface CreditSettingsTable {
  id: Generated<boolean>;
  share_customers: Generated<boolean>;
  updated_at: Timestamp;
}

/** The hub's one settings row (migration 0024): its currency and default language. */
export interface HubSettingsTable {
  id: Generated<boolean>;
  currency: string;
  default_locale: string;
  updated_at: Timestamp;
}

/** A store's customers (migration 0017); a balance is the sum of their credit_entries. */
export interface CustomersTable {
  store_id: string;
  id: string;
  name: string;
  phone: string;
  address: string | null;
  note: string | null;
  credit_limit_minor: number | null;
  device_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  received_at: Timestamp;
}

/** The khata as counters recorded it (migration 0017): once by id and by (device, entry seq). */
export interface CreditEntriesTable {
  store_id: string;
  id: string;
  customer_id: string;
  kind: 'credit_sale' | 'payment' | 'adjustment' | 'opening';
  amount_minor: number;
  device_id: string;
  entry_seq: number;
  bill_id: string | null;
  method: string | null;
  due_on: string | null;
  occurred_at: Timestamp;
  doc: Json;
  received_at: Timestamp;
  pos: Generated<number>;
  /** The customer's own store when another store sold to a chain-shared customer (migration 0026); null: this store. */
  customer_store_id: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdateRow = Updateable<UsersTable>;
export type StoreRow = Selectable<StoresTable>;
export type NewStore = Insertable<StoresTable>;
export type StoreUpdateRow = Updateable<StoresTable>;
export type SupplierRow = Selectable<SuppliersTable>;
export type NewSupplier = Insertable<SuppliersTable>;
export type SupplierUpdateRow = Updateable<SuppliersTable>;
export type ProductRow = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type ProductUpdateRow = Updateable<ProductsTable>;
export type ProductRemapRow = Selectable<ProductRemapsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type NewDevice = Insertable<DevicesTable>;
export type DeviceUpdateRow = Updateable<DevicesTable>;
export type MovementRow = Selectable<MovementsTable>;
export type NewMovement = Insertable<MovementsTable>;
export type StockRowDb = Selectable<StockTable>;
export type ConflictRow = Selectable<ConflictsTable>;
export type NewConflict = Insertable<ConflictsTable>;
export type AlertRow = Selectable<AlertsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
