import { z } from 'zod';
import { deviceMovementSchema } from '../domain/movements.schema';
import { isoDateTimeSchema } from '../domain/common.schema';
import { productCreateSchema, productSchema, storeSchema, supplierSchema } from '../domain/catalog.schema';
import { staffMemberSchema } from '../domain/users.schema';
import { hubLocaleSchema } from '../domain/hub-settings.schema';
import { stockRowSchema } from '../domain/stock.schema';
import { uuidSchema } from '../ids/uuidv7';
import { hlcStringSchema } from '../hlc/hlc';
import { billSchema } from '../bills/bill.schema';
import { goodsReceiptSchema } from '../purchases/goods-receipt.schema';
import { purchaseOrderSchema } from '../purchases/purchase-order.schema';
import { transferSchema } from '../transfers/transfer.schema';
import { shiftReportSchema } from '../bills/shift.report';
import { customerSchema } from '../credit/customer.schema';
import { ledgerEntrySchema } from '../credit/ledger.schema';
import { MAX_PUSH_CREDIT_ENTRIES, MAX_PUSH_CUSTOMERS } from '../credit/credit.sync.schema';

export const MAX_PUSH_MOVEMENTS = 1000;
export const MAX_PUSH_PRODUCTS = 1000;
export const MAX_PUSH_TRANSFERS = 200;
export const MAX_PUSH_SHIFTS = 50;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;

/** A product a device created while offline (its id is the device's choice). */
export const offlineProductSchema = productCreateSchema.safeExtend({ id: uuidSchema });
export type OfflineProduct = z.infer<typeof offlineProductSchema>;

/**
 * A movement as pushed: `hlc` is the stamp the device finalised at its first exchange with the
 * hub after recording it (hlc.correction.ts); `stampedHlc` is the stamp its clock first gave when
 * that differs, and `deviceTime` the device's own clock reading, both kept for audit.
 */
export const syncMovementSchema = deviceMovementSchema.safeExtend({
  stampedHlc: hlcStringSchema.optional(),
  deviceTime: isoDateTimeSchema.optional(),
});
export type SyncMovement = z.infer<typeof syncMovementSchema>;
export type SyncMovementInput = z.input<typeof syncMovementSchema>;

/** The device's clock when it sent a request: the hub flags clocks off either way. */
export const deviceClockReportSchema = z.strictObject({
  /** Raw device clock (ms since the epoch). */
  deviceTime: z.number().int(),
  /** The offset to hub time the device applies (ms). */
  offsetMs: z.number().int(),
});
export type DeviceClockReport = z.infer<typeof deviceClockReportSchema>;

