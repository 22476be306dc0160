import { sql, type Kysely } from 'kysely';

/**
 * The hub's currency and default language as the counter last heard them (issue 15): an ISO
 * 4217 code and en/ur/hi, sent on enroll and every pull; NULL on a stand-alone store (the
 * counter's own choice, Settings → Language & money). `currency_label` stays what receipts print
 * before amounts and follows the hub's currency (its symbol: Rs, ₹).
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bill_settings ADD COLUMN currency text CHECK (currency IS NULL OR length(currency) = 3)`.execute(db);
  await sql`ALTER TABLE bill_settings ADD COLUMN default_locale text CHECK (default_locale IS NULL OR default_locale IN ('en', 'ur', 'hi'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bill_settings DROP COLUMN currency`.execute(db);
  await sql`ALTER TABLE bill_settings DROP COLUMN default_locale`.execute(db);
}
