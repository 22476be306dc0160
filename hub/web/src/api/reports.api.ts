import { salesByDaySchema, salesByProductSchema, salesByStoreSchema, valuationSchema } from '@bazaar/shared';
import { api, type Query } from './client';

/** Browser's offset, so "today" and each day's bar follow the manager's clock, not UTC. */
const tzOffsetMinutes = () => -new Date().getTimezoneOffset();

export const reportsApi = {
  salesByDay: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'day', tzOffsetMinutes: tzOffsetMinutes() }, schema: salesByDaySchema }),
  salesByStore: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'store', tzOffsetMinutes: tzOffsetMinutes() }, schema: salesByStoreSchema }),
  salesByProduct: (query: Query) =>
    api('GET', '/reports/sales', { query: { ...query, groupBy: 'product', tzOffsetMinutes: tzOffsetMinutes() }, schema: salesByProductSchema }),
  valuation: (query: Query) => api('GET', '/reports/valuation', { query, schema: valuationSchema }),
};
