import { billDetailSchema, billReportSchema, billSummarySchema, pageSchema, type BillReportGroup } from '@bazaar/shared';
import { api } from './client';
import type { ListQuery } from './endpoints';

/** Every bill of the stores the user sees; days are each store's own (its time zone). */
export const billsApi = {
  list: (query: ListQuery<'/bills'>) => api('GET', '/bills', { query, schema: pageSchema(billSummarySchema) }),
  get: (id: string) => api('GET', '/bills/:id', { param: { id }, schema: billDetailSchema }),
  report: (groupBy: BillReportGroup, query: ListQuery<'/reports/bills'>) => api('GET', '/reports/bills', { query: { ...query, groupBy }, schema: billReportSchema }),
};
