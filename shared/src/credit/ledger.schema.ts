import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { dayStringSchema } from '../domain/store-time';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { paymentMethodSchema } from '../bills/bill.schema';
import { MAX_MINOR } from '../units/units';

/**
 * The customer ledger (khata) is an append-only log of entries, recorded on the counter first and
 * synced on the push under the counter's own entry seq: the hub keeps each entry once, by id and
 * by (device, seq), so a replay or a copy that rides twice never counts twice. Amounts are integer
 * minor units, signed from the shop's side: positive = the customer owes more (a credit sale, a
 * debit adjustment, an opening balance owed), negative = the customer owes less (a payment, a
 * credit adjustment). The balance is the sum (ledger.balance.ts), never a stored number.
 */

export const ledgerKinds = ['credit_sale', 'payment', 'adjustment', 'opening'] as const;
export const ledgerKindSchema = z.enum(ledgerKinds);
export type LedgerKind = z.infer<typeof ledgerKindSchema>;

/** How a customer pays back: any method a bill takes, except credit itself. */
export const repaymentMethodSchema = paymentMethodSchema.exclude(['credit']);
export type RepaymentMethod = z.infer<typeof repaymentMethodSchema>;

const personSchema = z.strictObject({ id: uuidSchema.nullable(), name: z.string().nullable() });
const owed = z.number().int().min(1).max(MAX_MINOR);
const signed = z
  .number()
  .int()
  .min(-MAX_MINOR)
  .max(MAX_MINOR)
  .refine((n) => n !== 0, { message: 'must not be zero' });

const common = {
  id: uuidv7Schema,
  storeId: uuidSchema,
  customerId: uuidv7Schema,
  deviceId: uuidSchema,
  /** The counter's own running number for ledger entries, 1, 2, 3 … without gaps. */
  entrySeq: z.number().int().min(1),
  occurredAt: isoDateTimeSchema,
  by: personSchema,
  note: z.string().max(500).nullable(),
};

export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('credit_sale'),
    amountMinor: owed,
    billId: uuidv7Schema,
    billNumber: z.string().min(3).max(64),
    /** The day (store's calendar) it should be paid by; null: the store's usual terms. */
    dueOn: dayStringSchema.nullable(),
    /** A manager let it go over the customer's limit. */
    approvedBy: z.strictObject({ id: uuidSchema, name: z.string() }).nullable(),
  }),
  z.strictObject({ ...common, kind: z.literal('payment'), amountMinor: z.number().int().min(-MAX_MINOR).max(-1), method: repaymentMethodSchema }),
  z.strictObject({ ...common, kind: z.literal('adjustment'), amountMinor: signed, reason: z.string().trim().min(1).max(300), approvedBy: z.strictObject({ id: uuidSchema, name: z.string() }) }),
  z.strictObject({ ...common, kind: z.literal('opening'), amountMinor: signed }),
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
