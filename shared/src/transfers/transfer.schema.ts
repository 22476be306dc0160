import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { baseUnitSchema, MAX_QTY } from '../units/units';

/**
 * A transfer moves stock from one store to another (issue 18, DESIGN §9). It is one document
 * with two sides: the sending store owns the header, the lines and the quantities sent (and
 * dispatches: its TRANSFER_OUT movements carry the transfer id as their batch id); the receiving
 * store owns what it counted in (TRANSFER_IN movements, same batch id) and the close. Each side is
 * written only by its own store, so two offline counters never overwrite each other, and the
 * hub stores each side under its own store (transfer.sides.ts).
 */

export const transferStatuses = ['draft', 'dispatched', 'partly_received', 'received', 'closed', 'cancelled'] as const;
export const transferStatusSchema = z.enum(transferStatuses);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

/** Where a transfer was made: at head office (a draft the sending counter dispatches) or at the sending counter. */
export const transferOrigins = ['hub', 'counter'] as const;
export type TransferOrigin = (typeof transferOrigins)[number];

const qty = z.number().int().min(0).max(MAX_QTY);

export const transferPersonSchema = z.strictObject({ id: uuidSchema.nullable(), name: z.string().nullable() });
export type TransferPerson = z.infer<typeof transferPersonSchema>;

export const transferLineSchema = z.strictObject({
  lineNo: z.number().int().min(1),
  productId: uuidSchema,
  sku: z.string(),
  name: z.string(),
  unit: baseUnitSchema,
  /** Base units sent: planned while a draft, what left the source once dispatched. */
  qtySent: qty,
  /** Good units counted in at the destination; null until this line is received. */
  qtyReceived: qty.nullable(),
  /** Units that arrived damaged (counted, not put into sellable stock). */
  qtyDamaged: qty,
});
export type TransferLine = z.infer<typeof transferLineSchema>;

const at = isoDateTimeSchema.nullable();

export const transferSchema = z
  .strictObject({
    id: uuidv7Schema,
    /** `<STORE>-<COUNTER>-T<6 digits>` (transfer.number.ts); HO as the counter for head office drafts. */
    number: z.string().min(3).max(64),
    origin: z.enum(transferOrigins),
    counterCode: z.string().min(1).max(16),
    counterNo: z.number().int().min(1),
    fromStoreId: uuidSchema,
    toStoreId: uuidSchema,
    status: transferStatusSchema,
    note: z.string().max(500).nullable(),
    lines: z.array(transferLineSchema).min(1).max(500),
    createdAt: isoDateTimeSchema,
    createdBy: transferPersonSchema,
    dispatchedAt: at,
    dispatchedBy: transferPersonSchema.nullable(),
    /** The last time a line was counted in. */
    receivedAt: at,
    receivedBy: transferPersonSchema.nullable(),
    /** Closed by the receiving store: lines not counted by then were short. */
    closedAt: at,
    closedBy: transferPersonSchema.nullable(),
    cancelledAt: at,
  })
  .superRefine((t, ctx) => {
    if (t.fromStoreId === t.toStoreId) ctx.addIssue({ code: 'custom', path: ['toStoreId'], message: 'a transfer goes to another store' });
    const seen = new Set<string>();
    for (const [i, l] of t.lines.entries()) {
      if (seen.has(l.productId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'productId'], message: 'a product appears once in a transfer' });
      seen.add(l.productId);
    }
  });
export type Transfer = z.infer<typeof transferSchema>;
