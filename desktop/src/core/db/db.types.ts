import type { Generated, Insertable, Kysely, Selectable } from 'kysely';

export interface SettingsTable {
  id: number;
  store_id: string;
  store_code: string;
  store_name: string;
  variance_threshold: Generated<number>;
  device_id: string;
  hlc_node: string;
  hlc_last: string | null;
  hub_url: string | null;
  device_token: string | null;
  enrolled_at: string | null;
  created_at: string;
}

export type Origin = 'local' | 'hub';

export interface SuppliersTable {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  archived: number;
  origin: Origin;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  name_key: string;
  unit: 'pc' | 'g' | 'ml';
  category: string | null;
  supplier_id: string | null;
  price_minor: number;
  cost_minor: number;
  reorder_level: number;
  archived: number;
  origin: Origin;
  push_state: 'none' | 'pending' | 'pushed';
  created_at: string;
  updated_at: string;
  /** JSON array of shared Pack (0012); pack_barcodes indexes their barcodes. */
  packs: string;
}

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  role: 'admin' | 'manager' | 'staff';
  pin_hash: string | null;
  active: number;
  origin: Origin;
  created_at: string;
  updated_at: string;
  /** 1: this person reads the counter in big text (issue 15). */
  big_text: Generated<number>;
}

export type SyncStatus = 'pending' | 'applied' | 'duplicate' | 'rejected';

export interface MovementsTable {
  id: string;
  seq: number;
  hlc: string;
  kind: 'IN' | 'SALE' | 'REMOVE' | 'COUNT' | 'ADJUST' | 'TRANSFER_OUT' | 'TRANSFER_IN';
  product_id: string;
  qty: number;
  unit_price_minor: number | null;
  unit_cost_minor: number | null;
  reason: 'damage' | 'expiry' | 'theft' | 'other' | null;
  note: string | null;
  supplier_id: string | null;
  batch_id: string | null;
  user_id: string | null;
  occurred_at: string;
  sync_status: SyncStatus;
  sync_reason: string | null;
  /** The PC's raw clock when stamped (ms); null on rows from before migration 0004. */
  device_time: number | null;
  /** The offset to hub time applied when stamped (ms). */
  stamp_offset_ms: number | null;
  /** The first stamp, when finalising the clock changed it (hlc is the one ordered by). */
  stamped_hlc: string | null;
  /** 1 = the stamp is final (sendable); 0 = waiting for the next exchange with the hub. */
  clock_final: number;
  /** The batch (lot) and expiry day (YYYY-MM-DD) a stock-in names (0012). */
  lot: string | null;
  expires_on: string | null;
}

export interface StockBaselineTable {
  product_id: string;
  qty: number;
  reorder_level: number;
  last_count_hlc: string | null;
  last_count_qty: number | null;
  last_count_variance: number | null;
  includes_seq: number;
  updated_at: string;
}

export interface StockTable {
  product_id: string;
  qty: number;
  count_hlc: string | null;
  updated_at: string;
}

export interface SyncStateTable {
  id: number;
  cursor: string | null;
  /** Where the next GET /sync/bills starts (migration 0018). */
  bills_cursor: string | null;
  acked_seq: number;
  clock_offset_ms: number;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  halted: string | null;
}

export interface ProductRemapsTable {
  from_product_id: string;
  to_product_id: string;
  sku: string;
  at: string;
}

/** Where the last verification of the audit chain ended (one row, id 1). */
export interface AuditVerifiedTable {
  id: number;
  pos: number;
  hash: string;
  checked: number;
  verified_at: string;
}

export interface AuditTable {
  pos: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  store_id: string | null;
  before_json: string;
  after_json: string;
  prev_hash: string;
  hash: string;
}

/** Wrong PINs per username (migration 0007): the sign-in back-off survives a restart. */
export interface SigninAttemptsTable {
  username: string;
  failures: number;
  /** Epoch ms before which no PIN is checked. */
  locked_until: number;
  last_failed_at: number;
}

/** The counter's bill rules (migration 0008, one row, id 1). */
export interface BillSettingsTable {
  id: number;
  counter_code: string | null;
  cash_step_minor: number;
  /** JSON array of the methods taken besides cash. */
  payment_methods: string;
  max_discount_bp: number;
  currency_label: string;
  /** JSON array of receipt header lines under the store name. */
  receipt_header: string;
  time_zone: string | null;
  /** JSON array of shared ScaleLayout: the store's label-scale barcodes (0012). */
  scale_layouts: string;
  /** "host:port" of a raw ESC/POS network printer, or NULL (0017). */
  receipt_printer: string | null;
  /** Paper of that printer in columns: 32 (58 mm) or 48 (80 mm) (0017). */
  receipt_width: number;
  /** The hub's currency (ISO 4217) as last pulled, NULL on a stand-alone store (0019). */
  currency: string | null;
  /** The hub's default language (en/ur/hi) as last pulled (0019). */
  default_locale: string | null;
}

/** Bills of the store's other counters, as the hub has them (migration 0018): read-only here. */
export interface StoreBillsTable {
  id: string;
  number: string;
  counter_code: string;
  kind: string;
  status: string;
  original_bill_id: string | null;
  total_minor: number;
  occurred_at: string;
  doc_json: string;
}

