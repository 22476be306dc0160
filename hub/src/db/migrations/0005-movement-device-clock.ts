import { sql, type Kysely } from 'kysely';

/**
 * Wrong device clocks (issue 14). A device movement keeps, beside the stamp the hub orders it
 * by (`hlc`), the stamp its device sent (`device_hlc`, as first issued by the device's clock)
 * and the device's own clock reading (`device_time`); `occurred_at` is the corrected time that
 * date reports file it under. `devices.clock_error_ms` is the device's raw clock error at its
 * last push, so a clock going wrong (fast or slow) is flagged once, not on every push.
 *
 * Frozen in time: no app imports. Nullable columns: instant on a large table, no backfill.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE movements ADD COLUMN device_hlc text COLLATE "C", ADD COLUMN device_time timestamptz`.execute(db);
  await sql`ALTER TABLE devices ADD COLUMN clock_error_ms bigint`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE movements DROP COLUMN device_hlc, DROP COLUMN device_time`.execute(db);
  await sql`ALTER TABLE devices DROP COLUMN clock_error_ms`.execute(db);
}
