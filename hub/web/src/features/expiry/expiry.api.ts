import { expiryReportSchema } from '@bazaar/shared';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';

export const expiryApi = {
  report: (query: ListQuery<'/reports/expiry'>) => api('GET', '/reports/expiry', { query, schema: expiryReportSchema }),
};
