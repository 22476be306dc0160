import { z } from 'zod';
import { isoDateTimeSchema, nameSchema } from '../domain/common.schema';
import { uuidSchema, uuidv7Schema } from '../ids/uuidv7';
import { MAX_MINOR } from '../units/units';

/**
 * A customer who buys on credit (udhaar) at one store (issue 20, DESIGN §9). Made at a counter,
 * offline if need be, and synced like the store's other documents; the hub shows a customer only
 * to people of its store. The balance is never stored here: it is the sum of the ledger.
 */

/** Spaces, dashes, dots and brackets dropped; a leading + kept. */
export function normalisePhone(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

export const phoneSchema = z
  .string()
  .max(40)
  .transform(normalisePhone)
  .refine((p) => /^\+?[0-9]{7,15}$/.test(p), { message: 'must be a phone number of 7 to 15 digits' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** A credit limit in minor units; null: no limit. */
export const creditLimitSchema = z.number().int().min(0).max(MAX_MINOR).nullable();

/** What a counter (or the CLI) asks to add. */
export const customerCreateSchema = z.strictObject({
  name: nameSchema,
  phone: phoneSchema,
  address: optionalText(300),
  note: optionalText(500),
  creditLimitMinor: creditLimitSchema.default(null),
});
export type CustomerCreate = z.output<typeof customerCreateSchema>;
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;

export const customerSchema = z.strictObject({
  id: uuidv7Schema,
  storeId: uuidSchema,
  name: nameSchema,
  phone: phoneSchema,
  address: z.string().max(300).nullable(),
  note: z.string().max(500).nullable(),
  creditLimitMinor: creditLimitSchema,
  /** The counter that made it (null: head office). */
  deviceId: uuidSchema.nullable(),
  createdAt: isoDateTimeSchema,
  /** A later copy replaces an earlier one (a changed limit, a new address). */
  updatedAt: isoDateTimeSchema,
});
export type Customer = z.infer<typeof customerSchema>;
