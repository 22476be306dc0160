import { DomainError } from '@bazaar/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../db/db.types';
import type { MovementView, historyInput } from '../core.api';
import { productByCode } from '../products/products.repository';
import { movementView } from './movements.service';

/**
 * Newest first. Each filter reads an index in its own order and stops at the page: a date range
 * (without a product) pages by (occurred_at, seq) on movements_occurred, everything else by seq
 * (a product on movements_product_seq, a kind other than SALE on the partial kind index, no
 * filter on the log itself). Keyset cursors: "seq", or "occurred_at~seq" for a date range.
 */
export async function history(db: Executor, q: z.output<typeof historyInput>): Promise<{ items: MovementView[]; nextCursor: string | null }> {
  let productId: string | null = null;
  if (q.product) {
    const p = await productByCode(db, q.product);
    if (!p) throw new DomainError('NOT_FOUND', `no product with barcode, SKU or id "${q.product}"`);
    productId = p.id;
  }
  const byTime = pagesByTime(q, productId);
  const rows = await historyQuery(db, q, productId).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => movementView(r, r)),
    nextCursor: rows.length > q.limit && last ? (byTime ? `${last.occurred_at}~${last.seq}` : String(last.seq)) : null,
  };
}

function pagesByTime(q: z.output<typeof historyInput>, productId: string | null): boolean {
  return (q.from !== undefined || q.to !== undefined) && productId === null;
}

/** The page's query (exported for the test that checks each filter's plan reads an index in order). */
export function historyQuery(db: Executor, q: z.output<typeof historyInput>, productId: string | null) {
  const byTime = pagesByTime(q, productId);
  let query = db
    .selectFrom('movements as m')
    .innerJoin('products as p', 'p.id', 'm.product_id')
    .selectAll('m')
    .select(['p.sku', 'p.name', 'p.unit'])
    .limit(q.limit + 1);
  query = byTime ? query.orderBy('m.occurred_at', 'desc').orderBy('m.seq', 'desc') : query.orderBy('m.seq', 'desc');
  if (productId) query = query.where('m.product_id', '=', productId);
  if (q.kind) query = query.where('m.kind', '=', q.kind);
  // The kind index leaves sales out (migration 0003): saying so lets the planner use it for the others.
  if (q.kind && q.kind !== 'SALE') query = query.where('m.kind', '<>', sql.lit('SALE'));
  if (q.userId) query = query.where('m.user_id', '=', q.userId);
  if (q.batchId) query = query.where('m.batch_id', '=', q.batchId);
  // With a product, the dates only filter its rows (read by seq on its own index): the unary +
  // keeps the planner from taking the date index instead and sorting the range.
  const at = productId ? sql<string>`+${sql.ref('m.occurred_at')}` : sql<string>`${sql.ref('m.occurred_at')}`;
  if (q.from) query = query.where(at, '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where(at, '<', new Date(q.to).toISOString());
  if (q.cursor) {
    const [after, seq] = q.cursor.includes('~') ? q.cursor.split('~') : [null, q.cursor];
    if (byTime !== (after !== null)) throw new DomainError('INVALID_CURSOR', 'this cursor belongs to a list with other filters');
    query = after !== null && after !== undefined
      ? query.where((eb) => eb(eb.refTuple('m.occurred_at', 'm.seq'), '<', eb.tuple(after, Number(seq))))
      : query.where('m.seq', '<', Number(seq));
  }
  return query;
}
