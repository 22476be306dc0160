import { MAX_PUSH_SHIFTS, shiftReportSchema, type ShiftReport, parseMinorJson } from '@bazaar/shared';
import type { Executor } from '../db/db.types';
import { reportOf } from './shifts.service';

/**
 * The shifts of a push: each one whose status the hub has not acknowledged yet — an open shift
 * with its figures so far, a closed one with its Z report as kept at the close. They move no
 * stock, so they ride on whatever push comes next, alone if need be.
 */
export async function shiftsOfPush(db: Executor, storeCode: () => string): Promise<ShiftReport[]> {
  const rows = await db
    .selectFrom('shifts')
    .selectAll()
    .where((eb) => eb.or([eb('pushed_status', 'is', null), eb.and([eb('closed_at', 'is not', null), eb('pushed_status', '<>', 'closed')])]))
    .orderBy('opened_at')
    .limit(MAX_PUSH_SHIFTS)
    .execute();
  const out: ShiftReport[] = [];
  for (const r of rows) out.push(r.report_json !== null ? shiftReportSchema.parse(parseMinorJson(r.report_json)) : await reportOf(db, r, storeCode(), null));
  return out;
}

/** After the hub answered: each shift sent is acknowledged at the status it was sent with (a close meanwhile stays pending). */
export async function markShiftsPushed(db: Executor, sent: readonly ShiftReport[]): Promise<void> {
  for (const s of sent) {
    let q = db.updateTable('shifts').set({ pushed_status: s.status }).where('id', '=', s.shiftId);
    if (s.status === 'open') q = q.where('closed_at', 'is', null);
    await q.execute();
  }
}
