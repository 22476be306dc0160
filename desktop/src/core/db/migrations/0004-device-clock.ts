import { sql, type Kysely } from 'kysely';

/**
 * Wrong PC clocks (issue 14). Each movement records the raw clock reading it was stamped at
 * (`device_time`), the offset to hub time applied then (`stamp_offset_ms`) and whether its stamp
 * is final (`clock_final`). A provisional stamp is finalised at the next exchange with the hub,
 * re-derived from the raw reading with the offset learned then; the first stamp is kept in
 * `stamped_hlc` when that changes it. Rows from before this migration are final as they are.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('movements').addColumn('device_time', 'integer').execute();
  await db.schema.alterTable('movements').addColumn('stamp_offset_ms', 'integer').execute();
  await db.schema.alterTable('movements').addColumn('stamped_hlc', 'text').execute();
  await db.schema.alterTable('movements').addColumn('clock_final', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createIndex('movements_clock_provisional').on('movements').column('seq').where(sql.ref('clock_final'), '=', 0).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('movements_clock_provisional').ifExists().execute();
  for (const c of ['clock_final', 'stamped_hlc', 'stamp_offset_ms', 'device_time']) await db.schema.alterTable('movements').dropColumn(c).execute();
}
