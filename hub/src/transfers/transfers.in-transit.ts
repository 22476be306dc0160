import { inTransitRowSchema, lineFlow, uuidSchema, type InTransitRow, type Transfer } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds } from '../auth/principal';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvResponse, toCsv, wantsCsv } from '../reports/csv';
import { assembleTransfer, type ArrivalSide, type CountedLine } from './transfers.assemble';
import { csvStoreTime, storeZones } from '../stores/store-zones';

const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const query = z.strictObject({ storeId: optional(uuidSchema), productId: optional(uuidSchema), format: z.enum(['json', 'csv']).optional() });

const report = route({
  summary: 'Stock in transit between stores, per product and pair of stores (from the transfers not yet settled; CSV)',
  tag: 'reports',
  query,
  responses: { 200: { schema: z.object({ items: z.array(inTransitRowSchema), totalQtyByProduct: z.record(z.string(), z.number().int()) }), csv: true } },
});

interface OpenRow {
  doc: unknown;
  arrival: ArrivalSide;
  counts: CountedLine[] | null;
  from_code: string;
  to_code: string;
}

/**
 * In transit, derived (DESIGN §9): the transfers whose arrival row is not settled (dispatched and
 * not all counted in, or counted in before their dispatch reached the hub), each line's flow by
 * the shared rule (lineFlow), added up per pair of stores and product. Settled transfers hold
 * nothing in transit, so only the open ones are read (partial index transfer_arrivals_open).
 */
export async function inTransit(db: Kysely<Database>, visible: string[] | null, f: { storeId?: string; productId?: string }): Promise<InTransitRow[]> {
  const where = [sql`NOT a.settled`];
  if (visible !== null) where.push(sql`(a.store_id = ANY(${visible}::uuid[]) OR a.from_store_id = ANY(${visible}::uuid[]))`);
  if (f.storeId) where.push(sql`(a.store_id = ${f.storeId}::uuid OR a.from_store_id = ${f.storeId}::uuid)`);
  if (f.productId) where.push(sql`t.doc->'lines' @> ${JSON.stringify([{ productId: f.productId }])}::jsonb`);
  const { rows } = await sql<OpenRow>`
    SELECT t.doc, json_build_object('received_at', a.received_at, 'received_by', a.received_by, 'closed_at', a.closed_at, 'closed_by', a.closed_by) AS arrival,
           (SELECT json_agg(l) FROM transfer_receipt_lines l WHERE l.store_id = a.store_id AND l.transfer_id = a.transfer_id) AS counts,
           fs.code AS from_code, ts.code AS to_code
    FROM transfer_arrivals a
    JOIN transfers t ON t.store_id = a.from_store_id AND t.id = a.transfer_id
    JOIN stores fs ON fs.id = a.from_store_id
    JOIN stores ts ON ts.id = a.store_id
    WHERE ${sql.join(where, sql` AND `)} AND t.status <> 'cancelled'`.execute(db);
  const out = new Map<string, InTransitRow>();
  for (const r of rows) {
    const doc = assembleTransfer(r.doc as Transfer, r.arrival, r.counts ?? []);
    for (const l of doc.lines) {
      if (f.productId && l.productId !== f.productId) continue;
      const qty = lineFlow(doc, l).inTransit;
      if (qty === 0) continue;
      const key = `${doc.fromStoreId}/${doc.toStoreId}/${l.productId}`;
      const row = out.get(key) ?? { fromStoreId: doc.fromStoreId, toStoreId: doc.toStoreId, fromStoreCode: r.from_code, toStoreCode: r.to_code, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, qty: 0, transfers: 0, oldestDispatchedAt: null };
      row.qty += qty;
      row.transfers += 1;
      if (doc.dispatchedAt && (row.oldestDispatchedAt === null || doc.dispatchedAt < row.oldestDispatchedAt)) row.oldestDispatchedAt = doc.dispatchedAt;
      out.set(key, row);
    }
  }
  return [...out.values()].sort((a, b) => a.fromStoreCode.localeCompare(b.fromStoreCode) || a.toStoreCode.localeCompare(b.toStoreCode) || a.sku.localeCompare(b.sku));
}

export function createInTransitRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/in-transit', report, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const q = report.query(c);
    const visible = visibleStoreIds(me);
    const items = visible !== null && visible.length === 0 ? [] : await inTransit(deps.readDb, visible, q);
    if (wantsCsv(c)) {
      // Dispatched on the sending store's clock, with its offset.
      const zones = await storeZones(deps.readDb, items.map((r) => r.fromStoreId));
      const rows = items.map((r) => ({ ...r, oldestDispatchedAt: csvStoreTime(zones, r.fromStoreId, r.oldestDispatchedAt) }));
      return csvResponse(c, 'in-transit.csv', toCsv(['fromStoreCode', 'toStoreCode', 'sku', 'name', 'unit', 'qty', 'transfers', 'oldestDispatchedAt'], rows));
    }
    const totalQtyByProduct: Record<string, number> = {};
    for (const r of items) totalQtyByProduct[r.productId] = (totalQtyByProduct[r.productId] ?? 0) + r.qty;
    return c.json({ items, totalQtyByProduct }, 200);
  });
}
