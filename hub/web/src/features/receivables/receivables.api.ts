import { creditSettingsSchema, customerDetailSchema, customerSummarySchema, receivablesReportSchema } from '@bazaar/shared';
import { z } from 'zod';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';

/** What customers owe (issue 20): the receivables report, customers found by name or phone, one customer's statement. */
export const receivablesApi = {
  report: (query: ListQuery<'/reports/receivables'>) => api('GET', '/reports/receivables', { query, schema: receivablesReportSchema }),
  customers: (query: ListQuery<'/customers'>) => api('GET', '/customers', { query, schema: z.object({ items: z.array(customerSummarySchema) }) }),
  customer: (id: string, query: ListQuery<'/customers/:id'>) => api('GET', '/customers/:id', { param: { id }, query, schema: customerDetailSchema }),
  creditSettings: () => api('GET', '/credit-settings', { schema: creditSettingsSchema }),
  shareCustomers: (shareCustomers: boolean) => api('PUT', '/credit-settings', { body: { shareCustomers }, schema: creditSettingsSchema }),
};
