import { customerCreateSchema, creditLimitSchema, dayStringSchema, locales, repaymentMethodSchema, MAX_MINOR, type Ageing, type Customer, type LedgerEntry, type Overdue, type Statement } from '@bazaar/shared';
import { z } from 'zod';
import { printerAddressSchema } from '../bills/printer.address';
import { rasterInput } from '../bills/bills.api';
import { approvalInput } from '../core.api';

/*
 * Customers and udhaar at the counter (issue 20). A customer is named by phone (as typed, any
 * spacing), by name, or by id; inputs are validated with these schemas.
 */

export const customerRef = z.string().trim().min(1, 'name a customer (phone or name)').max(200);
const amount = z.number().int('must be whole minor units').min(1, 'must be more than zero').max(MAX_MINOR);

export const addCustomerInput = customerCreateSchema;
export type AddCustomerInput = z.input<typeof addCustomerInput>;

export const updateCustomerInput = z.strictObject({
  customer: customerRef,
  name: z.string().trim().min(1).max(200).optional(),
  address: z.string().trim().max(300).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  creditLimitMinor: creditLimitSchema.optional(),
});
export type UpdateCustomerInput = z.input<typeof updateCustomerInput>;

export const findCustomersInput = z.strictObject({ query: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(200).default(20) });
export type FindCustomersInput = z.input<typeof findCustomersInput>;

export const showCustomerInput = z.strictObject({ customer: customerRef, from: dayStringSchema.optional(), to: dayStringSchema.optional() });
export type ShowCustomerInput = z.input<typeof showCustomerInput>;

export const receivePaymentInput = z.strictObject({ customer: customerRef, amountMinor: amount, method: repaymentMethodSchema.default('cash'), note: z.string().trim().max(500).optional() });
export type ReceivePaymentInput = z.input<typeof receivePaymentInput>;

export const adjustBalanceInput = z.strictObject({
  customer: customerRef,
  /** Positive: the customer owes more; negative: less. */
  amountMinor: z.number().int().min(-MAX_MINOR).max(MAX_MINOR).refine((n) => n !== 0, 'must not be zero'),
  reason: z.string().trim().min(1, 'say why').max(300),
  /** An opening balance (what the customer owed in the old khata) instead of an adjustment. */
  opening: z.boolean().default(false),
  approval: approvalInput.optional(),
});
export type AdjustBalanceInput = z.input<typeof adjustBalanceInput>;

export const overdueInput = z.strictObject({ overdueOnly: z.boolean().default(false), limit: z.number().int().min(1).max(1000).default(100) });
export type OverdueInput = z.input<typeof overdueInput>;

/**
 * A customer's statement on the counter's receipt printer, in the reader's language and money
 * (the text the Khata screen previews); `raster`: the screen's drawing of it for Urdu or Hindi.
 */
export const printStatementInput = z.strictObject({
  customer: customerRef,
  from: dayStringSchema.optional(),
  to: dayStringSchema.optional(),
  printer: printerAddressSchema.optional(),
  width: z.union([z.literal(32), z.literal(48)]).optional(),
  locale: z.enum(locales).default('en'),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  raster: rasterInput.optional(),
});
export type PrintStatementInput = z.input<typeof printStatementInput>;

export interface PrintedStatement {
  /** The customer's name. */
  customer: string;
  printer: string;
  bytes: number;
  raster: boolean;
  /** What was printed (or drawn), as the printer's columns hold it. */
  text: string;
}

/** A customer as the counter shows them: the balance and what is overdue are derived from the ledger here. */
export interface CustomerView {
  customer: Customer;
  balanceMinor: number;
  /** Of the balance, what the chain's other stores hold (a chain-shared customer), as of the last pull. */
  elsewhereMinor: number;
  /** How much more they may take on credit; null: no limit. */
  availableMinor: number | null;
  overdue: Overdue;
  ageing: Ageing;
}

export interface CustomerStatementView extends CustomerView {
  /** From its first entry unless a period is asked; the reminder text is built from it by the reader (in their language). */
  statement: Statement;
  storeName: string;
}

export interface LedgerEntryResult {
  entry: LedgerEntry;
  balanceMinor: number;
}

export interface CreditApi {
  addCustomer(input: AddCustomerInput): Promise<CustomerView>;
  updateCustomer(input: UpdateCustomerInput): Promise<CustomerView>;
  findCustomers(input: FindCustomersInput): Promise<CustomerView[]>;
  showCustomer(input: ShowCustomerInput): Promise<CustomerStatementView>;
  receivePayment(input: ReceivePaymentInput): Promise<LedgerEntryResult>;
  adjustBalance(input: AdjustBalanceInput): Promise<LedgerEntryResult>;
  receivables(input?: OverdueInput): Promise<CustomerView[]>;
  printStatement(input: PrintStatementInput): Promise<PrintedStatement>;
}
