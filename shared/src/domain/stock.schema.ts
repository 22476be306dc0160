import { z } from 'zod';
import { isoDateTimeSchema } from './common.schema';
import { uuidSchema } from '../ids/uuidv7';
import { hlcStringSchema } from '../hlc/hlc';
import { baseUnitSchema } from '../units/units';

export const stockStatuses = ['ok', 'low', 'out'] as const;
export const stockStatusSchema = z.enum(stockStatuses);
export type StockStatus = z.infer<typeof stockStatusSchema>;

/** out: at or under 0; low: at or under the reorder level; ok otherwise. */
export function stockStatus(qty: number, reorderLevel: number): StockStatus {
  if (qty <= 0) return 'out';
  if (qty <= reorderLevel) return 'low';
  return 'ok';
}

export const stockRowSchema = z.object({
  storeId: uuidSchema,
  productId: uuidSchema,
  qty: z.number().int(),
  reorderLevel: z.number().int(),
  status: stockStatusSchema,
  lastCountHlc: hlcStringSchema.nullable(),
  lastCountQty: z.number().int().nullable(),
  /** Counted minus expected at the latest count, including late movements it absorbed. */
  lastCountVariance: z.number().int().nullable(),
  updatedAt: isoDateTimeSchema,
});
export type StockRow = z.infer<typeof stockRowSchema>;

/** A stock row joined with what a list needs to show it. */
export const stockListItemSchema = stockRowSchema.extend({
  sku: z.string(),
  productName: z.string(),
  unit: baseUnitSchema,
  category: z.string().nullable(),
  supplierId: uuidSchema.nullable(),
  storeCode: z.string(),
  storeName: z.string(),
});
export type StockListItem = z.infer<typeof stockListItemSchema>;

export const stockSummaryItemSchema = z.object({
  productId: uuidSchema,
  sku: z.string(),
  productName: z.string(),
  unit: baseUnitSchema,
  totalQty: z.number().int(),
  stores: z.number().int(),
  lowStores: z.number().int(),
  outStores: z.number().int(),
});
export type StockSummaryItem = z.infer<typeof stockSummaryItemSchema>;

/** One store's stock health: its stock rows, and how many are low or out, as GET /stocks?status= counts them (GET /stocks/counts). */
export const storeStockCountsSchema = z.object({
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  region: z.string().nullable(),
  products: z.number().int(),
  low: z.number().int(),
  /** Stock rows at or below zero. */
  out: z.number().int(),
  /** Carried products (every active one) with no stock row in the store: out of stock as well. */
  neverStocked: z.number().int(),
});
export type StoreStockCounts = z.infer<typeof storeStockCountsSchema>;

export const stockCountsTotalsSchema = z.object({
  stores: z.number().int(),
  products: z.number().int(),
  low: z.number().int(),
  out: z.number().int(),
  neverStocked: z.number().int(),
  /** Stores with at least one low or out row, or a carried product never stocked. */
  storesNeedingStock: z.number().int(),
});
export type StockCountsTotals = z.infer<typeof stockCountsTotalsSchema>;

export const stockCountsPageSchema = z.object({
  items: z.array(storeStockCountsSchema),
  totals: stockCountsTotalsSchema,
  nextCursor: z.string().nullable(),
});
export type StockCountsPage = z.infer<typeof stockCountsPageSchema>;
