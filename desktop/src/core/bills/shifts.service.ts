import { DomainError, shiftReport, uuidv7, type ShiftReport } from '@bazaar/shared';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.log';
import { nowIso, requireActor, type CoreContext } from '../core.context';
import type { Executor, ShiftRow } from '../db/db.types';
import { writeTx } from '../db/write-tx';
import type { closeShiftInput, openShiftInput } from './bills.api';
import { parseBill } from './bills.repository';
import { billStoreSync } from './bills.settings';

async function openShiftRow(db: Executor): Promise<ShiftRow | undefined> {
  return db.selectFrom('shifts').selectAll().where('closed_at', 'is', null).executeTakeFirst();
}

export async function reportOf(db: Executor, s: ShiftRow, storeCode: string, close: Parameters<typeof shiftReport>[2]): Promise<ShiftReport> {
  const rows = await db.selectFrom('bills').select('doc_json').where('shift_id', '=', s.id).orderBy('counter_no').execute();
  const head = { shiftId: s.id, storeCode, counterCode: s.counter_code, openedAt: s.opened_at, openedBy: s.opened_by_name, floatMinor: s.float_minor };
  return shiftReport(head, rows.map((r) => parseBill(r.doc_json)), close);
}

/** Open the counter's shift with the float in the drawer; every bill until the close belongs to it. */
export async function openShift(ctx: CoreContext, input: z.output<typeof openShiftInput>): Promise<ShiftReport> {
  const actor = await requireActor(ctx);
  const store = billStoreSync(ctx.raw);
  return writeTx(ctx.db, async (db) => {
    const open = await openShiftRow(db);
    if (open) throw new DomainError('CONFLICT', `a shift is open since ${open.opened_at} (by ${open.opened_by_name ?? 'the counter'}): close it first`);
    const row: ShiftRow = { id: uuidv7(ctx.clock.nowMs()), counter_code: store.counterCode, opened_at: nowIso(ctx), opened_by_id: actor.userId, opened_by_name: actor.name, float_minor: input.floatMinor, closed_at: null, closed_by_id: null, closed_by_name: null, report_json: null, pushed_status: null };
    await db.insertInto('shifts').values(row).execute();
    await appendAudit(db, { actor, action: 'shift.open', entity: 'shift', entityId: row.id, storeId: store.storeId, before: null, after: { counterCode: row.counter_code, floatMinor: row.float_minor }, at: new Date(ctx.clock.nowMs()) });
    return reportOf(db, row, store.storeCode, null);
  });
}

/** The open shift's figures so far (an X report), or null when no shift is open. */
export async function currentShift(ctx: CoreContext): Promise<ShiftReport | null> {
  const open = await openShiftRow(ctx.db);
  return open ? reportOf(ctx.db, open, billStoreSync(ctx.raw).storeCode, null) : null;
}

/** Close the shift with the cash counted by denomination: expected vs counted, kept as the Z report. Works offline. */
export async function closeShift(ctx: CoreContext, input: z.output<typeof closeShiftInput>): Promise<ShiftReport> {
  const actor = await requireActor(ctx);
  const store = billStoreSync(ctx.raw);
  return writeTx(ctx.db, async (db) => {
    const open = await openShiftRow(db);
    if (!open) throw new DomainError('UNPROCESSABLE', 'no shift is open on this counter (open one with a float first)');
    const at = nowIso(ctx);
    const report = await reportOf(db, open, store.storeCode, { at, by: actor.name, counted: input.counted });
    await db.updateTable('shifts').set({ closed_at: at, closed_by_id: actor.userId, closed_by_name: actor.name, report_json: JSON.stringify(report) }).where('id', '=', open.id).execute();
    await appendAudit(db, { actor, action: 'shift.close', entity: 'shift', entityId: open.id, storeId: store.storeId, before: { floatMinor: open.float_minor }, after: { cashExpectedMinor: report.cashExpectedMinor, countedMinor: report.countedMinor, varianceMinor: report.varianceMinor, byMethod: report.byMethod }, at: new Date(ctx.clock.nowMs()) });
    return report;
  });
}
