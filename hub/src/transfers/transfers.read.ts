import { lineDiscrepancy, lineFlow, transferStatusSchema, uuidSchema, type Transfer, type TransferStore, type TransferView } from '@bazaar/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import { containsPattern } from '../http/route-helpers';
import { assembleTransfer, type ArrivalSide, type CountedLine } from './transfers.assemble';

/** Web forms send "" for an unset filter; treat it as absent. */
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const day = z.iso.date({ message: 'must be a day, e.g. 2026-01-31' });

/** What head office narrows transfers by; the period is of the day they were made, on the sending store's clock. */
export const transferFilters = {
  /** Either end. */
  storeId: optional(uuidSchema),
  fromStoreId: optional(uuidSchema),
  toStoreId: optional(uuidSchema),
  status: optional(transferStatusSchema),
  number: optional(z.string().trim().min(1).max(64)),
  productId: optional(uuidSchema),
  from: optional(day),
  to: optional(day),
};
export const transferFilterSchema = z.strictObject(transferFilters);
export type TransferFilters = z.infer<typeof transferFilterSchema>;

/** One transfer row with both sides, as the list and detail read it. */
export interface TransferRow {
  id: string;
  created_at: Date;
  doc: unknown;
  arrival: ArrivalSide | null;
  counts: CountedLine[] | null;
  from_store: TransferStore;
  to_store: TransferStore;
  status: string;
}

/**
 * The status both sides add up to, in SQL so the list filters and pages on it (the same rule as
 * transferStatusOf: cancelled, closed, every line counted, some, dispatched, draft).
 */
const statusSql = sql<string>`CASE
  WHEN t.status = 'cancelled' THEN 'cancelled'
  WHEN a.closed_at IS NOT NULL THEN 'closed'
  WHEN counted.n >= t.line_count THEN 'received'
  WHEN counted.n > 0 THEN 'partly_received'
  WHEN t.status = 'dispatched' THEN 'dispatched'
  ELSE 'draft' END`;

/** Transfers of the visible stores (null: all; either end), narrowed by the filters, both sides joined. */
export function transfersSql(visible: string[] | null, f: TransferFilters & { id?: string }, page: { limit: number; after?: [string, string] } | null): RawBuilder<TransferRow> {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (visible !== null) where.push(sql`(t.store_id = ANY(${visible}::uuid[]) OR t.to_store_id = ANY(${visible}::uuid[]))`);
  if (f.id) where.push(sql`t.id = ${f.id}::uuid`);
  if (f.storeId) where.push(sql`(t.store_id = ${f.storeId}::uuid OR t.to_store_id = ${f.storeId}::uuid)`);
  if (f.fromStoreId) where.push(sql`t.store_id = ${f.fromStoreId}::uuid`);
  if (f.toStoreId) where.push(sql`t.to_store_id = ${f.toStoreId}::uuid`);
  if (f.number) where.push(sql`t.number ILIKE ${containsPattern(f.number)}`);
  if (f.productId) where.push(sql`t.doc->'lines' @> ${JSON.stringify([{ productId: f.productId }])}::jsonb`);
  if (f.from) where.push(sql`t.created_at >= (${f.from}::date)::timestamp AT TIME ZONE fs.time_zone`);
  if (f.to) where.push(sql`t.created_at < (${f.to}::date + 1)::timestamp AT TIME ZONE fs.time_zone`);
  if (page?.after) where.push(sql`(t.created_at, t.id) < (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)`);
  const inner = sql`
    SELECT t.id, t.created_at, t.doc,
           CASE WHEN a.transfer_id IS NULL THEN NULL ELSE json_build_object('received_at', a.received_at, 'received_by', a.received_by, 'closed_at', a.closed_at, 'closed_by', a.closed_by) END AS arrival,
           (SELECT json_agg(l) FROM transfer_receipt_lines l WHERE l.store_id = t.to_store_id AND l.transfer_id = t.id) AS counts,
           json_build_object('id', fs.id, 'code', fs.code, 'name', fs.name) AS from_store,
           json_build_object('id', ts.id, 'code', ts.code, 'name', ts.name) AS to_store,
           ${statusSql} AS status
    FROM transfers t
    JOIN stores fs ON fs.id = t.store_id
    JOIN stores ts ON ts.id = t.to_store_id
    LEFT JOIN transfer_arrivals a ON a.store_id = t.to_store_id AND a.transfer_id = t.id
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT l.product_id) AS n FROM transfer_receipt_lines l
      WHERE l.store_id = t.to_store_id AND l.transfer_id = t.id
        AND l.product_id IN (SELECT (x->>'productId')::uuid FROM jsonb_array_elements(t.doc->'lines') x)
    ) counted ON true
    WHERE ${sql.join(where, sql` AND `)}`;
  const status = f.status ? sql`WHERE x.status = ${f.status}` : sql``;
  const limit = page ? sql`LIMIT ${page.limit + 1}` : sql``;
  return sql<TransferRow>`SELECT x.* FROM (${inner}) x ${status} ORDER BY x.created_at DESC, x.id DESC ${limit}`;
}

/** A row as head office reads it: the document both sides make, and what each line is short, over or still in transit. */
export function toTransferView(r: TransferRow): TransferView {
  const doc: Transfer = assembleTransfer(r.doc as Transfer, r.arrival, r.counts ?? []);
  return {
    ...doc,
    fromStore: r.from_store,
    toStore: r.to_store,
    lines: doc.lines.map((l) => ({ ...l, discrepancy: lineDiscrepancy(doc, l), ...lineFlow(doc, l) })),
  };
}

export async function readTransfers(db: Kysely<Database>, q: RawBuilder<TransferRow>): Promise<TransferRow[]> {
  return (await q.execute(db)).rows;
}
