import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { StockCommit } from './platform.types';

interface MovementCreated {
  movement?: { storeId?: string };
  stock?: { storeId?: string; productId?: string; qty?: number; reorderLevel?: number };
}

/**
 * Reports committed stock writes to the platform services (cache bump, live events, alert
 * evaluation, read-your-writes) from the two ingest routes: web movements and sync push.
 * It runs after the handler returned, so the write transaction has committed, and before the
 * client gets its answer. Web movements are read from the answer; the sync push route sets
 * `stockCommit` (its answer no longer lists every movement, and it knows the products it
 * touched). A write path outside HTTP (jobs, dev data) calls platform.stockCommitted itself.
 */
export function afterWriteMiddleware(stockCommitted: (c: StockCommit) => Promise<void>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'POST') return;
    const path = c.req.path;
    if (path === '/api/v1/stock-movements' && c.res.status === 201) {
      // A replayed answer (Idempotency-Key retry) committed nothing now: nothing to report.
      if (c.res.headers.get('Idempotent-Replayed')) return;
      const body = (await c.res.clone().json().catch(() => null)) as MovementCreated | null;
      const storeId = body?.movement?.storeId ?? body?.stock?.storeId;
      if (!storeId) return;
      const s = body?.stock;
      const stock =
        s?.productId && typeof s.qty === 'number' ? [{ storeId, productId: s.productId, qty: s.qty, reorderLevel: s.reorderLevel ?? 0 }] : undefined;
      await stockCommitted({ source: 'web', storeIds: [storeId], movements: 1, stock });
      return;
    }
    if (path === '/api/v1/sync/push' && c.res.status === 200) {
      // The push route says what it committed (its answer no longer lists every applied movement).
      const commit = c.get('stockCommit');
      if (commit) await stockCommitted(commit);
    }
  };
}
