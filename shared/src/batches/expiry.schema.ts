import { z } from 'zod';
import { baseUnitSchema } from '../units/units';

/** `GET /reports/expiry`: stock that has expired or expires within `withinDays` (store-local days). */
export const expiryQuerySchema = z.strictObject({
  storeId: z.uuid().optional(),
  /** Expiring on or before today + this many days in each store's own calendar; expired stock is always in. */
  withinDays: z.coerce.number().int().min(0).max(3650).default(30),
  category: z.string().trim().min(1).max(100).optional(),
  /** expired: only what is past its day; expiring: only what is not yet. */
  status: z.enum(['expired', 'expiring']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  format: z.enum(['json', 'csv']).optional(),
});
export type ExpiryQuery = z.infer<typeof expiryQuerySchema>;

export const expiryRowSchema = z.object({
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  unit: baseUnitSchema,
  category: z.string().nullable(),
  lot: z.string().nullable(),
  expiresOn: z.string(),
  /** Base units of this batch still in stock (derived: FEFO allocation of the merge rule's stock). */
  qty: z.number().int(),
  /** What that stock cost (qty × the product's cost), minor units. */
  costMinor: z.number().int(),
  /** Negative: expired that many days ago; 0: expires today. */
  daysLeft: z.number().int(),
  status: z.enum(['expired', 'expiring']),
  /** The store's today, YYYY-MM-DD. */
  today: z.string(),
});
export type ExpiryRow = z.infer<typeof expiryRowSchema>;

export const expiryReportSchema = z.object({ items: z.array(expiryRowSchema), truncated: z.boolean() });
export type ExpiryReport = z.infer<typeof expiryReportSchema>;
