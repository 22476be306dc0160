import { sameText } from '../http/route-helpers';
import { allocateBatches, daysUntil, expiryQuerySchema, expiryStatusWord, expiryReportSchema, lineTotalMinor, localDay, type ExpiryRow } from '@bazaar/shared';
import { Hono, type Context } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { csvTranslator } from './csv-words';
import { scope } from './reports.routes';

const expiry = route({
  summary: 'Stock expired or expiring within N days, per store and batch (store-local days; batch stock derived first-expiry-first-out)',
  tag: 'reports',
  query: expiryQuerySchema,
  responses: { 200: { schema: expiryReportSchema, csv: true } },
});

const columns = ['storeCode', 'storeName', 'sku', 'productName', 'unit', 'category', 'lot', 'expiresOn', 'daysLeft', 'status', 'qty', 'costMinor', 'today', 'storeId', 'productId'] as const;

/**
 * The expiry report. Batch stock is never stored: for each (store, product) with a dated
 * receipt due by the horizon, the product's stock (the merge rule's, from `stock`) is laid over
 * all its dated receipts by allocateBatches, and the batches due by the horizon are listed.
 */
export function createExpiryRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/expiry', expiry, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const query = expiry.query(c);
    const stores = scope(me, query.storeId);
    if (stores !== null && stores.length === 0) return c.json({ items: [], truncated: false }, 200);
    const now = deps.clock.now();
    // The latest horizon any store can have (zones run to UTC+14): each store's own is applied below.
    const horizon = localDay(now + (query.withinDays + 1) * 86_400_000, 'Pacific/Kiritimati');
    const due = await db
      .selectFrom('movements as m')
      .innerJoin('products as p', 'p.id', 'm.product_id')
      .select(['m.store_id', 'm.product_id'])
      .distinct()
      .where('m.expires_on', 'is not', null)
      .where('m.expires_on', '<=', horizon)
      .where('m.status', '=', 'applied')
      .where('m.kind', 'in', ['IN', 'TRANSFER_IN'])
      .where('p.archived', '=', false)
      .$if(stores !== null, (w) => w.where('m.store_id', 'in', stores!))
      .$if(query.category !== undefined, (w) => w.where(sameText('p.category', query.category!)))
      .execute();
    if (!due.length) return answer(c, db, []);
    // The due stores × due products, narrowed to the due pairs in code (a product due in one store need not be in another).
    const dueStores = [...new Set(due.map((d) => d.store_id))];
    const dueProducts = [...new Set(due.map((d) => d.product_id))];
    const isDue = new Set(due.map((d) => `${d.store_id}/${d.product_id}`));
    const [receipts, stock] = await Promise.all([
      db
        .selectFrom('movements as m')
        .select(['m.store_id', 'm.product_id', 'm.lot', 'm.expires_on', sql<string>`sum(m.qty)`.as('qty')])
        .where('m.store_id', 'in', dueStores)
        .where('m.product_id', 'in', dueProducts)
        .where('m.expires_on', 'is not', null)
        .where('m.status', '=', 'applied')
        // Removals tagged with a batch (expired stock written off) take what they removed out of it.
        .where('m.kind', 'in', ['IN', 'TRANSFER_IN', 'REMOVE'])
        .groupBy(['m.store_id', 'm.product_id', 'm.lot', 'm.expires_on'])
        .execute(),
      db
        .selectFrom('stock as k')
        .innerJoin('products as p', 'p.id', 'k.product_id')
        .innerJoin('stores as s', 's.id', 'k.store_id')
        .select(['k.store_id', 'k.product_id', 'k.qty', 'p.sku', 'p.name', 'p.unit', 'p.category', 'p.cost_minor', 's.code', 's.name as store_name', 's.time_zone'])
        .where('k.store_id', 'in', dueStores)
        .where('k.product_id', 'in', dueProducts)
        .execute(),
    ]);
    const byPair = new Map<string, { lot: string | null; expiresOn: string; qty: number }[]>();
    for (const r of receipts) {
      const key = `${r.store_id}/${r.product_id}`;
      const list = byPair.get(key) ?? [];
      list.push({ lot: r.lot, expiresOn: r.expires_on!, qty: Number(r.qty) });
      byPair.set(key, list);
    }
    const rows: ExpiryRow[] = [];
    for (const k of stock) {
      if (!isDue.has(`${k.store_id}/${k.product_id}`)) continue;
      const today = localDay(now, k.time_zone);
      for (const b of allocateBatches(Number(k.qty), byPair.get(`${k.store_id}/${k.product_id}`) ?? []).batches) {
        const daysLeft = daysUntil(b.expiresOn, today);
        if (daysLeft > query.withinDays) continue;
        const status = daysLeft < 0 ? 'expired' : 'expiring';
        if (query.status && query.status !== status) continue;
        rows.push({
          storeId: k.store_id,
          storeCode: k.code,
          storeName: k.store_name,
          productId: k.product_id,
          sku: k.sku,
          productName: k.name,
          unit: k.unit,
          category: k.category,
          lot: b.lot,
          expiresOn: b.expiresOn,
          qty: b.qty,
          costMinor: lineTotalMinor(k.cost_minor, b.qty, k.unit),
          daysLeft,
          status,
          today,
        });
      }
    }
    rows.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.storeCode.localeCompare(b.storeCode) || a.sku.localeCompare(b.sku) || (a.lot ?? '').localeCompare(b.lot ?? ''));
    return answer(c, db, rows, query.limit);
  });
}

async function answer(c: Context<AppEnv>, db: Kysely<Database>, rows: ExpiryRow[], limit = rows.length) {
  const items = rows.slice(0, limit);
  if (wantsCsv(c)) {
    // The status in the reader's words, as the Expiry screen writes it.
    const words = await csvTranslator(c, db);
    return csvResponse(c, 'expiry.csv', toCsv(columns, items.map((r) => ({ ...r, status: expiryStatusWord(words, r.status) })), await csvMoney(db)));
  }
  return c.json({ items, truncated: rows.length > items.length }, 200);
}
