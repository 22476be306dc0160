import { z } from 'zod';
import { uuidSchema } from '../ids/uuidv7';
import { isoDateTimeSchema } from './common.schema';
import { baseUnitSchema } from '../units/units';

/** What a store ranking can be sorted by, on the hub. */
export const rankingSorts = ['sales', 'margin', 'marginPct', 'stockValue', 'lowOut', 'shrinkage', 'countVariance', 'lastSync', 'code'] as const;
export const rankingSortSchema = z.enum(rankingSorts);
export type RankingSort = z.infer<typeof rankingSortSchema>;

export const storeRankingSchema = z.object({
  rank: z.number().int(),
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  region: z.string().nullable(),
  salesMinor: z.number().int(),
  marginMinor: z.number().int(),
  /** Margin over sales in percent (one decimal), null without sales. */
  marginPct: z.number().nullable(),
  stockValueMinor: z.number().int(),
  low: z.number().int(),
  out: z.number().int(),
  /** Stock lost in the period at cost: removals and downward adjustments. */
  shrinkageMinor: z.number().int(),
  /** Net value at cost of every product's last count variance (counted minus expected). */
  countVarianceMinor: z.number().int(),
  lastSyncAt: isoDateTimeSchema.nullable(),
  /** Whole days since a counter of the store last synced; null when none ever did. */
  daysSinceSync: z.number().int().nullable(),
});
export type StoreRanking = z.infer<typeof storeRankingSchema>;

export const storeRankingsSchema = z.object({
  from: isoDateTimeSchema,
  to: isoDateTimeSchema,
  /** Stores in scope matching the filters (the rows are `limit` of them in this order, after `offset`). */
  total: z.number().int(),
  /** Rows of the ordered set before this page. */
  offset: z.number().int(),
  items: z.array(storeRankingSchema),
});

/** The Overview's exact counts, in the caller's scope. */
export const overviewCountsSchema = z.object({
  products: z.number().int(),
  stores: z.number().int(),
  openConflicts: z.number().int().nullable(),
  devices: z.number().int().nullable(),
  countersOffline: z.number().int().nullable(),
});

/** Distinct values of a dimension with how many rows carry each (picker suggestions). */
export const suggestionsSchema = z.object({ items: z.array(z.object({ value: z.string(), count: z.number().int() })) });

/** Names of ids a list shows, in one answer. */
export const namesSchema = z.object({
  /** A store's time zone, so a screen shows its events on its own clock. */
  stores: z.record(z.string(), z.object({ name: z.string(), code: z.string(), timeZone: z.string() })),
  products: z.record(z.string(), z.object({ name: z.string(), sku: z.string(), unit: baseUnitSchema })),
  users: z.record(z.string(), z.object({ name: z.string() })),
  suppliers: z.record(z.string(), z.object({ name: z.string() })),
  devices: z.record(z.string(), z.object({ name: z.string() })),
});
export type Names = z.infer<typeof namesSchema>;
