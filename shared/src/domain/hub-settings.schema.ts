import { z } from 'zod';
import { currencyInfo, CurrencyError } from '../i18n/currency';
import { locales } from '../i18n/locales';
import { isoDateTimeSchema } from './common.schema';

/** An ISO 4217 code the shared money formatting knows (upper-cased): "pkr" → "PKR"; "XYZ" is refused. */
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as PKR or INR')
  .refine(
    (code) => {
      try {
        currencyInfo(code);
        return true;
      } catch (err) {
        if (err instanceof CurrencyError) return false;
        throw err;
      }
    },
    { message: 'is not a currency this hub knows (ISO 4217)' },
  );

export const localeSchema = z.enum(locales);

/**
 * `GET /settings`: the hub's currency (amounts everywhere are integers of its minor unit) and the
 * language people see until they pick their own. Digits and symbol come from `currencyInfo`.
 */
export const hubSettingsSchema = z.object({
  currency: z.string(),
  currencyMinorDigits: z.number().int().min(0).max(4),
  /** What people write before an amount ("Rs", "₹"); null where Intl's own symbol is used. */
  currencySymbol: z.string().nullable(),
  defaultLocale: localeSchema,
  updatedAt: isoDateTimeSchema,
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;

/** `PATCH /settings` (admins): change either or both. */
export const hubSettingsUpdateSchema = z
  .strictObject({ currency: currencyCodeSchema.optional(), defaultLocale: localeSchema.optional() })
  .refine((v) => v.currency !== undefined || v.defaultLocale !== undefined, { message: 'give currency, defaultLocale or both' });
export type HubSettingsUpdate = z.infer<typeof hubSettingsUpdateSchema>;

/** The hub-wide part of what a counter learns on enroll and on each pull (optional: older hubs send none). */
export const hubLocaleSchema = z.object({ currency: z.string(), defaultLocale: localeSchema });
export type HubLocale = z.infer<typeof hubLocaleSchema>;
