import { goodsReceiptSchema, purchaseOrderSchema, receiptProgress, type GoodsReceipt, type GoodsReceiptSummary, type PurchaseOrder, type PurchaseOrderStatus, type PurchaseOrderSummary } from '@bazaar/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.types';
import { iso } from '../http/route-helpers';

/**
 * An order's status as people read it, in SQL (the same rule as receiptProgress in shared,
 * which purchases.routes.test.ts holds it to): the document's own until a receipt names it, then
 * received when no line is still short, else partly received; cancelled stays cancelled.
 */
export function poStatusSql(p: string): RawBuilder<PurchaseOrderStatus> {
  const ref = sql.raw(p);
  return sql<PurchaseOrderStatus>`CASE
    WHEN ${ref}.status = 'cancelled' THEN 'cancelled'
    WHEN NOT EXISTS (SELECT 1 FROM goods_receipts g WHERE g.store_id = ${ref}.store_id AND g.po_id = ${ref}.id) THEN ${ref}.status
    WHEN NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements(${ref}.doc->'lines') ol
      WHERE (ol->>'orderedQty')::bigint > COALESCE((
        SELECT sum((gl->>'receivedQty')::bigint) FROM goods_receipts g CROSS JOIN LATERAL jsonb_array_elements(g.doc->'lines') gl
        WHERE g.store_id = ${ref}.store_id AND g.po_id = ${ref}.id AND gl->>'productId' = ol->>'productId'), 0)
    ) THEN 'received'
    ELSE 'partly_received' END`;
}

/** The order's lines that have come in full (received ≥ ordered over its receipts), derived like its status. */
export function linesReceivedSql(p: string): RawBuilder<number> {
  const ref = sql.raw(p);
  return sql<number>`(SELECT count(*)::int FROM jsonb_array_elements(${ref}.doc->'lines') ol
    WHERE (ol->>'orderedQty')::bigint <= COALESCE((
      SELECT sum((gl->>'receivedQty')::bigint) FROM goods_receipts g CROSS JOIN LATERAL jsonb_array_elements(g.doc->'lines') gl
      WHERE g.store_id = ${ref}.store_id AND g.po_id = ${ref}.id AND gl->>'productId' = ol->>'productId'), 0))`;
}

export interface OrderFilters {
  visible: string[] | null;
  storeId?: string;
  supplierId?: string;
  status?: PurchaseOrderStatus | 'open';
  ids?: string[];
}

export function orderRows(db: Kysely<Database>, f: OrderFilters) {
  let q = db
    .selectFrom('purchase_orders as p')
    .innerJoin('stores as s', 's.id', 'p.store_id')
    .select([
      'p.store_id',
      'p.id',
      'p.number',
      'p.device_id',
      'p.supplier_id',
      'p.total_minor',
      'p.created_at',
      'p.doc',
      's.code as store_code',
      's.name as store_name',
      's.time_zone',
      poStatusSql('p').as('derived_status'),
      linesReceivedSql('p').as('lines_received'),
    ]);
  if (f.visible !== null) q = q.where('p.store_id', 'in', f.visible.length ? f.visible : ['00000000-0000-0000-0000-000000000000']);
  if (f.storeId) q = q.where('p.store_id', '=', f.storeId);
  if (f.supplierId) q = q.where('p.supplier_id', '=', f.supplierId);
  if (f.ids) q = q.where('p.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.status === 'open') q = q.where(sql<boolean>`${poStatusSql('p')} IN ('draft', 'sent', 'partly_received')`);
  else if (f.status) q = q.where(sql<boolean>`${poStatusSql('p')} = ${f.status}`);
  return q;
}
export type OrderRow = Awaited<ReturnType<ReturnType<typeof orderRows>['execute']>>[number];

export function toOrderSummary(r: OrderRow): PurchaseOrderSummary {
  const doc = r.doc as PurchaseOrder;
  return {
    id: r.id,
    number: r.number,
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    timeZone: r.time_zone,
    supplierId: r.supplier_id,
    supplierName: doc.supplierName,
    status: r.derived_status,
    madeAt: r.device_id === null ? 'head_office' : 'counter',
    lineCount: doc.lines.length,
    linesReceived: Number(r.lines_received),
    totalMinor: Number(r.total_minor),
    expectedDay: doc.expectedDay,
    createdAt: iso(r.created_at),
  };
}

export interface ReceiptFilters {
  visible: string[] | null;
  storeId?: string;
  supplierId?: string;
  poIds?: string[];
  from?: Date;
  to?: Date;
}

export function receiptRows(db: Kysely<Database>, f: ReceiptFilters) {
  let q = db
    .selectFrom('goods_receipts as g')
    .innerJoin('stores as s', 's.id', 'g.store_id')
    .select(['g.store_id', 'g.id', 'g.number', 'g.supplier_id', 'g.po_id', 'g.total_minor', 'g.occurred_at', 'g.doc', 's.code as store_code', 's.name as store_name', 's.time_zone']);
  if (f.visible !== null) q = q.where('g.store_id', 'in', f.visible.length ? f.visible : ['00000000-0000-0000-0000-000000000000']);
  if (f.storeId) q = q.where('g.store_id', '=', f.storeId);
  if (f.supplierId) q = q.where('g.supplier_id', '=', f.supplierId);
  if (f.poIds) q = q.where('g.po_id', 'in', f.poIds.length ? f.poIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.from) q = q.where('g.occurred_at', '>=', f.from);
  if (f.to) q = q.where('g.occurred_at', '<', f.to);
  return q;
}
export type ReceiptRow = Awaited<ReturnType<ReturnType<typeof receiptRows>['execute']>>[number];

export function toReceiptSummary(r: ReceiptRow): GoodsReceiptSummary {
  const doc = r.doc as GoodsReceipt;
  return {
    id: r.id,
    number: r.number,
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    timeZone: r.time_zone,
    supplierId: r.supplier_id,
    supplierName: doc.supplierName,
    poId: r.po_id,
    poNumber: doc.poNumber,
    supplierBillNo: doc.supplierBillNo,
    supplierBillDate: doc.supplierBillDate,
    lineCount: doc.lines.length,
    subtotalMinor: doc.subtotalMinor,
    taxMinor: doc.taxMinor,
    totalMinor: doc.totalMinor,
    occurredAt: iso(r.occurred_at),
  };
}

/** Open orders of one store with what is still to come, for reorder suggestions and the counter. */
export async function openOrdersOf(db: Kysely<Database>, storeId: string) {
  const rows = await orderRows(db, { visible: null, storeId, status: 'open' }).execute();
  const orders = rows.map((r) => purchaseOrderSchema.parse(r.doc));
  const receipts = orders.length
    ? (await receiptRows(db, { visible: null, storeId, poIds: orders.map((o) => o.id) }).execute()).map((r) => goodsReceiptSchema.parse(r.doc))
    : [];
  return { orders, receipts, progress: orders.map((o) => receiptProgress(o, receipts)) };
}
