import { z } from 'zod';
import { isoDateTimeSchema } from './common.schema';
import { uuidSchema } from '../ids/uuidv7';

export const conflictKinds = [
  'NEGATIVE_STOCK',
  'COUNT_VARIANCE',
  'LATE_MOVEMENT_ABSORBED',
  'REJECTED_MOVEMENT',
  'SKU_MERGED',
  'CLOCK_DRIFT',
  /** A pushed movement named a user who is not staff of its store: stored with no user. */
  'UNKNOWN_USER',
  /** Returns of one bill line, recorded by counters that were offline from each other, add up to more than was sold. */
  'OVER_RETURN',
  /**
   * A transfer counted in short, over or damaged (or one line counted in twice by two offline
   * counters): raised once, at the receiving store, and listed to the managers of both stores.
   */
  'TRANSFER_DISCREPANCY',
] as const;
export const conflictKindSchema = z.enum(conflictKinds);
export type ConflictKind = z.infer<typeof conflictKindSchema>;

export const conflictSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  kind: conflictKindSchema,
  productId: uuidSchema.nullable(),
  movementId: uuidSchema.nullable(),
  deviceId: uuidSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'resolved']),
  resolvedBy: uuidSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  resolutionNote: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictResolveSchema = z.strictObject({ note: z.string().trim().min(1, 'must not be empty').max(1000) });

/** Open conflicts grouped by store and kind (issue 24): what a head office works through in bulk. */
export const conflictGroupsSchema = z.object({
  items: z.array(
    z.object({
      storeId: uuidSchema,
      storeCode: z.string(),
      storeName: z.string(),
      region: z.string().nullable(),
      kind: conflictKindSchema,
      count: z.number().int(),
      /** Distinct products the group's conflicts name. */
      products: z.number().int(),
      oldest: isoDateTimeSchema,
      newest: isoDateTimeSchema,
    }),
  ),
  /** Groups and open conflicts matching, whether or not all groups are listed. */
  groups: z.number().int(),
  total: z.number().int(),
});
export type ConflictGroups = z.infer<typeof conflictGroupsSchema>;

/** Resolve many open conflicts with one note: those matching every selector given, in stores the caller manages. */
/**
 * The size of a count variance to keep: at least `minQty` in display units (pieces, or kg/L for
 * weighed goods) or at least `minPercent` of the stock the count expected. Either keeps only
 * count variances (the other kinds have no size).
 */
export const varianceSizeSchema = {
  minQty: z.coerce.number().positive().max(1_000_000).optional(),
  minPercent: z.coerce.number().positive().max(100_000).optional(),
};

export const conflictBulkResolveSchema = z
  .strictObject({
    note: z.string().trim().min(1, 'must not be empty').max(1000),
    kind: conflictKindSchema.optional(),
    storeId: uuidSchema.optional(),
    region: z.string().trim().min(1).max(100).optional(),
    ...varianceSizeSchema,
    ids: z.array(uuidSchema).min(1).max(1000).optional(),
  })
  .refine((b) => b.kind !== undefined || b.storeId !== undefined || b.region !== undefined || b.ids !== undefined || b.minQty !== undefined || b.minPercent !== undefined, {
    message: 'say which conflicts: kind, storeId, region, size (minQty, minPercent) or ids',
  });
export type ConflictBulkResolve = z.infer<typeof conflictBulkResolveSchema>;

export const conflictBulkResultSchema = z.object({
  resolved: z.number().int(),
  stores: z.number().int(),
  /** More matched than one call resolves: call again with the same selectors. */
  more: z.boolean(),
});
