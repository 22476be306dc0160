import { compareHlc, projectStock, stockStatus, type MergeMovement, type StockStatus } from '@bazaar/shared';
import { sql } from 'kysely';
import type { Executor } from '../db/db.types';
import { escapeLike } from '../db/sql-like';

export interface LocalStockMovement {
  id: string;
  product_id: string;
  kind: string;
  qty: number;
  hlc: string;
}

/**
 * Fold one new local movement into the maintained stock row. This equals re-running
 * projectStock over (baseline, pending) because the device's HLC is monotonic: a new
 * movement always sorts after every pending one. Tests hold it to that.
 */
export async function applyToStock(db: Executor, m: LocalStockMovement, at: string): Promise<void> {
  const row = await db.selectFrom('stock').select(['qty', 'count_hlc']).where('product_id', '=', m.product_id).executeTakeFirst();
  const current = row ?? (await baselineStart(db, m.product_id));
  const { qty, count_hlc: countHlc } = foldMovement(current, m);
  await db
    .insertInto('stock')
    .values({ product_id: m.product_id, qty, count_hlc: countHlc, updated_at: at })
    .onConflict((oc) => oc.column('product_id').doUpdateSet({ qty, count_hlc: countHlc, updated_at: at }))
    .execute();
}

export interface MaintainedStock {
  qty: number;
  count_hlc: string | null;
}

/** The maintained row after one new local movement (see applyToStock for why this is the merge rule). */
export function foldMovement(current: MaintainedStock, m: Pick<LocalStockMovement, 'kind' | 'qty' | 'hlc'>): MaintainedStock {
  const afterCount = current.count_hlc === null || compareHlc(m.hlc, current.count_hlc) > 0;
  if (m.kind === 'COUNT') return afterCount ? { qty: m.qty, count_hlc: m.hlc } : current;
  return afterCount ? { qty: current.qty + m.qty, count_hlc: current.count_hlc } : current;
}

async function baselineStart(db: Executor, productId: string): Promise<{ qty: number; count_hlc: string | null }> {
  const b = await db.selectFrom('stock_baseline').select(['qty', 'last_count_hlc']).where('product_id', '=', productId).executeTakeFirst();
  return { qty: b?.qty ?? 0, count_hlc: b?.last_count_hlc ?? null };
}

/** A stock position as the last pull left it, with this device's movements that pull did not include. */
export interface Projection {
  base: { qty: number; lastCountHlc: string | null };
  pending: MergeMovement[];
}

/**
 * The local view from first principles: the hub's stock as of the last pull plus this
 * device's movements that pull did not include (rejected ones never reach the hub's stock).
 * With no hub the baseline is empty and this is the merge rule over the whole local log.
 */
export function projectMaintained({ base, pending }: Projection): MaintainedStock {
  let countHlc = base.lastCountHlc;
  for (const m of pending) {
    if (m.kind === 'COUNT' && (countHlc === null || compareHlc(m.hlc, countHlc) > 0)) countHlc = m.hlc;
  }
  return { qty: projectStock(base, pending), count_hlc: countHlc };
}

const upsertStockRows = sql`ON CONFLICT (product_id) DO UPDATE SET qty = excluded.qty, count_hlc = excluded.count_hlc, updated_at = excluded.updated_at`;

/**
 * Rebuild the maintained rows of some products (after a pull, a remap or a rejection), set-based:
 * one read of the pending movements of all of them, one write for the products that have none
 * (their row is the baseline, copied in SQL), one write for the rest (folded here). The ids go in
 * as one JSON array, so a 5,000-row pull page is three statements whatever its size.
 */
