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
