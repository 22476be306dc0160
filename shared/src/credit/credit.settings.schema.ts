import { z } from 'zod';

/**
 * The chain's credit settings (issue 20). `shareCustomers` off (the default): a customer is seen
 * only by people and counters of the store that made them. On: every store's counters can find
 * them and sell to them on credit, and head office's customer list spans the chain.
 */
export const creditSettingsSchema = z.object({ shareCustomers: z.boolean() });
export type CreditSettings = z.infer<typeof creditSettingsSchema>;

export const creditSettingsUpdateSchema = z.strictObject({ shareCustomers: z.boolean() });
export type CreditSettingsUpdate = z.infer<typeof creditSettingsUpdateSchema>;
