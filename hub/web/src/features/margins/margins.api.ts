import { deadStockReportSchema, marginsReportSchema, shrinkageReportSchema, stockValueReportSchema } from '@bazaar/shared';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';

export const marginsApi = {
  margins: (query: ListQuery<'/reports/margins'>) => api('GET', '/reports/margins', { query, schema: marginsReportSchema }),
  stockValue: (query: ListQuery<'/reports/stock-value'>) => api('GET', '/reports/stock-value', { query, schema: stockValueReportSchema }),
  deadStock: (query: ListQuery<'/reports/dead-stock'>) => api('GET', '/reports/dead-stock', { query, schema: deadStockReportSchema }),
  shrinkage: (query: ListQuery<'/reports/shrinkage'>) => api('GET', '/reports/shrinkage', { query, schema: shrinkageReportSchema }),
};