export const pushRequestSchema = z.strictObject({
  movements: z.array(syncMovementSchema).max(MAX_PUSH_MOVEMENTS, `at most ${MAX_PUSH_MOVEMENTS} movements per push`),
  products: z.array(offlineProductSchema).max(MAX_PUSH_PRODUCTS).default([]),
  /**
   * The bills (DESIGN §9 documents) whose movements are in this push, as they stand now: a bill
   * travels with its movements, and again with the movements of its void. Stored by id, so a
   * replay changes nothing; the only change a later copy makes is completed → voided.
   */
  bills: z.array(billSchema).max(MAX_PUSH_MOVEMENTS).default([]),
  /**
   * Purchase orders made or changed at this counter and not yet acknowledged (they move no
   * stock, so they ride on whatever push comes next), and the goods receipts whose IN movements
   * are in this push. Stored by id at the hub; a replay changes nothing (purchases.in-push.ts).
   */
  purchaseOrders: z.array(purchaseOrderSchema).max(MAX_PUSH_MOVEMENTS).default([]),
  goodsReceipts: z.array(goodsReceiptSchema).max(MAX_PUSH_MOVEMENTS).default([]),
  /**
   * Transfers (issue 18) this device's store acted on, as they stand here: with the movements of a
   * dispatch or a receipt, and alone for a receipt that moved nothing or a close. The hub keeps
   * only the side the device's store owns (transfer.sides.ts), by id, so a replay changes nothing.
   */
  transfers: z.array(transferSchema).max(MAX_PUSH_TRANSFERS).default([]),
  /**
   * The counter's shifts (issue 17) opened or closed here and not yet acknowledged: the report
   * as it stands (open, or closed with its Z report). They move no stock, so they ride on
   * whatever push comes next. Stored by id; a closed copy replaces an open one, never back.
   */
  shifts: z.array(shiftReportSchema).max(MAX_PUSH_SHIFTS).default([]),
  /**
   * Customers made or changed at this counter and not yet acknowledged, and its ledger entries
   * not yet acknowledged (issue 20), each under the device's own entry seq. A credit sale's entry
   * rides only once its bill's movements are in this push or acknowledged. The hub keeps a
   * customer by id (a later copy replaces an earlier one) and an entry once by id and (device,
   * entry seq): a replay or a second copy counts nothing twice (credit.in-push.ts).
   */
  customers: z.array(customerSchema).max(MAX_PUSH_CUSTOMERS).default([]),
  creditEntries: z.array(ledgerEntrySchema).max(MAX_PUSH_CREDIT_ENTRIES).default([]),
  /** The device's current clock, so the hub can see drift even in an empty push. */
  deviceHlc: hlcStringSchema.optional(),
  clock: deviceClockReportSchema.optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushRequestInput = z.input<typeof pushRequestSchema>;

export const pushItemStatuses = ['applied', 'duplicate', 'rejected'] as const;
export const pushItemResultSchema = z.object({
  id: uuidSchema,
  seq: z.number().int(),
  status: z.enum(pushItemStatuses),
  reason: z.string().nullable(),
});
export type PushItemResult = z.infer<typeof pushItemResultSchema>;

export const productRemapSchema = z.object({ fromProductId: uuidSchema, toProductId: uuidSchema, sku: z.string() });
export type ProductRemap = z.infer<typeof productRemapSchema>;

/**
 * The sync protocol a counter speaks, sent as the header `Bazaar-Sync-Protocol` (a
 * header, so a hub that predates it ignores it rather than refusing an unknown body field).
 * 1 (no header): the answer lists every movement. 2: it lists only the movements that were not
 * applied (duplicates, rejections); every other movement of the batch, all at or below
 * `ackedSeq` in a 200 answer, was applied, and `applied` says how many.
 */
export const SYNC_PROTOCOL_HEADER = 'Bazaar-Sync-Protocol';
/**
 * 3: money fields carry currency-neutral names (`priceMinor`, a discount's `minor`; before,
 * `pricePaise` and `paise`: minor-keys.compat.ts). A counter sends the header on every request;
 * the hub answers a device that sends none, or one below 3, with the old names, and takes either
 * spelling in any request body.
 */
export const SYNC_PROTOCOL_VERSION = 3;

export const pushResponseSchema = z.object({
  /** Highest seq of this device the hub holds with no gap below it. */
  ackedSeq: z.number().int(),
  /** Protocol 1: one per movement. Protocol 2: only those not applied. */
  results: z.array(pushItemResultSchema),
  /** Present from protocol 2 on: the answer leaves applied movements out of `results`. */
  protocol: z.number().int().min(2).optional(),
  /** Protocol 2: how many movements of the batch were newly applied. */
  applied: z.number().int().min(0).optional(),
  remaps: z.array(productRemapSchema),
  /** Hub wall time (ms) for the device's clock offset. */
  serverTime: z.number().int(),
  hubHlc: hlcStringSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  serverTime: z.number().int(),
  hubHlc: hlcStringSchema,
  /** Pass back as `cursor` to continue; the last page's cursor is the one to keep. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** The stock in this answer includes this device's movements up to this seq. */
  includesSeq: z.number().int(),
  /**
   * The hub's acknowledged seq for this device now. Below what the device holds as acknowledged
   * (the hub was restored from an older backup), the device sends again from there.
   */
  ackedSeq: z.number().int().optional(),
  store: storeSchema,
  /**
   * The hub's currency and default language, on every full page (a settings change bumps the
   * catalog, so the next pull is one). Absent from the quick pull after a push and from older
   * hubs: the device keeps what it last heard.
   */
  hub: hubLocaleSchema.optional(),
  products: z.array(productSchema),
  suppliers: z.array(supplierSchema),
  staff: z.array(staffMemberSchema),
  stock: z.array(stockRowSchema),
  remaps: z.array(productRemapSchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** `GET /sync/time`: hub time before a device finalises its stamps, and its acknowledged seq. */
export const timeResponseSchema = z.object({
  serverTime: z.number().int(),
  hubHlc: hlcStringSchema,
  ackedSeq: z.number().int(),
});
export type TimeResponse = z.infer<typeof timeResponseSchema>;

/**
 * `GET /sync/bills`: the bills other counters of the device's store rang up or changed (a void),
 * oldest change first, from the last 90 days — so a customer can bring goods back to any counter
 * of the store, offline too. Pass `cursor` back to continue; keep the last page's.
 */
export const STORE_BILL_DAYS = 90;
export const storeBillsQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const storeBillsResponseSchema = z.object({
  bills: z.array(billSchema),
  /** Where the next call starts; null when the store has no such bills yet. */
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type StoreBillsResponse = z.infer<typeof storeBillsResponseSchema>;
