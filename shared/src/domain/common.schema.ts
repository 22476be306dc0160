import { z } from 'zod';

import { shopDateTime } from './shop-date';

export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
/** A date-time a client sends: also inside the range a shop can have (see shop-date.ts). */
export const shopDateTimeSchema = shopDateTime('must be an ISO 8601 date-time');
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
/** A product's (or a pack's) barcode: EAN/UPC digits or a shop's own code. */
export const barcodeSchema = z.string().trim().regex(/^[0-9A-Za-z-]{4,64}$/, 'must be 4 to 64 letters or digits');
export const codeSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

/** Paged list answer of every list endpoint. */
export function pageSchema<T extends z.ZodType>(item: T) {
  /** total: how many rows match the filters, with the first page of lists that count them. */
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export const limitSchema = z.coerce.number().int().min(1).max(500).default(50);
