import {
  addDays,
  averageOverReceipts,
  DEFAULT_SUPPLIER_TERMS,
  dayStartMs,
  lineTotalMinor,
  localDay,
  onOrderByProduct,
  REORDER_WINDOW_DAYS,
  suggestReorder,
  type ReorderGroup,
  type ReorderLine,
  type SupplierTerms,
} from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { openOrdersOf } from './purchases.read';

export interface ReorderStore {
  id: string;
  code: string;
  name: string;
  time_zone: string;
}

/**
 * The "to order" list of one store, grouped by supplier (issue 18): every product the store
 * stocks or sold in its last 28 days, through suggestReorder with the supplier's terms, the
 * product's pack and what open orders still bring; only suggestions due within the review
 * period, with a quantity. Reads one store's rows only (its sales window, stock, orders, receipts).
 */
export async function reorderForStore(db: Kysely<Database>, store: ReorderStore, nowMs: number, only: { supplierId?: string } = {}): Promise<ReorderGroup[]> {
  const today = localDay(nowMs, store.time_zone);
  const from = new Date(dayStartMs(addDays(today, -REORDER_WINDOW_DAYS), store.time_zone));
  const to = new Date(dayStartMs(today, store.time_zone));
  const sales = await sql<{ product_id: string; day: string; qty: string }>`
    SELECT product_id, to_char(occurred_at AT TIME ZONE ${store.time_zone}, 'YYYY-MM-DD') AS day, -sum(qty) AS qty
    FROM movements
    WHERE store_id = ${store.id}::uuid AND kind = 'SALE' AND status = 'applied' AND occurred_at >= ${from} AND occurred_at < ${to}
    GROUP BY 1, 2`.execute(db);
  const salesBy = new Map<string, { day: string; qty: number }[]>();
  for (const s of sales.rows) {
    const list = salesBy.get(s.product_id) ?? [];
    list.push({ day: s.day, qty: Number(s.qty) });
    salesBy.set(s.product_id, list);
  }
  const stock = new Map((await db.selectFrom('stock').select(['product_id', 'qty', 'reorder_level']).where('store_id', '=', store.id).execute()).map((s) => [s.product_id, s]));
  const ids = [...new Set([...stock.keys(), ...salesBy.keys()])];
  if (ids.length === 0) return [];
  let pq = db
    .selectFrom('products as p')
    .leftJoin('suppliers as su', 'su.id', 'p.supplier_id')
    .leftJoin('product_order_packs as pk', 'pk.product_id', 'p.id')
    .select(['p.id', 'p.sku', 'p.name', 'p.unit', 'p.cost_minor', 'p.reorder_level', 'p.supplier_id', 'su.name as supplier_name', 'pk.pack_qty'])
    .where('p.id', 'in', ids)
    .where('p.archived', '=', false);
  if (only.supplierId) pq = pq.where('p.supplier_id', '=', only.supplierId);
  const products = await pq.execute();
  if (products.length === 0) return [];
  const supplierIds = [...new Set(products.map((p) => p.supplier_id).filter((s): s is string => s !== null))];
  const terms = new Map<string, SupplierTerms>(
    supplierIds.length
      ? (await db.selectFrom('supplier_terms').selectAll().where('supplier_id', 'in', supplierIds).execute()).map((t) => [
          t.supplier_id,
          { leadTimeDays: t.lead_time_days, reviewDays: t.review_days, safetyDays: t.safety_days },
        ])
      : [],
  );
  const onOrder = onOrderByProduct((await openOrdersOf(db, store.id)).progress);
  const costs = await averageCosts(db, store.id, products);

  const groups = new Map<string, ReorderGroup>();
  for (const p of products) {
    const t = (p.supplier_id && terms.get(p.supplier_id)) || DEFAULT_SUPPLIER_TERMS;
    const s = stock.get(p.id);
    const packQty = p.pack_qty ?? 1;
    const onHandQty = Number(s?.qty ?? 0);
    const onOrderQty = onOrder.get(p.id) ?? 0;
    const r = suggestReorder({
      today,
      sales: salesBy.get(p.id) ?? [],
      onHandQty,
      onOrderQty,
      leadTimeDays: t.leadTimeDays,
      reviewDays: t.reviewDays,
      safetyDays: t.safetyDays,
      packQty,
      reorderLevel: Number(s?.reorder_level ?? p.reorder_level),
    });
    if (!r.due || r.suggestedQty === 0) continue;
    const key = p.supplier_id ?? '';
    const g = groups.get(key) ?? {
      storeId: store.id,
      storeCode: store.code,
      storeName: store.name,
      today,
      supplierId: p.supplier_id,
      supplierName: p.supplier_name ?? null,
      leadTimeDays: t.leadTimeDays,
      reviewDays: t.reviewDays,
      safetyDays: t.safetyDays,
      lines: [],
      totalMinor: 0,
    };
    const costMinor = costs.get(p.id) ?? p.cost_minor;
    const line: ReorderLine = {
      productId: p.id,
      sku: p.sku,
      name: p.name,
      unit: p.unit,
      onHandQty,
      onOrderQty,
      soldQty: r.soldQty,
      velocityPerDay: r.velocityPerDay,
      daysOfCover: r.daysOfCover,
      safetyQty: r.safetyQty,
      leadDemandQty: r.leadDemandQty,
      packQty,
      packs: r.packs,
      suggestedQty: r.suggestedQty,
      orderDay: r.orderDay,
      due: r.due,
      costMinor,
      reasons: r.reasons,
    };
    g.lines.push(line);
    g.totalMinor += lineTotalMinor(costMinor, line.suggestedQty, p.unit);
    groups.set(key, g);
  }
  for (const g of groups.values()) g.lines.sort((a, b) => (a.orderDay! < b.orderDay! ? -1 : a.orderDay! > b.orderDay! ? 1 : a.sku < b.sku ? -1 : 1));
  // Named suppliers first (by name), products with no supplier last.
  return [...groups.values()].sort((a, b) => (a.supplierName === null ? 1 : b.supplierName === null ? -1 : a.supplierName.localeCompare(b.supplierName)));
}

/**
 * The moving-average cost per product in this store (moving-average.ts), from the store's goods
 * receipts oldest first, starting from the catalog cost: derived, never stored.
 */
export async function averageCosts(db: Kysely<Database>, storeId: string, products: readonly { id: string; cost_minor: number }[]): Promise<Map<string, number>> {
  if (products.length === 0) return new Map();
  const { rows } = await sql<{ product_id: string; on_hand: string; qty: string; cost: string }>`
    SELECT l->>'productId' AS product_id, l->>'onHandBeforeQty' AS on_hand, l->>'receivedQty' AS qty, l->>'costMinor' AS cost
    FROM goods_receipts g CROSS JOIN LATERAL jsonb_array_elements(g.doc->'lines') l
    WHERE g.store_id = ${storeId}::uuid AND l->>'productId' = ANY(${products.map((p) => p.id)}::text[])
    ORDER BY g.occurred_at, g.id, (l->>'lineNo')::int`.execute(db);
  const by = new Map<string, { onHandBeforeQty: number; qty: number; costMinor: number }[]>();
  for (const r of rows) {
    const list = by.get(r.product_id) ?? [];
    list.push({ onHandBeforeQty: Number(r.on_hand), qty: Number(r.qty), costMinor: Number(r.cost) });
    by.set(r.product_id, list);
  }
  const out = new Map<string, number>();
  for (const p of products) {
    const list = by.get(p.id);
    if (list) out.set(p.id, averageOverReceipts(p.cost_minor, list));
  }
  return out;
}

