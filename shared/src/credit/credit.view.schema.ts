import { z } from 'zod';
import { dayStringSchema } from '../domain/store-time';
import { uuidSchema } from '../ids/uuidv7';
import { customerSchema } from './customer.schema';
import { ledgerEntrySchema } from './ledger.schema';

/** What head office reads of customers and receivables (issue 20); every figure derived from the entries. */

export const ageingSchema = z.object({ d0_30: z.number().int(), d31_60: z.number().int(), d61_90: z.number().int(), d90plus: z.number().int() });

const storeRef = { storeCode: z.string(), storeName: z.string() };

export const customerSummarySchema = z.object({
  customer: customerSchema,
  ...storeRef,
  balanceMinor: z.number().int(),
  overdueMinor: z.number().int(),
  /** Days since the oldest open debt fell due (0: nothing overdue). */
  daysOverdue: z.number().int(),
  lastEntryAt: z.string().nullable(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export const statementSchema = z.object({
  from: dayStringSchema.nullable(),
  to: dayStringSchema.nullable(),
  openingMinor: z.number().int(),
  lines: z.array(z.object({ entry: ledgerEntrySchema, day: dayStringSchema, balanceMinor: z.number().int() })),
  billedMinor: z.number().int(),
  paidMinor: z.number().int(),
  closingMinor: z.number().int(),
});

export const customerDetailSchema = customerSummarySchema.extend({
  timeZone: z.string(),
  ageing: ageingSchema,
  oldestDueDay: dayStringSchema.nullable(),
  statement: statementSchema,
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customerListQuerySchema = z.strictObject({
  storeId: uuidSchema.optional(),
  /** Phone digits or part of a name. */
  q: z.string().trim().max(100).optional(),
  owing: z.enum(['true', 'false']).optional(),
  /** Only customers with something past its due day (the overdue list), most days late first. */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const customerStatementQuerySchema = z.strictObject({ from: dayStringSchema.optional(), to: dayStringSchema.optional() });

export const receivablesQuerySchema = z.strictObject({
  storeId: uuidSchema.optional(),
  /** Days of collection (payments received) to list, ending today in each store's calendar. */
  days: z.coerce.number().int().min(1).max(366).default(30),
  top: z.coerce.number().int().min(1).max(100).default(10),
  format: z.enum(['json', 'csv']).optional(),
  /** Which table a CSV holds: one row per store (ageing), the top balances, or collection per store and day. */
  part: z.enum(['stores', 'top', 'collections']).default('stores'),
});

const totals = { customers: z.number().int(), balanceMinor: z.number().int(), overdueMinor: z.number().int(), ageing: ageingSchema };
export const receivablesReportSchema = z.object({
  stores: z.array(z.object({ storeId: uuidSchema, ...storeRef, timeZone: z.string(), ...totals })),
  total: z.object(totals),
  top: z.array(z.object({ customerId: uuidSchema, name: z.string(), phone: z.string(), ...storeRef, balanceMinor: z.number().int(), overdueMinor: z.number().int(), daysOverdue: z.number().int() })),
  /** Payments received per day over the last `days` days (each store's own days), all stores together. */
  collections: z.array(z.object({ day: dayStringSchema, paidMinor: z.number().int() })),
  /** The same per store: one row per store and day with a payment, the store's own calendar. */
  collectionsByStore: z.array(z.object({ storeId: uuidSchema, ...storeRef, day: dayStringSchema, paidMinor: z.number().int() })),
});
export type ReceivablesReport = z.infer<typeof receivablesReportSchema>;
