import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { uuidSchema } from '../ids/uuidv7';
import { baseUnitSchema, MAX_QTY } from '../units/units';
import { transferLineSchema, transferSchema } from './transfer.schema';

/** A store as a transfer names it. */
export const transferStoreSchema = z.object({ id: uuidSchema, code: z.string(), name: z.string() });
export type TransferStore = z.infer<typeof transferStoreSchema>;

const discrepancy = z.object({ short: z.number().int(), over: z.number().int(), damaged: z.number().int() });

/** A transfer as head office reads it: both sides, the stores by name, and what each line is short, over or still in transit. */
export const transferViewSchema = transferSchema.safeExtend({
  fromStore: transferStoreSchema,
  toStore: transferStoreSchema,
  lines: z.array(transferLineSchema.safeExtend({ discrepancy, inTransit: z.number().int(), writtenOff: z.number().int() })),
});
export type TransferView = z.infer<typeof transferViewSchema>;

/** `POST /transfers`: head office plans a transfer; the sending counter dispatches it. */
export const transferCreateSchema = z.strictObject({
  fromStoreId: uuidSchema,
  toStoreId: uuidSchema,
  lines: z
    .array(z.strictObject({ productId: uuidSchema, qty: z.number().int('must be whole base units').min(1, 'must be more than zero').max(MAX_QTY) }))
    .min(1, 'name at least one product')
    .max(500),
  note: z.string().trim().max(500).nullable().default(null),
});
export type TransferCreate = z.infer<typeof transferCreateSchema>;

/** One row of `GET /reports/in-transit`: a product on its way from one store to another. */
export const inTransitRowSchema = z.object({
  fromStoreId: uuidSchema,
  toStoreId: uuidSchema,
  fromStoreCode: z.string(),
  toStoreCode: z.string(),
  productId: uuidSchema,
  sku: z.string(),
  name: z.string(),
  unit: baseUnitSchema,
  qty: z.number().int(),
  transfers: z.number().int(),
  oldestDispatchedAt: isoDateTimeSchema.nullable(),
});
export type InTransitRow = z.infer<typeof inTransitRowSchema>;

/** `GET /sync/transfers`: what a counter needs to dispatch and receive offline. */
export const syncTransfersResponseSchema = z.object({
  /** Open transfers from or to the device's store (drafts to dispatch, dispatched to receive), both sides as the hub knows them. */
  transfers: z.array(transferSchema),
  /** Stores a counter may send to. */
  stores: z.array(transferStoreSchema),
});
export type SyncTransfersResponse = z.infer<typeof syncTransfersResponseSchema>;

