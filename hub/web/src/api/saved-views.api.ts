import { exportListItemSchema, savedViewSchema } from '@bazaar/shared';
import { z } from 'zod';
import { api } from './client';
import type { RequestBody } from './hub-routes';

/** My saved views (a page's filters by name, optionally a scheduled report) and my exports. */
export const savedViewsApi = {
  list: () => api('GET', '/saved-views', { schema: z.object({ items: z.array(savedViewSchema) }) }),
  create: (body: RequestBody<'POST', '/saved-views'>) => api('POST', '/saved-views', { body, schema: savedViewSchema }),
  update: (id: string, body: RequestBody<'PATCH', '/saved-views/:id'>) => api('PATCH', '/saved-views/:id', { param: { id }, body, schema: savedViewSchema }),
  remove: (id: string) => api('DELETE', '/saved-views/:id', { param: { id }, schema: z.unknown() }),
  exports: () => api('GET', '/exports', { schema: z.object({ items: z.array(exportListItemSchema) }) }),
};
