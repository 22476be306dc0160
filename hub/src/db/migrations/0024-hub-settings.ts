import { sql, type Kysely } from 'kysely';

/**
 * The hub's own settings (issue 15): its currency, as an ISO 4217 code (the minor unit and symbol
 * come from the shared currency table, amounts stay integers of the minor unit), and the language
 * people see until they pick their own. One row, chosen at first setup (the first account's
 * registration); a hub from before this migration gets PKR when most of its stores keep Karachi's
 * clock, else INR (what every earlier version showed), and English.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE hub_settings (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    default_locale text NOT NULL DEFAULT 'en' CHECK (default_locale IN ('en', 'ur', 'hi')),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`
    INSERT INTO hub_settings (id, currency, default_locale)
    SELECT true,
      CASE WHEN count(*) FILTER (WHERE time_zone = 'Asia/Karachi') * 2 > count(*) THEN 'PKR' ELSE 'INR' END,
      'en'
    FROM stores`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS hub_settings`.execute(db);
}