export async function recomputeStock(db: Executor, productIds: Iterable<string>, at: string): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  const rows = await sql<{ product_id: string; base_qty: number | null; base_count_hlc: string | null } & MergeMovement>`
    SELECT m.product_id, b.qty AS base_qty, b.last_count_hlc AS base_count_hlc, m.id, m.kind, m.qty, m.hlc
    FROM json_each(${JSON.stringify(ids)}) t
    JOIN movements m ON m.product_id = t.value
    LEFT JOIN stock_baseline b ON b.product_id = t.value
    WHERE m.seq > coalesce(b.includes_seq, 0) AND m.sync_status != 'rejected'`.execute(db);
  const withPending = new Map<string, Projection>();
  for (const r of rows.rows) {
    let p = withPending.get(r.product_id);
    if (!p) {
      p = { base: { qty: r.base_qty ?? 0, lastCountHlc: r.base_count_hlc }, pending: [] };
      withPending.set(r.product_id, p);
    }
    p.pending.push({ id: r.id, kind: r.kind, qty: r.qty, hlc: r.hlc });
  }
  const plain = ids.filter((id) => !withPending.has(id));
  if (plain.length > 0) {
    // A product that is gone (merged away) gets no row: the join on products skips it.
    await sql`
      INSERT INTO stock (product_id, qty, count_hlc, updated_at)
      SELECT p.id, coalesce(b.qty, 0), b.last_count_hlc, ${at}
      FROM json_each(${JSON.stringify(plain)}) t
      JOIN products p ON p.id = t.value
      LEFT JOIN stock_baseline b ON b.product_id = p.id
      WHERE true
      ${upsertStockRows}`.execute(db);
  }
  if (withPending.size > 0) {
    const folded = [...withPending].map(([id, p]) => {
      const s = projectMaintained(p);
      return [id, s.qty, s.count_hlc];
    });
    await sql`
      INSERT INTO stock (product_id, qty, count_hlc, updated_at)
      SELECT t.value ->> 0, t.value ->> 1, t.value ->> 2, ${at}
      FROM json_each(${JSON.stringify(folded)}) t
      JOIN products p ON p.id = t.value ->> 0
      WHERE true
      ${upsertStockRows}`.execute(db);
  }
}

export async function stockQty(db: Executor, productId: string): Promise<number> {
  const row = await db.selectFrom('stock').select('qty').where('product_id', '=', productId).executeTakeFirst();
  if (row) return row.qty;
  return (await baselineStart(db, productId)).qty;
}

export interface StockQuery {
  search?: string | undefined;
  category?: string | undefined;
  supplierId?: string | undefined;
  status?: StockStatus | undefined;
  includeArchived?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface StockItem {
  productId: string;
  sku: string;
  barcode: string | null;
  name: string;
  unit: 'pc' | 'g' | 'ml';
  category: string | null;
  supplierId: string | null;
  priceMinor: number;
  qty: number;
  reorderLevel: number;
  status: StockStatus;
  archived: boolean;
}

/** One row per product, with the store's reorder level when the hub sent one. */
export async function listStock(db: Executor, q: StockQuery): Promise<{ items: StockItem[]; total: number }> {
  const qtyExpr = sql<number>`coalesce(s.qty, b.qty, 0)`;
  const reorderExpr = sql<number>`coalesce(b.reorder_level, p.reorder_level)`;
  let base = db
    .selectFrom('products as p')
    .leftJoin('stock as s', 's.product_id', 'p.id')
    .leftJoin('stock_baseline as b', 'b.product_id', 'p.id');
  if (!q.includeArchived) base = base.where('p.archived', '=', 0);
  if (q.category) base = base.where('p.category', '=', q.category);
  if (q.supplierId) base = base.where('p.supplier_id', '=', q.supplierId);
  if (q.search) {
    // A stock list is not typed per keystroke: a substring match on the name is worth its scan.
    const term = q.search.trim();
    const like = `%${escapeLike(term.toLowerCase())}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`p.name_key`, 'like', sql`${like} escape '\\'`),
        eb(sql`p.sku`, 'like', sql`${`${escapeLike(term)}%`} escape '\\'`),
        eb('p.barcode', '=', term),
      ]),
    );
  }
  if (q.status === 'out') base = base.where(qtyExpr, '<=', 0);
  if (q.status === 'low') base = base.where(qtyExpr, '>', 0).where(qtyExpr, '<=', reorderExpr);
  if (q.status === 'ok') base = base.where(qtyExpr, '>', reorderExpr).where(qtyExpr, '>', 0);

  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'p.id',
      'p.sku',
      'p.barcode',
      'p.name',
      'p.unit',
      'p.category',
      'p.supplier_id',
      'p.price_minor',
      'p.archived',
      qtyExpr.as('qty'),
      reorderExpr.as('reorder_level'),
    ])
    .orderBy('p.name_key')
    .orderBy('p.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(totalRow.n),
    items: rows.map((r) => ({
      productId: r.id,
      sku: r.sku,
      barcode: r.barcode,
      name: r.name,
      unit: r.unit,
      category: r.category,
      supplierId: r.supplier_id,
      priceMinor: r.price_minor,
      qty: Number(r.qty),
      reorderLevel: Number(r.reorder_level),
      status: stockStatus(Number(r.qty), Number(r.reorder_level)),
      archived: r.archived === 1,
    })),
  };
}
