import { MAX_QTY, transferStatusSchema, type Transfer, type TransferStore } from '@bazaar/shared';
import { z } from 'zod';

/*
 * The transfer operations of the core (issue 18): made and dispatched at the sending counter,
 * counted in at the receiving one. Inputs are validated with these schemas.
 */

const ref = z.string().trim().min(1, 'name a transfer (its number)').max(64);
const product = z.string().trim().min(1, 'name a product (SKU or barcode)').max(64);
const qty = z.number().int('must be whole base units').min(0, 'must not be negative').max(MAX_QTY);

export const createTransferInput = z.strictObject({
  /** The receiving store: its code (as the hub lists it) or id. */
  to: z.string().trim().min(1, 'name the store it goes to').max(64),
  lines: z
    .array(z.strictObject({ product, qty: qty.min(1, 'must be more than zero') }))
    .min(1, 'name at least one product')
    .max(500),
  note: z.string().trim().max(500).optional(),
});
export type CreateTransferInput = z.input<typeof createTransferInput>;

export const dispatchTransferInput = z.strictObject({
  transfer: ref,
  /** What actually leaves, where it differs from the plan (0 = not sent). */
  lines: z.array(z.strictObject({ product, qty })).max(500).default([]),
});
export type DispatchTransferInput = z.input<typeof dispatchTransferInput>;

export const receiveTransferInput = z
  .strictObject({
    transfer: ref,
    /** Counted in: good units, and those that arrived damaged. */
    lines: z.array(z.strictObject({ product, received: qty, damaged: qty.default(0) })).max(500).default([]),
    /** Nothing more will come: lines not counted by now were short. */
    close: z.boolean().default(false),
  })
  .refine((i) => i.lines.length > 0 || i.close, { message: 'count at least one line, or close the transfer', path: ['lines'] });
export type ReceiveTransferInput = z.input<typeof receiveTransferInput>;

export const listTransfersInput = z.strictObject({
  status: transferStatusSchema.optional(),
  direction: z.enum(['out', 'in']).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ListTransfersInput = z.input<typeof listTransfersInput>;

export const showTransferInput = z.strictObject({ transfer: ref });

/** A transfer as the counter shows it: the document, which way it goes here, and the other store by name. */
export interface TransferCounterView {
  transfer: Transfer;
  direction: 'out' | 'in';
  otherStore: TransferStore | null;
}

export interface TransfersApi {
  createTransfer(input: CreateTransferInput): Promise<TransferCounterView>;
  dispatchTransfer(input: DispatchTransferInput): Promise<TransferCounterView>;
  receiveTransfer(input: ReceiveTransferInput): Promise<TransferCounterView>;
  listTransfers(input?: ListTransfersInput): Promise<TransferCounterView[]>;
  showTransfer(input: { transfer: string }): Promise<TransferCounterView>;
  transferStores(): Promise<TransferStore[]>;
}