export interface BillsTable {
  id: string;
  number: string;
  counter_code: string;
  counter_no: number;
  kind: 'sale' | 'return' | 'exchange';
  status: 'completed' | 'voided';
  original_bill_id: string | null;
  shift_id: string | null;
  cashier_id: string | null;
  total_minor: number;
  occurred_at: string;
  /** The whole bill document (shared billSchema) as it syncs. */
  doc_json: string;
  /** The 80 mm receipt as printed when the bill completed. */
  receipt_text: string;
}

export interface HeldCartsTable {
  id: string;
  label: string;
  cart_json: string;
  held_by: string | null;
  held_at: string;
}

export interface ShiftsTable {
  id: string;
  counter_code: string;
  opened_at: string;
  opened_by_id: string | null;
  opened_by_name: string | null;
  float_minor: number;
  closed_at: string | null;
  closed_by_id: string | null;
  closed_by_name: string | null;
  report_json: string | null;
  /** The status the hub acknowledged (migration 0014); NULL: not pushed yet. */
  pushed_status: 'open' | 'closed' | null;
}

/** Purchase orders (migration 0011): made here (`local`) or at head office (`hub`). */
export interface PurchaseOrdersTable {
  id: string;
  number: string;
  counter_code: string;
  counter_no: number;
  supplier_id: string;
  status: 'draft' | 'sent' | 'cancelled';
  origin: Origin;
  /** 'pending' until a push answer acknowledges this copy; 'hub' for an order the hub sent. */
  push_state: 'pending' | 'pushed' | 'hub';
  created_at: string;
  updated_at: string;
  doc_json: string;
}

export interface GoodsReceiptsTable {
  id: string;
  number: string;
  counter_code: string;
  counter_no: number;
  supplier_id: string;
  po_id: string | null;
  origin: Origin;
  occurred_at: string;
  doc_json: string;
}

export interface GoodsReceiptLinesTable {
  receipt_id: string;
  line_no: number;
  product_id: string;
  on_hand_before: number;
  qty: number;
  cost_minor: number;
  occurred_at: string;
}

/** A transfer as this counter knows it (migration 0010): the document in doc_json. */
export interface TransfersTable {
  id: string;
  number: string;
  origin: 'hub' | 'counter';
  counter_code: string;
  counter_no: number;
  from_store_id: string;
  to_store_id: string;
  status: string;
  doc_json: string;
  version: Generated<number>;
  pushed_version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TransferStoresTable {
  id: string;
  code: string;
  name: string;
}

export interface StoreDatabase {
  settings: SettingsTable;
  suppliers: SuppliersTable;
  products: ProductsTable;
  users: UsersTable;
  movements: MovementsTable;
  stock_baseline: StockBaselineTable;
  stock: StockTable;
  sync_state: SyncStateTable;
  product_remaps: ProductRemapsTable;
  audit: AuditTable;
  audit_verified: AuditVerifiedTable;
  signin_attempts: SigninAttemptsTable;
  bill_settings: BillSettingsTable;
  bills: BillsTable;
  store_bills: StoreBillsTable;
  held_carts: HeldCartsTable;
  shifts: ShiftsTable;
  purchase_orders: PurchaseOrdersTable;
  goods_receipts: GoodsReceiptsTable;
  goods_receipt_lines: GoodsReceiptLinesTable;
  transfers: TransfersTable;
  transfer_stores: TransferStoresTable;
  pack_barcodes: PackBarcodesTable;
  customers: CustomersTable;
  ledger_entries: LedgerEntriesTable;
  credit_sync: CreditSyncTable;
  customer_elsewhere: CustomerElsewhereTable;
}

/** The store's customers (migration 0013); their balance is the sum of their ledger_entries. */
export interface CustomersTable {
  id: string;
  name: string;
  name_key: string;
  phone: string;
  address: string | null;
  note: string | null;
  credit_limit_minor: number | null;
  device_id: string | null;
  origin: Origin;
  push_state: 'pending' | 'pushed' | 'hub';
  created_at: string;
  updated_at: string;
}

/** One khata entry (shared LedgerEntry in doc_json); entry_seq is its device's own running number. */
export interface LedgerEntriesTable {
  id: string;
  customer_id: string;
  kind: 'credit_sale' | 'payment' | 'adjustment' | 'opening';
  amount_minor: number;
  device_id: string;
  entry_seq: number;
  bill_id: string | null;
  due_on: string | null;
  occurred_at: string;
  doc_json: string;
  origin: Origin;
  pushed: Generated<number>;
}

export interface CreditSyncTable {
  id: number;
  cursor: string | null;
}

/** A customer's balance from the entries other stores of the chain hold, as the last pull answered (migration 0024). */
export interface CustomerElsewhereTable {
  customer_id: string;
  balance_minor: number;
}

/** Pack barcodes → product, kept by triggers on products.packs (migration 0012). */
export interface PackBarcodesTable {
  barcode: string;
  product_id: string;
}

export type StoreDb = Kysely<StoreDatabase>;
/** Repositories take the database or the connection of an open write transaction. */
export type Executor = Kysely<StoreDatabase>;

export type ProductRow = Selectable<ProductsTable>;
export type NewProductRow = Insertable<ProductsTable>;
export type MovementRow = Selectable<MovementsTable>;
export type UserRow = Selectable<UsersTable>;
export type SettingsRow = Selectable<SettingsTable>;
export type SupplierRow = Selectable<SuppliersTable>;
export type SyncStateRow = Selectable<SyncStateTable>;
export type BillRow = Selectable<BillsTable>;
export type BillSettingsRow = Selectable<BillSettingsTable>;
export type ShiftRow = Selectable<ShiftsTable>;
