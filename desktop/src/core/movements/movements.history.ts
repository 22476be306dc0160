import { DomainError } from '@bazaar/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../db/db.types';
import type { MovementView, historyInput } from '../core.api';
import { productByCode } from '../products/products.repository';
import { movementView } from './movements.service';

/** Newest first, keyset-paged on seq (the log's own order on this device). */
export async function history(db: Executor, q: z.output<typeof historyInput>): Promise<{ items: MovementView[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('movements as m')
    .innerJoin('products as p', 'p.id', 'm.product_id')
    .selectAll('m')
    .select(['p.sku', 'p.name', 'p.unit'])
    .orderBy('m.seq', 'desc')
    .limit(q.limit + 1);
  if (q.product) {
    const p = await productByCode(db, q.product);
    if (!p) throw new DomainError('NOT_FOUND', `no product with barcode, SKU or id "${q.product}"`);
    query = query.where('m.product_id', '=', p.id);
  }
  if (q.kind) query = query.where('m.kind', '=', q.kind);
  // The kind index leaves sales out (migration 0003): saying so lets the planner use it for the others.
  if (q.kind && q.kind !== 'SALE') query = query.where('m.kind', '<>', sql.lit('SALE'));
  if (q.userId) query = query.where('m.user_id', '=', q.userId);
  if (q.batchId) query = query.where('m.batch_id', '=', q.batchId);
  if (q.from) query = query.where('m.occurred_at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('m.occurred_at', '<', new Date(q.to).toISOString());
  if (q.cursor) query = query.where('m.seq', '<', Number(q.cursor));
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => movementView(r, r)),
    nextCursor: rows.length > q.limit && last ? String(last.seq) : null,
  };
}
