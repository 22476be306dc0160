import { addDays, dayStartMs, DEFAULT_STORE_TIME_ZONE, localDay, onOrderByProduct, REORDER_WINDOW_DAYS, receiptProgress, suggestReorder } from '@bazaar/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { CoreContext } from '../core.context';
import type { reorderInput, ReorderRow } from './purchases.api';
import { movingCost } from './purchases.cost';
import { findOrder, receiptsOf } from './purchases.orders';

/**
 * Reorder suggestions at the counter, offline (shared reorder.suggest.ts): this counter's sales of
 * the last 28 store days, its stock view, what its open orders still bring, and the terms given
 * (the hub's report uses each supplier's own). Due first, by order day.
 */
export async function reorderSuggestions(ctx: CoreContext, i: z.output<typeof reorderInput>): Promise<ReorderRow[]> {
  const tz = (await ctx.db.selectFrom('bill_settings').select('time_zone').where('id', '=', 1).executeTakeFirst())?.time_zone ?? DEFAULT_STORE_TIME_ZONE;
  const today = localDay(ctx.clock.nowMs(), tz);
  const from = new Date(dayStartMs(addDays(today, -REORDER_WINDOW_DAYS), tz)).toISOString();
  const to = new Date(dayStartMs(today, tz)).toISOString();
  const sales = await ctx.db
    .selectFrom('movements')
    .select(['product_id', 'occurred_at', 'qty'])
    .where('kind', '=', 'SALE')
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .where(sql<boolean>`sync_status <> 'rejected'`)
    .execute();
  const salesBy = new Map<string, { day: string; qty: number }[]>();
  for (const s of sales) {
    const list = salesBy.get(s.product_id) ?? [];
    list.push({ day: localDay(Date.parse(s.occurred_at), tz), qty: -s.qty });
    salesBy.set(s.product_id, list);
  }
  const open = await ctx.db.selectFrom('purchase_orders').select('id').where('status', '<>', 'cancelled').execute();
  const progress = [];
  for (const o of open) {
    const order = await findOrder(ctx.db, o.id);
    if (order) progress.push(receiptProgress(order.doc, await receiptsOf(ctx.db, o.id)));
  }
  const onOrder = onOrderByProduct(progress);
  const products = await ctx.db
    .selectFrom('products as p')
    .leftJoin('suppliers as s', 's.id', 'p.supplier_id')
    .leftJoin('stock as st', 'st.product_id', 'p.id')
    .leftJoin('stock_baseline as b', 'b.product_id', 'p.id')
    .select(['p.id', 'p.sku', 'p.name', 'p.unit', 'p.cost_minor', 'p.reorder_level', 'p.supplier_id', 's.name as supplier_name', 'st.qty as stock_qty', 'b.qty as baseline_qty', 'b.reorder_level as store_reorder_level'])
    .where('p.archived', '=', 0)
    .orderBy('p.sku')
    .execute();
  const rows: ReorderRow[] = [];
  for (const p of products) {
    const onHandQty = p.stock_qty ?? p.baseline_qty ?? 0;
    const onOrderQty = onOrder.get(p.id) ?? 0;
    const r = suggestReorder({ today, sales: salesBy.get(p.id) ?? [], onHandQty, onOrderQty, leadTimeDays: i.leadTimeDays, reviewDays: i.reviewDays, safetyDays: i.safetyDays, packQty: 1, reorderLevel: p.store_reorder_level ?? p.reorder_level });
    if (!i.all && (!r.due || r.suggestedQty === 0)) continue;
    rows.push({ ...r, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, supplierId: p.supplier_id, supplierName: p.supplier_name, onHandQty, onOrderQty, costMinor: await movingCost(ctx.db, p) });
  }
  return rows.sort((a, b) => Number(b.due) - Number(a.due) || (a.orderDay ?? '9').localeCompare(b.orderDay ?? '9') || a.sku.localeCompare(b.sku));
}
