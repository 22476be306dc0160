import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { StockCommit } from './platform.types';

interface MovementCreated {
  movement?: { storeId?: string };
  stock?: { storeId?: string; productId?: string; qty?: number; reorderLevel?: number };
}
interface PushAnswer {
  results?: { status?: string }[];
}

/**
 * Reports committed stock writes to the platform services (cache bump, live events, alert
 * evaluation, read-your-writes) from the two ingest routes: web movements and sync push.
 * It runs after the handler returned, so the write transaction has committed, and before the
 * client gets its answer. Reading the answer keeps the ingest code free of platform concerns;
 * a write path outside HTTP (jobs, dev data) calls platform.stockCommitted itself.
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
      const device = c.get('principal');
      if (device?.kind !== 'device') return;
      const body = (await c.res.clone().json().catch(() => null)) as PushAnswer | null;
      const applied = body?.results?.filter((r) => r.status === 'applied').length ?? 0;
      await stockCommitted({ source: 'sync', storeIds: [device.storeId], movements: applied, deviceId: device.id });
    }
  };
}
