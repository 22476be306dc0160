import { z } from 'zod';
import { uuidSchema } from '../ids/uuidv7';
import { customerSchema } from './customer.schema';
import { ledgerEntrySchema } from './ledger.schema';

export const MAX_PUSH_CUSTOMERS = 1000;
export const MAX_PUSH_CREDIT_ENTRIES = 1000;
export const MAX_PULL_CREDIT_ENTRIES = 2000;

/**
 * `GET /sync/customers`: every customer of the device's store, and the store's ledger entries
 * after `cursor` (the hub's arrival order), so a payment can be taken at any counter of the store.
 */
export const syncCustomersQuerySchema = z.strictObject({ cursor: z.string().regex(/^\d{1,18}$/).optional() });
export const syncCustomersResponseSchema = z.object({
  customers: z.array(customerSchema),
  entries: z.array(ledgerEntrySchema),
  /** Pass back to continue; the last page's is the one to keep. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /**
   * On the last page: per customer the counter may see, the sum of their entries held by the
   * chain's other stores (a chain-shared customer buys elsewhere too; zero sums left out). The
   * counter adds its own store's entries. Absent from a hub that predates it.
   */
  elsewhere: z.array(z.object({ customerId: uuidSchema, balanceMinor: z.number().int() })).optional(),
});
export type SyncCustomersResponse = z.infer<typeof syncCustomersResponseSchema>;
