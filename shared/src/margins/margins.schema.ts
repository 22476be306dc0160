import { z } from 'zod';
import { removalReasons } from '../domain/movements.schema';
import { baseUnitSchema } from '../units/units';

/**
 * Margins and valuation reports (issue 19). Money is integer minor units; days are each store's own
 * calendar days (YYYY-MM-DD); a cost is the moving-average cost (shared moving-average.ts): for
 * sales the one the counter stamped on the line when it sold, for stock the store's current one.
 */
const limit = z.coerce.number().int().min(1).max(10_000).default(1000);
const format = z.enum(['json', 'csv']).optional();
const category = z.string().trim().min(1).max(100);
const day = z.iso.date();

export const marginGroups = ['product', 'category', 'store', 'day', 'week', 'month'] as const;
export const marginGroupSchema = z.enum(marginGroups);
export type MarginGroup = z.infer<typeof marginGroupSchema>;

/** `GET /reports/margins`: sales net of returns, their cost and gross margin, from the daily rollups. */
export const marginsQuerySchema = z.strictObject({
  /** First and last day, inclusive; default the 30 days ending today (UTC). At most 366 days. */
  from: day.optional(),
  to: day.optional(),
  groupBy: marginGroupSchema.default('product'),
  sort: z.enum(['margin', 'revenue']).default('margin'),
  storeId: z.uuid().optional(),
  category: category.optional(),
  limit,
  format,
});
export type MarginsQuery = z.infer<typeof marginsQuerySchema>;

export const marginRowSchema = z.object({
  /** groupBy day|week|month: the first day of the period (weeks start on Monday). */
  period: z.string().optional(),
  storeId: z.string().optional(),
  storeCode: z.string().optional(),
  storeName: z.string().optional(),
  productId: z.string().optional(),
  sku: z.string().optional(),
  productName: z.string().optional(),
  /** groupBy product: the base unit its quantity is in. */
  unit: baseUnitSchema.optional(),
  /** groupBy product: base units sold, net of returns. */
  qty: z.number().int().optional(),
  category: z.string().nullable().optional(),
  revenueMinor: z.number().int(),
  costMinor: z.number().int(),
  marginMinor: z.number().int(),
  /** Margin as a share of revenue in basis points (2500 = 25 %); null without revenue. */
  marginBasisPoints: z.number().int().nullable(),
  returnsMinor: z.number().int(),
});
export type MarginRow = z.infer<typeof marginRowSchema>;

export const marginsReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: marginGroupSchema,
  items: z.array(marginRowSchema),
  totals: z.object({ revenueMinor: z.number().int(), costMinor: z.number().int(), marginMinor: z.number().int() }),
});
export type MarginsReport = z.infer<typeof marginsReportSchema>;

/** `GET /reports/stock-value`: stock on hand at moving-average cost and at retail, now. */
export const stockValueGroups = ['store', 'category', 'region', 'product'] as const;
export const stockValueQuerySchema = z.strictObject({
  /** region → store → product is the drill-down: groupBy=store&region=…, then groupBy=product&storeId=…. */
  groupBy: z.enum(stockValueGroups).default('store'),
  storeId: z.uuid().optional(),
  /** Only the stores of this region (stores without one: groupBy=region lists them under null). */
  region: z.string().trim().min(1).max(100).optional(),
  category: category.optional(),
  format,
});
export type StockValueQuery = z.infer<typeof stockValueQuerySchema>;

export const stockValueRowSchema = z.object({
  storeId: z.string().optional(),
  storeCode: z.string().optional(),
  storeName: z.string().optional(),
  category: z.string().nullable().optional(),
  /** groupBy=region: the region (null for stores without one) and how many stores hold stock in it. */
  region: z.string().nullable().optional(),
  stores: z.number().int().optional(),
  /** groupBy=product: the product, most valuable first, with its stock in base units. */
  productId: z.string().optional(),
  sku: z.string().optional(),
  productName: z.string().optional(),
  unit: z.string().optional(),
  qty: z.number().optional(),
  /** Products with stock on hand (negative stock is a conflict to resolve, not negative value). */
  products: z.number().int(),
  costMinor: z.number().int(),
  retailMinor: z.number().int(),
});
export type StockValueRow = z.infer<typeof stockValueRowSchema>;

export const stockValueReportSchema = z.object({
  groupBy: z.enum(stockValueGroups),
  items: z.array(stockValueRowSchema),
  totals: z.object({ costMinor: z.number().int(), retailMinor: z.number().int() }),
});
export type StockValueReport = z.infer<typeof stockValueReportSchema>;

/** `GET /reports/dead-stock`: stock on hand that has not sold for `days` days (store-local). */
export const deadStockQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
  storeId: z.uuid().optional(),
  category: category.optional(),
  limit,
  format,
});
export type DeadStockQuery = z.infer<typeof deadStockQuerySchema>;

export const deadStockRowSchema = z.object({
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  unit: baseUnitSchema,
  category: z.string().nullable(),
  qty: z.number().int(),
  costMinor: z.number().int(),
  retailMinor: z.number().int(),
  /** The last day it sold, within the year before; null: not in that year. */
  lastSoldOn: z.string().nullable(),
});
export type DeadStockRow = z.infer<typeof deadStockRowSchema>;

export const deadStockReportSchema = z.object({ days: z.number().int(), items: z.array(deadStockRowSchema), truncated: z.boolean(), totalCostMinor: z.number().int() });
export type DeadStockReport = z.infer<typeof deadStockReportSchema>;

/** `GET /reports/shrinkage`: stock lost, in money at cost: removals by reason and counts that found less. */
export const shrinkageQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  groupBy: z.enum(['store-reason', 'reason', 'store']).default('store-reason'),
  storeId: z.uuid().optional(),
  category: category.optional(),
  limit,
  format,
});
export type ShrinkageQuery = z.infer<typeof shrinkageQuerySchema>;

/** A removal's reason, or `count` for what counts found short of the log. */
export const shrinkageReasons = [...removalReasons, 'count'] as const;
export const shrinkageReasonSchema = z.enum(shrinkageReasons);
export type ShrinkageReason = z.infer<typeof shrinkageReasonSchema>;

export const shrinkageRowSchema = z.object({
  storeId: z.string().optional(),
  storeCode: z.string().optional(),
  storeName: z.string().optional(),
  reason: shrinkageReasonSchema.optional(),
  /** Removals, or counts that found less. */
  events: z.number().int(),
  costMinor: z.number().int(),
});
export type ShrinkageRow = z.infer<typeof shrinkageRowSchema>;

export const shrinkageReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['store-reason', 'reason', 'store']),
  items: z.array(shrinkageRowSchema),
  totalCostMinor: z.number().int(),
});
export type ShrinkageReport = z.infer<typeof shrinkageReportSchema>;
