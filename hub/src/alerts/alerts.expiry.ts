import { allocateBatches, daysUntil, localDay, uuidv7 } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import type { ClosedAlert, RaisedAlert } from './alerts.evaluate';

type ExpiryKind = 'expiring' | 'expired';

/** What each (store, product) holds in batches past their day, and due within the horizon, by FEFO allocation. */
async function dueQuantities(db: Kysely<Database>, storeId: string, now: Date, withinDays: number, products: readonly string[] | null) {
  const only = products ? sql`AND m.product_id = ANY(${products}::uuid[])` : sql``;
  const { rows } = await sql<{ product_id: string; lot: string | null; expires_on: string; qty: string; stock: string; time_zone: string }>`
    SELECT m.product_id, m.lot, m.expires_on, sum(m.qty) AS qty, coalesce(k.qty, 0) AS stock, s.time_zone
    FROM movements m
    JOIN stores s ON s.id = m.store_id
    JOIN products p ON p.id = m.product_id AND NOT p.archived
    LEFT JOIN stock k ON k.store_id = m.store_id AND k.product_id = m.product_id
    WHERE m.store_id = ${storeId}::uuid AND m.expires_on IS NOT NULL AND m.status = 'applied' AND m.kind IN ('IN', 'TRANSFER_IN', 'REMOVE') ${only}
    GROUP BY m.product_id, m.lot, m.expires_on, k.qty, s.time_zone`.execute(db);
  const byProduct = new Map<string, { stock: number; tz: string; receipts: { lot: string | null; expiresOn: string; qty: number }[] }>();
  for (const r of rows) {
    const e = byProduct.get(r.product_id) ?? { stock: Number(r.stock), tz: r.time_zone, receipts: [] };
    e.receipts.push({ lot: r.lot, expiresOn: r.expires_on, qty: Number(r.qty) });
    byProduct.set(r.product_id, e);
  }
  const due = new Map<string, number>();
  for (const [productId, e] of byProduct) {
    const today = localDay(now.getTime(), e.tz);
    for (const b of allocateBatches(e.stock, e.receipts).batches) {
      const left = daysUntil(b.expiresOn, today);
      if (left > withinDays) continue;
      const kind: ExpiryKind = left < 0 ? 'expired' : 'expiring';
      due.set(`${productId}/${kind}`, (due.get(`${productId}/${kind}`) ?? 0) + b.qty);
    }
  }
  return due;
}

/**
 * Expiry alerts of one store (or some of its products), the same channel as low and out: an
 * `expired` alert is live while the store holds stock in a batch past its day, an `expiring` one
 * while it holds stock in a batch due within `withinDays` (store-local days, batch stock derived
 * first-expiry-first-out like the expiry report). Raised once per crossing (alerts_one_live_key),
 * closed when the stock is sold, removed or the batch turns from expiring to expired; qty says
 * how much. Idempotent like evaluateAlerts, so it runs in the same coalesced evaluation.
 */
export async function evaluateExpiryAlerts(db: Kysely<Database>, storeId: string, now: Date, withinDays: number, productIds?: readonly string[] | null): Promise<{ raised: RaisedAlert[]; closed: ClosedAlert[] }> {
  const products = productIds && productIds.length ? [...new Set(productIds)] : null;
  return db.transaction().execute(async (trx) => {
    const due = await dueQuantities(trx, storeId, now, withinDays, products);
    const live = await trx
      .selectFrom('alerts')
      .select(['id', 'product_id', 'kind'])
      .where('store_id', '=', storeId)
      .where('state', '<>', 'closed')
      .where('kind', 'in', ['expiring', 'expired'])
      .$if(products !== null, (q) => q.where('product_id', 'in', products!))
      .execute();
    const gone = live.filter((a) => !due.has(`${a.product_id}/${a.kind}`));
    const closed: ClosedAlert[] = [];
    if (gone.length) {
      const rows = await trx
        .updateTable('alerts')
        .set({ state: 'closed', closed_at: now })
        .where('store_id', '=', storeId)
        .where('id', 'in', gone.map((a) => a.id))
        .where('state', '<>', 'closed')
        .returning(['id', 'product_id', 'kind'])
        .execute();
      for (const r of rows) closed.push({ id: r.id, storeId, productId: r.product_id, kind: r.kind });
    }
    const isLive = new Set(live.map((a) => `${a.product_id}/${a.kind}`));
    const fresh = [...due].filter(([k]) => !isLive.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
    const raised: RaisedAlert[] = [];
    if (fresh.length) {
      const values = fresh.map(([k, qty]) => {
        const [productId, kind] = k.split('/') as [string, ExpiryKind];
        return { store_id: storeId, id: uuidv7(), product_id: productId, kind, qty, opened_at: now };
      });
      const rows = await trx
        .insertInto('alerts')
        .values(values)
        .onConflict((oc) => oc.columns(['store_id', 'product_id', 'kind']).where('state', '<>', 'closed').doNothing())
        .returning(['id', 'product_id', 'kind', 'qty'])
        .execute();
      for (const r of rows) raised.push({ id: r.id, storeId, productId: r.product_id, kind: r.kind, qty: Number(r.qty) });
    }
    return { raised, closed };
  });
}
