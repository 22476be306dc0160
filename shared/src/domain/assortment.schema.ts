import { z } from 'zod';
import { deadStockRowSchema } from '../margins/margins.schema';

/**
 * What a store carries (its assortment): every active (not archived) catalog product. The counter
 * sells from the whole catalog and shows "Out" for a product it has no stock of, so head office
 * reports the same: a carried product with no stock row in a store is out of stock there, "never
 * stocked" (it has had no movement in that store). Archiving a product takes it out of every
 * store's assortment.
 */
export const neverStockedRowSchema = deadStockRowSchema.pick({ storeId: true, storeCode: true, storeName: true, productId: true, sku: true, productName: true, unit: true, category: true });
export type NeverStockedRow = z.infer<typeof neverStockedRowSchema>;

export const neverStockedReportSchema = z.object({
  items: z.array(neverStockedRowSchema),
  /** Carried products with no stock row, in every store in scope (exact, from maintained counters). */
  total: z.number().int(),
  truncated: z.boolean(),
});
export type NeverStockedReport = z.infer<typeof neverStockedReportSchema>;
