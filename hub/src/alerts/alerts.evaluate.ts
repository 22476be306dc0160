import { uuidv7 } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';

/** Stores to re-evaluate; with productIds, only those products of them (the ones a write touched). */
export const evaluateAlertsJob = z.object({ storeIds: z.array(z.uuid()).min(1).max(10_000), productIds: z.array(z.uuid()).min(1).max(10_000).optional() });

/** Stock alerts: low and out (stock against the reorder level), expiring and expired (dated batches, alerts.expiry.ts). */
export type AlertKind = 'low' | 'out' | 'expiring' | 'expired';

export interface RaisedAlert {
  id: string;
  storeId: string;
  productId: string;
  kind: AlertKind;
  qty: number;
}

export interface ClosedAlert {
  id: string;
  storeId: string;
  productId: string;
  kind: AlertKind;
}

/**
 * Re-evaluates the alerts of whole stores against their current stock (set-based, reads only
 * the low part of stock through the partial index stock_low_idx). Idempotent, so running it
 * twice, late, or on two nodes at once changes nothing more than running it once.
 *
 * Semantics, per (store, product):
 * - `low` is live while stock is at or below its reorder level (reorder level > 0), `out` while qty <= 0.
 *   Falling from low to out raises `out` on top of the live `low`.
 * - an alert is raised once per crossing: the partial unique index alerts_one_live_key allows one
 *   live (open or acknowledged) alert per kind, so a product that stays low raises nothing more.
 * - acknowledging keeps the alert live, hence quiet, until the stock recovers (the alert closes);
 *   a later fall is a new crossing and raises a new alert.
 */
export async function evaluateAlerts(
  db: Kysely<Database>,
  storeIds: readonly string[],
  now: Date,
  /** Only these products of the stores (the ones a write touched); absent: every product. */
  productIds?: readonly string[] | null,
): Promise<{ raised: RaisedAlert[]; closed: ClosedAlert[] }> {
  const stores = [...new Set(storeIds)].sort();
  const products = productIds && productIds.length ? [...new Set(productIds)] : null;
  if (products && products.length * stores.length <= ONE_STATEMENT_MAX) return evaluateTouched(db, stores, products, now);
  const only = (col: ReturnType<typeof sql.ref>) => (products ? sql`AND ${col} = ANY(${products}::uuid[])` : sql``);
  return db.transaction().execute(async (trx) => {
    const { rows: closed } = await sql<{ id: string; store_id: string; product_id: string; kind: 'low' | 'out' }>`
      UPDATE alerts a SET state = 'closed', closed_at = ${now}
      FROM stock k
      WHERE a.store_id = ANY(${stores}::uuid[]) AND a.state <> 'closed' ${only(sql.ref('a.product_id'))}
        AND k.store_id = a.store_id AND k.product_id = a.product_id
        AND ((a.kind = 'low' AND (k.qty > k.reorder_level OR k.reorder_level = 0)) OR (a.kind = 'out' AND k.qty > 0))
      RETURNING a.id, a.store_id, a.product_id, a.kind`.execute(trx);

    const { rows: candidates } = await sql<{ store_id: string; product_id: string; kind: 'low' | 'out'; qty: number }>`
      SELECT k.store_id, k.product_id, x.kind, k.qty
      FROM stock k
      CROSS JOIN (VALUES ('low'), ('out')) AS x(kind)
      WHERE k.store_id = ANY(${stores}::uuid[]) AND k.qty <= k.reorder_level ${only(sql.ref('k.product_id'))}
        AND ((x.kind = 'low' AND k.reorder_level > 0) OR (x.kind = 'out' AND k.qty <= 0))
        AND NOT EXISTS (
          SELECT 1 FROM alerts a
          WHERE a.store_id = k.store_id AND a.product_id = k.product_id AND a.kind = x.kind AND a.state <> 'closed')
      ORDER BY k.store_id, k.product_id, x.kind`.execute(trx);
    // qty <= reorder_level also covers out (qty <= 0) when reorder_level >= 0, which the schema checks.

    const raised: RaisedAlert[] = [];
    if (candidates.length > 0) {
      const ids = candidates.map(() => uuidv7());
      const { rows } = await sql<{ id: string; store_id: string; product_id: string; kind: 'low' | 'out'; qty: number }>`
        INSERT INTO alerts (store_id, id, product_id, kind, qty, opened_at)
        SELECT * , ${now}::timestamptz FROM unnest(
          ${candidates.map((c) => c.store_id)}::uuid[], ${ids}::uuid[], ${candidates.map((c) => c.product_id)}::uuid[],
          ${candidates.map((c) => c.kind)}::text[], ${candidates.map((c) => c.qty)}::bigint[])
        ON CONFLICT (store_id, product_id, kind) WHERE state <> 'closed' DO NOTHING
        RETURNING id, store_id, product_id, kind, qty`.execute(trx);
      for (const r of rows) raised.push({ id: r.id, storeId: r.store_id, productId: r.product_id, kind: r.kind, qty: Number(r.qty) });
    }
    return {
      raised,
      closed: closed.map((r) => ({ id: r.id, storeId: r.store_id, productId: r.product_id, kind: r.kind })),
    };
  });
}

