import { currencyInfo, isLocale, type HubLocale, type HubSettings, type Locale } from '@bazaar/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import { iso } from '../http/route-helpers';

type Db = Kysely<Database> | Transaction<Database>;

/** The one row; a hub migrated before any setup still has it (migration 0024 inserts it). */
export async function readHubLocale(db: Db): Promise<HubLocale & { updatedAt: string }> {
  const row = await db.selectFrom('hub_settings').select(['currency', 'default_locale', 'updated_at']).executeTakeFirstOrThrow();
  const defaultLocale: Locale = isLocale(row.default_locale) ? row.default_locale : 'en';
  return { currency: row.currency, defaultLocale, updatedAt: iso(row.updated_at) };
}

export function toHubSettings(s: HubLocale & { updatedAt: string }): HubSettings {
  const info = currencyInfo(s.currency);
  return { currency: info.code, currencyMinorDigits: info.minorDigits, currencySymbol: info.symbol ?? null, defaultLocale: s.defaultLocale, updatedAt: s.updatedAt };
}

export async function readHubSettings(db: Db): Promise<HubSettings> {
  return toHubSettings(await readHubLocale(db));
}

/** Locks the row (FOR UPDATE) so two admins' changes are audited one after the other with true befores. */
export async function writeHubSettings(trx: Transaction<Database>, change: Partial<HubLocale>, at: Date) {
  const before = await trx.selectFrom('hub_settings').select(['currency', 'default_locale']).forUpdate().executeTakeFirstOrThrow();
  const set = { ...(change.currency ? { currency: change.currency } : {}), ...(change.defaultLocale ? { default_locale: change.defaultLocale } : {}), updated_at: at };
  await trx.updateTable('hub_settings').set(set).execute();
  return { before: { currency: before.currency, defaultLocale: before.default_locale }, after: { currency: change.currency ?? before.currency, defaultLocale: change.defaultLocale ?? before.default_locale } };
}
