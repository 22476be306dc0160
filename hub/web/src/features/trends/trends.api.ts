import { productRegionSplitSchema, salesTrendSchema } from '@bazaar/shared';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';

/** Trends and a product across regions: one request each, read from the hub's daily rollups. */
export const trendsApi = {
  trend: (query: ListQuery<'/reports/trends'>) => api('GET', '/reports/trends', { query, schema: salesTrendSchema }),
  productRegions: (query: ListQuery<'/reports/product-regions'>) => api('GET', '/reports/product-regions', { query, schema: productRegionSplitSchema }),
};