/** Queue one webhook delivery per raised alert of a store that has a webhook; returns their ids. */
export async function recordWebhookDeliveries(db: Kysely<Database>, raised: readonly RaisedAlert[]): Promise<string[]> {
  if (raised.length === 0) return [];
  const hooks = await db
    .selectFrom('store_webhooks')
    .select(['store_id', 'url'])
    .where('enabled', '=', true)
    .where('store_id', 'in', [...new Set(raised.map((a) => a.storeId))])
    .execute();
  const urlOf = new Map(hooks.map((h) => [h.store_id, h.url]));
  const rows = raised.flatMap((a) => {
    const url = urlOf.get(a.storeId);
    if (!url) return [];
    const payload = { type: 'alert.raised', alert: { id: a.id, storeId: a.storeId, productId: a.productId, kind: a.kind, qty: a.qty } };
    return [{ store_id: a.storeId, id: uuidv7(), alert_id: a.id, url, payload: JSON.stringify(payload), updated_at: new Date() }];
  });
  if (rows.length === 0) return [];
  await db.insertInto('webhook_deliveries').values(rows).execute();
  return rows.map((r) => r.id);
}

/** Up to this many (store, product) pairs are evaluated in one statement (evaluateTouched). */
const ONE_STATEMENT_MAX = 256;

/**
 * The evaluation after a push (the few products it touched) in ONE statement, one snapshot:
 * close what recovered, raise what crossed. The two never meet on one (store, product, kind):
 * in the same snapshot of stock, a `low` closes when qty > reorder level or the level is 0 and
 * is raised when qty <= level > 0; an `out` closes when qty > 0 and is raised when qty <= 0. So
 * reading the live alerts before this statement's closes (as one snapshot does) raises exactly
 * what closing first and reading after would. Ids are drawn for every possible candidate.
 */
async function evaluateTouched(db: Kysely<Database>, stores: readonly string[], products: readonly string[], now: Date): Promise<{ raised: RaisedAlert[]; closed: ClosedAlert[] }> {
  const ids = Array.from({ length: stores.length * products.length * 2 }, () => uuidv7());
  const { rows } = await sql<{ what: 'raised' | 'closed'; id: string; store_id: string; product_id: string; kind: 'low' | 'out'; qty: string | number | null }>`
    WITH cl AS (
      UPDATE alerts a SET state = 'closed', closed_at = ${now}
      FROM stock k
      WHERE a.store_id = ANY(${stores}::uuid[]) AND a.state <> 'closed' AND a.product_id = ANY(${products}::uuid[])
        AND k.store_id = a.store_id AND k.product_id = a.product_id
        AND ((a.kind = 'low' AND (k.qty > k.reorder_level OR k.reorder_level = 0)) OR (a.kind = 'out' AND k.qty > 0))
      RETURNING a.id, a.store_id, a.product_id, a.kind),
    cand AS (
      SELECT k.store_id, k.product_id, x.kind, k.qty, row_number() OVER (ORDER BY k.store_id, k.product_id, x.kind) AS n
      FROM stock k
      CROSS JOIN (VALUES ('low'), ('out')) AS x(kind)
      WHERE k.store_id = ANY(${stores}::uuid[]) AND k.product_id = ANY(${products}::uuid[]) AND k.qty <= k.reorder_level
        AND ((x.kind = 'low' AND k.reorder_level > 0) OR (x.kind = 'out' AND k.qty <= 0))
        AND NOT EXISTS (
          SELECT 1 FROM alerts a
          WHERE a.store_id = k.store_id AND a.product_id = k.product_id AND a.kind = x.kind AND a.state <> 'closed')),
    ins AS (
      INSERT INTO alerts (store_id, id, product_id, kind, qty, opened_at)
      SELECT c.store_id, (${ids}::uuid[])[c.n], c.product_id, c.kind, c.qty, ${now}::timestamptz FROM cand c ORDER BY c.n
      ON CONFLICT (store_id, product_id, kind) WHERE state <> 'closed' DO NOTHING
      RETURNING id, store_id, product_id, kind, qty)
    SELECT 'closed' AS what, id, store_id, product_id, kind, NULL::bigint AS qty FROM cl
    UNION ALL
    SELECT 'raised', id, store_id, product_id, kind, qty FROM ins`.execute(db);
  const raised: RaisedAlert[] = [];
  const closed: ClosedAlert[] = [];
  for (const r of rows) {
    if (r.what === 'raised') raised.push({ id: r.id, storeId: r.store_id, productId: r.product_id, kind: r.kind, qty: Number(r.qty) });
    else closed.push({ id: r.id, storeId: r.store_id, productId: r.product_id, kind: r.kind });
  }
  // The transaction path raised in (store, product, kind) order: keep it.
  raised.sort((a, b) => (a.storeId + a.productId + a.kind < b.storeId + b.productId + b.kind ? -1 : 1));
  return { raised, closed };
}
