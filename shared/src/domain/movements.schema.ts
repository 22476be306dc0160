import { z } from 'zod';
import { isoDateTimeSchema, shopDateTimeSchema } from './common.schema';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { hlcStringSchema } from '../hlc/hlc';
import { minorSchema, quantitySchema, MAX_QTY } from '../units/units';

export const movementKinds = ['IN', 'SALE', 'REMOVE', 'COUNT', 'ADJUST', 'TRANSFER_OUT', 'TRANSFER_IN'] as const;
export const movementKindSchema = z.enum(movementKinds);
export type MovementKind = z.infer<typeof movementKindSchema>;

export const removalReasons = ['damage', 'expiry', 'theft', 'other'] as const;
export const removalReasonSchema = z.enum(removalReasons);
export type RemovalReason = z.infer<typeof removalReasonSchema>;

/** The sign each kind's qty must have. COUNT carries the counted absolute quantity. */
export const movementSign: Record<MovementKind, 'positive' | 'negative' | 'nonzero' | 'absolute'> = {
  IN: 'positive',
  TRANSFER_IN: 'positive',
  SALE: 'negative',
  REMOVE: 'negative',
  TRANSFER_OUT: 'negative',
  ADJUST: 'nonzero',
  COUNT: 'absolute',
};

/** Why qty is not acceptable for kind, or null when it is. */
export function qtySignProblem(kind: MovementKind, qty: number): string | null {
  switch (movementSign[kind]) {
    case 'positive':
      return qty > 0 ? null : `${kind} quantity must be positive`;
    case 'negative':
      return qty < 0 ? null : `${kind} quantity must be negative (a signed delta)`;
    case 'nonzero':
      return qty !== 0 ? null : `${kind} quantity must not be zero`;
    case 'absolute':
      return qty >= 0 ? null : 'COUNT quantity is the counted amount and must not be negative';
  }
}

export const lotSchema = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
export const expiryDateSchema = z.iso.date('must be a date (YYYY-MM-DD)');

/**
 * Batches and expiry belong to goods coming in (a stock-in or a transfer in) and to a removal that
 * writes off goods of one batch (expired stock taken off the shelf), which that batch then no
 * longer holds (allocateBatches).
 */
export const batchKinds: readonly MovementKind[] = ['IN', 'TRANSFER_IN', 'REMOVE'];

/** What a person records about a movement, wherever it is recorded (counter or web). */
const recordedFields = {
  kind: movementKindSchema,
  productId: uuidSchema,
  qty: quantitySchema,
  unitPriceMinor: minorSchema.nullable().default(null),
  unitCostMinor: minorSchema.nullable().default(null),
  reason: removalReasonSchema.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  supplierId: uuidSchema.nullable().default(null),
  /** The batch a stock-in came in (printed on the goods); stock per batch is derived from these. */
  lot: lotSchema.optional(),
  /** The day the goods of this stock-in expire (YYYY-MM-DD, the store's calendar). */
  expiresOn: expiryDateSchema.optional(),
};

const movementFields = {
  id: uuidv7Schema,
  ...recordedFields,
  /** Groups the lines of one sale (cart) or one count session. */
  batchId: uuidSchema.nullable().default(null),
  userId: uuidSchema.nullable().default(null),
  occurredAt: isoDateTimeSchema,
};

function checkSign(m: { kind: MovementKind; qty: number; reason: RemovalReason | null; lot?: string | undefined; expiresOn?: string | undefined }, ctx: z.RefinementCtx) {
  if ((m.lot !== undefined || m.expiresOn !== undefined) && !batchKinds.includes(m.kind))
    ctx.addIssue({ code: 'custom', path: [m.lot !== undefined ? 'lot' : 'expiresOn'], message: `a batch and expiry belong to goods coming in or written off (${batchKinds.join(', ')}), not to ${m.kind}` });
  const problem = qtySignProblem(m.kind, m.qty);
  if (problem) ctx.addIssue({ code: 'custom', path: ['qty'], message: problem });
  if (m.kind === 'REMOVE' && !m.reason)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'REMOVE needs a reason (damage, expiry, theft, other)' });
}

/** A movement as a device records it and pushes it. */
export const deviceMovementSchema = z
  .strictObject({ ...movementFields, seq: z.number().int().min(1), hlc: hlcStringSchema })
  .superRefine(checkSign);
export type DeviceMovement = z.infer<typeof deviceMovementSchema>;
export type DeviceMovementInput = z.input<typeof deviceMovementSchema>;

/** One movement posted from the web (`POST /stock-movements`): the hub assigns id, seq and hlc. */
export const movementCreateSchema = z
  .strictObject({
    storeId: uuidSchema,
    ...recordedFields,
    occurredAt: shopDateTimeSchema.optional(),
  })
  .superRefine(checkSign);
export type MovementCreate = z.infer<typeof movementCreateSchema>;

export const movementStatuses = ['applied', 'rejected'] as const;
export const movementStatusSchema = z.enum(movementStatuses);

/** A movement as the hub stores and lists it. */
export const movementSchema = z.object({
  ...movementFields,
  id: uuidSchema,
  storeId: uuidSchema,
  deviceId: uuidSchema.nullable(),
  seq: z.number().int().nullable(),
  hlc: hlcStringSchema,
  status: movementStatusSchema,
  rejectReason: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
});
export type Movement = z.infer<typeof movementSchema>;

export const MAX_MOVEMENT_QTY = MAX_QTY;
