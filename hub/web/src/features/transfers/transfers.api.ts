import { inTransitRowSchema, pageSchema, transferViewSchema } from '@bazaar/shared';
import { z } from 'zod';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';
import type { RequestBody } from '../../api/hub-routes';

const inTransitSchema = z.object({ items: z.array(inTransitRowSchema), totalQtyByProduct: z.record(z.string(), z.number().int()) });

/** Transfers between stores as head office follows them (counters dispatch and receive). */
export const transfersApi = {
  list: (query: ListQuery<'/transfers'>) => api('GET', '/transfers', { query, schema: pageSchema(transferViewSchema) }),
  get: (id: string) => api('GET', '/transfers/:id', { param: { id }, schema: transferViewSchema }),
  create: (body: RequestBody<'POST', '/transfers'>) => api('POST', '/transfers', { body, schema: transferViewSchema }),
  inTransit: (query: ListQuery<'/reports/in-transit'>) => api('GET', '/reports/in-transit', { query, schema: inTransitSchema }),
};
