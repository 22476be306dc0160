import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { uuidSchema } from '../ids/uuidv7';
import { billKindSchema, billLineSchema, paymentMethodSchema, paymentSchema } from './bill.schema';

/**
 * Bills as head office reads them (issue 17): the names a person reads beside the ids, and a
 * status that says what became of the bill — `returned` once any return or exchange took
 * goods back from it, `voided` once a manager voided it.
 */
export const billViewStatuses = ['completed', 'returned', 'voided'] as const;
export const billViewStatusSchema = z.enum(billViewStatuses);
export type BillViewStatus = z.infer<typeof billViewStatusSchema>;

export const billSummarySchema = z.object({
  id: uuidSchema,
  number: z.string(),
  kind: billKindSchema,
  status: billViewStatusSchema,
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  /** The store's IANA zone: the bill's local time is said in it. */
  timeZone: z.string(),
  deviceId: uuidSchema,
  counterName: z.string(),
  cashierName: z.string().nullable(),
  occurredAt: isoDateTimeSchema,
  totalMinor: z.number().int(),
  /** What completed returns against this bill gave back (≤ 0). */
  returnedMinor: z.number().int(),
  payments: z.array(z.object({ method: paymentMethodSchema, amountMinor: z.number().int() })),
  originalNumber: z.string().nullable(),
});
export type BillSummary = z.infer<typeof billSummarySchema>;

export const billDetailSchema = billSummarySchema.extend({
  /** Each line with its gross margin (lineMarginMinor: charged − cost when sold). */
  lines: z.array(billLineSchema.extend({ marginMinor: z.number().int() })),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  roundingMinor: z.number().int(),
  changeMinor: z.number().int(),
  paymentDetails: z.array(paymentSchema),
  reason: z.string().nullable(),
  approvedByName: z.string().nullable(),
  void: z.object({ at: isoDateTimeSchema, byName: z.string().nullable(), reason: z.string() }).nullable(),
  /** Returns and exchanges that took goods back from this bill, oldest first. */
  returns: z.array(billSummarySchema.pick({ id: true, number: true, kind: true, status: true, occurredAt: true, totalMinor: true, cashierName: true })),
  /** The receipt as printed on 80 mm paper. */
  receiptText: z.string(),
});
export type BillDetail = z.infer<typeof billDetailSchema>;

export const billReportGroups = ['method', 'cashier', 'hour'] as const;
export const billReportGroupSchema = z.enum(billReportGroups);
export type BillReportGroup = z.infer<typeof billReportGroupSchema>;

/** Sales from bills, net of returns (negative bills) and without voided bills. */
export const billReportSchema = z.object({
  groupBy: billReportGroupSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(
    z.object({
      /** The method, the cashier's name (null: none recorded) or the store-local hour "00".."23". */
      key: z.string().nullable(),
      bills: z.number().int(),
      netMinor: z.number().int(),
    }),
  ),
  totalMinor: z.number().int(),
});
export type BillReport = z.infer<typeof billReportSchema>;
