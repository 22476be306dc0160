import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.types';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface StoreWebhooksTable {
  store_id: string;
  url: string;
  enabled: Generated<boolean>;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  store_id: string;
  id: string;
  alert_id: string;
  url: string;
  payload: Json;
  state: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SalesDailyTable {
  store_id: string;
  day: ColumnType<string, string, string>;
  product_id: string;
  qty_sold: number;
  revenue_paise: number;
  sales: number;
  updated_at: Timestamp;
}

export interface ExportJobsTable {
  id: string;
  requested_by: string | null;
  kind: string;
  params: Json;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  rows_done: Generated<number>;
  rows_total: number | null;
  error: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface ExportChunksTable {
  export_id: string;
  n: number;
  data: string;
}

// A type alias, not an interface: withTables() wants an index-signature-compatible record.
export type ScaleTables = {
  store_webhooks: StoreWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  sales_daily: SalesDailyTable;
  export_jobs: ExportJobsTable;
  export_chunks: ExportChunksTable;
};

export type ScaleDatabase = Database & ScaleTables;

/** The hub's Kysely, seen with the tables migration 0002 added (kept beside the code that uses them). */
export function scaleDb(db: Kysely<Database>): Kysely<ScaleDatabase> {
  return db.withTables<ScaleTables>();
}

export type ScaleTrx = Transaction<ScaleDatabase>;
