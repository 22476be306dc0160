import { z } from 'zod';
import { uuidSchema } from '../ids/uuidv7';
import { isoDateTimeSchema } from './common.schema';
import { baseUnitSchema } from '../units/units';

/*
 * Report answers are aggregates, not entities: what hub/src/reports answers (and documents),
 * checked by the web app on every response like every other call.
 */
/**
 * Sales are net of returns and voids (issue 17): qty, revenue and cost count what was sold minus
 * what came back; `lines` counts sale lines, returnedQty/returnsMinor what returns and voids took back.
 */
const measures = {
  lines: z.number().int(),
  qty: z.number().int(),
  revenueMinor: z.number().int(),
  costMinor: z.number().int(),
  marginMinor: z.number().int(),
  returnedQty: z.number().int(),
  returnsMinor: z.number().int(),
};
const range = { from: isoDateTimeSchema, to: isoDateTimeSchema };

export const salesByDaySchema = z.object({
  ...range,
  /** Whose calendar the days are: `store` (each sale on its store's own day) or a fixed offset such as `utc+330m`. */
  dayBoundary: z.string().optional(),
  items: z.array(z.object({ day: z.string(), ...measures })),
});
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
      costMinor: z.number().int(),
      retailMinor: z.number().int(),
    }),
  ),
  totalCostMinor: z.number().int(),
  totalRetailMinor: z.number().int(),
});

/** groupBy=region: stores without a region roll up under region null. */
export const salesByRegionSchema = z.object({
  ...range,
  items: z.array(z.object({ region: z.string().nullable(), stores: z.number().int(), ...measures })),
});

/** Any of the sales groupings (groupBy=day|store|product|region). */
export const salesReportSchema = z.union([salesByDaySchema, salesByStoreSchema, salesByProductSchema, salesByRegionSchema]);


/** `GET /reports/alerts`: live (open or acknowledged) low and out alerts per region, or per store of a region. */
export const alertRollupGroups = ['region', 'store'] as const;
export const alertRollupSchema = z.object({
  groupBy: z.enum(alertRollupGroups),
  items: z.array(
    z.object({
      /** Null for stores without a region. */
      region: z.string().nullable(),
      stores: z.number().int(),
      storeId: z.string().optional(),
      storeCode: z.string().optional(),
      storeName: z.string().optional(),
      low: z.number().int(),
      out: z.number().int(),
    }),
  ),
  totals: z.object({ low: z.number().int(), out: z.number().int() }),
});
export type AlertRollup = z.infer<typeof alertRollupSchema>;
