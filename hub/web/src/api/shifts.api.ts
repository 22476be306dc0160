import { pageSchema, shiftDetailSchema, shiftSummarySchema } from '@bazaar/shared';
import { api } from './client';
import type { ListQuery } from './endpoints';

/** Counter shifts of the stores the user sees; days are each store's own (its time zone). */
export const shiftsApi = {
  list: (query: ListQuery<'/shifts'>) => api('GET', '/shifts', { query, schema: pageSchema(shiftSummarySchema) }),
  get: (id: string) => api('GET', '/shifts/:id', { param: { id }, schema: shiftDetailSchema }),
};
