import { z } from 'zod';
import { baseUnitSchema, isoDateTimeSchema, uuidSchema } from '@bazaar/shared';
import { api, type Query } from './client';

/*
 * Report answers are aggregates, not entities, so shared/ has no schema for them. These
 * describe what hub/src/reports answers and are checked on every response like every other call.
 */
const measures = {
  lines: z.number().int(),
  qty: z.number().int(),
  revenuePaise: z.number().int(),
  costPaise: z.number().int(),
  marginPaise: z.number().int(),
};
const range = { from: isoDateTimeSchema, to: isoDateTimeSchema };

export const salesByDaySchema = z.object({ ...range, items: z.array(z.object({ day: z.string(), ...measures })) });
export const salesByStoreSchema = z.object({
  ...range,
  items: z.array(z.object({ storeId: uuidSchema, storeCode: z.string(), storeName: z.string(), ...measures })),
});
export const salesByProductSchema = z.object({
  ...range,
  items: z.array(z.object({ productId: uuidSchema, sku: z.string(), productName: z.string(), unit: baseUnitSchema, ...measures })),
});

export const valuationSchema = z.object({
  items: z.array(
    z.object({
      storeId: uuidSchema,
      storeCode: z.string(),
      storeName: z.string(),
      products: z.number().int(),
      costPaise: z.number().int(),
      retailPaise: z.number().int(),
    }),
  ),
  totalCostPaise: z.number().int(),
  totalRetailPaise: z.number().int(),
});

/** Browser's offset, so "today" and each day's bar follow the manager's clock, not UTC. */
const tzOffsetMinutes = () => -new Date().getTimezoneOffset();

export const reportsApi = {
  salesByDay: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'day', tzOffsetMinutes: tzOffsetMinutes() }, schema: salesByDaySchema }),
  salesByStore: (query: Query) => api('GET', '/reports/sales', { query: { ...query, groupBy: 'store', tzOffsetMinutes: tzOffsetMinutes() }, schema: salesByStoreSchema }),
  salesByProduct: (query: Query) =>
    api('GET', '/reports/sales', { query: { ...query, groupBy: 'product', tzOffsetMinutes: tzOffsetMinutes() }, schema: salesByProductSchema }),
  valuation: (query: Query) => api('GET', '/reports/valuation', { query, schema: valuationSchema }),
};
