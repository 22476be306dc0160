import { alertRollupSchema, namesSchema, neverStockedReportSchema, overviewCountsSchema, salesByDaySchema, salesByProductSchema, salesByRegionSchema, salesByStoreSchema, storeRankingsSchema, suggestionsSchema, valuationSchema } from '@bazaar/shared';
import { api, type Query } from './client';
import type { ListQuery } from './endpoints';

/** Days are each store's own (its time zone): the hub says so in `dayBoundary`. */
export const reportsApi = {
  salesByDay: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'day' }, schema: salesByDaySchema }),
  salesByStore: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'store' }, schema: salesByStoreSchema }),
  salesByProduct: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'product' }, schema: salesByProductSchema }),
  valuation: (query: Query) => api('GET', '/reports/valuation', { query, schema: valuationSchema }),
  /** Products a store carries (every active one) with no stock row there: out of stock, never stocked. */
  neverStocked: (query: ListQuery<'/reports/never-stocked'>) => api('GET', '/reports/never-stocked', { query, schema: neverStockedReportSchema }),
};

/** Head office at chain scale: rankings, exact counts, picker suggestions; each one request. */
export const insightsApi = {
  storeRankings: (query: ListQuery<'/reports/store-rankings'>) => api('GET', '/reports/store-rankings', { query, schema: storeRankingsSchema }),
  counts: () => api('GET', '/reports/counts', { schema: overviewCountsSchema }),
  regions: (q?: string) => api('GET', '/reports/regions', { query: { q }, schema: suggestionsSchema }),
  cities: (q?: string, region?: string) => api('GET', '/reports/cities', { query: { q, region: region || undefined }, schema: suggestionsSchema }),
  categories: (q?: string) => api('GET', '/reports/categories', { query: { q }, schema: suggestionsSchema }),
  /** Live low/out alerts per region, or per store of a region. */
  alerts: (query: ListQuery<'/reports/alerts'>) => api('GET', '/reports/alerts', { query, schema: alertRollupSchema }),
  salesByRegion: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'region' }, schema: salesByRegionSchema }),
};

export const namesApi = {
  lookup: (query: ListQuery<'/names'>) => api('GET', '/names', { query, schema: namesSchema }),
};
