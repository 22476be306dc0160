import { neverStockedReportSchema, uuidSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { csvResponse, toCsv, wantsCsv } from './csv';
import { neverStockedPage } from './never-stocked.query';
import { scope } from './reports.routes';

const query = z.strictObject({
  storeId: uuidSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  format: z.enum(['json', 'csv']).optional(),
});

const neverStocked = route({
  summary: 'Out of stock because never stocked: products a store carries (every active catalog product) with no stock row there',
  description:
    'A store carries every active catalog product (the counter sells from the whole catalog and shows "Out" for one it has no stock of). ' +
    'Rows are store by store in code order, each store by SKU, up to limit; total counts every such pair in scope.',
  tag: 'reports',
  query,
  responses: { 200: { schema: neverStockedReportSchema, csv: true } },
});

const columns = ['storeCode', 'storeName', 'sku', 'productName', 'unit', 'category', 'storeId', 'productId'] as const;

export function createNeverStockedRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>().get('/never-stocked', neverStocked, async (c) => {
    const me = requireUser(c, ['admin', 'manager']);
    const q = neverStocked.query(c);
    const { items, total } = await neverStockedPage(db, { stores: scope(me, q.storeId), category: q.category, limit: q.limit });
    c.header('X-Total-Count', String(total));
    c.header('X-Truncated', String(total > items.length));
    if (wantsCsv(c)) return csvResponse(c, 'never-stocked.csv', toCsv(columns, items));
    return c.json({ items, total, truncated: total > items.length }, 200);
  });
}
