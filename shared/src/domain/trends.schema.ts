import { z } from 'zod';
import { uuidSchema } from '../ids/uuidv7';
import { isoDateTimeSchema } from './common.schema';

/*
 * Sales trends (issue 24): sales and margin by day, week or month for a store, a region or the
 * chain, beside the period before and the same period a year earlier. Days are each store's own
 * (the daily rollup counts a sale on its store's calendar day); amounts are net of returns.
 */
export const trendGrains = ['day', 'week', 'month'] as const;
export const trendGrainSchema = z.enum(trendGrains);
export type TrendGrain = z.infer<typeof trendGrainSchema>;

export const trendMeasuresSchema = z.object({
  revenueMinor: z.number().int(),
  costMinor: z.number().int(),
  marginMinor: z.number().int(),
  qty: z.number().int(),
  returnsMinor: z.number().int(),
  lines: z.number().int(),
});
export type TrendMeasures = z.infer<typeof trendMeasuresSchema>;

/** Calendar days, `from` inclusive and `to` exclusive. */
export const dayRangeSchema = z.object({ from: z.iso.date(), to: z.iso.date() });
export type DayRange = z.infer<typeof dayRangeSchema>;

export const trendPointSchema = z.object({
  /** First day of the bucket in each period (a Monday for weeks, the 1st for months). */
  start: z.iso.date(),
  previousStart: z.iso.date(),
  lastYearStart: z.iso.date(),
  current: trendMeasuresSchema,
  previous: trendMeasuresSchema,
  lastYear: trendMeasuresSchema,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const salesTrendSchema = z.object({
  grain: trendGrainSchema,
  storeId: uuidSchema.nullable(),
  region: z.string().nullable(),
  /** Stores the figures cover. */
  stores: z.number().int(),
  periods: z.object({ current: dayRangeSchema, previous: dayRangeSchema, lastYear: dayRangeSchema }),
  points: z.array(trendPointSchema),
  totals: z.object({ current: trendMeasuresSchema, previous: trendMeasuresSchema, lastYear: trendMeasuresSchema }),
  /** When the newest rollup row read was written (the rollup refreshes every few minutes); null when none. */
  asOf: isoDateTimeSchema.nullable(),
});
export type SalesTrend = z.infer<typeof salesTrendSchema>;

/** One product across the chain (issue 24): its sales in each region of the stores in scope, and the total. */
export const productRegionSplitSchema = z.object({
  productId: uuidSchema,
  /** Calendar days of each store, `from` inclusive and `to` exclusive. */
  from: z.iso.date(),
  to: z.iso.date(),
  items: z.array(
    z.object({
      /** null: stores without a region. */
      region: z.string().nullable(),
      stores: z.number().int(),
      qty: z.number().int(),
      revenueMinor: z.number().int(),
      marginMinor: z.number().int(),
      returnsMinor: z.number().int(),
    }),
  ),
  total: z.object({ stores: z.number().int(), qty: z.number().int(), revenueMinor: z.number().int(), marginMinor: z.number().int(), returnsMinor: z.number().int() }),
});
export type ProductRegionSplit = z.infer<typeof productRegionSplitSchema>;
