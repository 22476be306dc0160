import { sql, type Kysely } from 'kysely';

/**
 * The counter's receipt printer on the network (issue 17): `bill_settings.receipt_printer` is
 * "host:port" of a printer taking raw ESC/POS (port 9100 as most do), or NULL for none (the
 * system print dialog only); `receipt_width` is its paper, 32 (58 mm) or 48 (80 mm) columns.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bill_settings ADD COLUMN receipt_printer text`.execute(db);
  await sql`ALTER TABLE bill_settings ADD COLUMN receipt_width integer NOT NULL DEFAULT 48 CHECK (receipt_width IN (32, 48))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bill_settings DROP COLUMN receipt_printer`.execute(db);
  await sql`ALTER TABLE bill_settings DROP COLUMN receipt_width`.execute(db);
}
