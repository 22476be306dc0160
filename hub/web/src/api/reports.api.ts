import { salesByDaySchema, salesByProductSchema, salesByStoreSchema, valuationSchema } from '@bazaar/shared';
import { api, type Query } from './client';

/** Days are each store's own (its time zone): the hub says so in `dayBoundary`. */
export const reportsApi = {
  salesByDay: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'day' }, schema: salesByDaySchema }),
  salesByStore: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'store' }, schema: salesByStoreSchema }),
  salesByProduct: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'product' }, schema: salesByProductSchema }),
  valuation: (query: Query) => api('GET', '/reports/valuation', { query, schema: valuationSchema }),
};
