import { uuidv7, type MovementKind, type RemovalReason } from '@bazaar/shared';
import type { DeviceClock } from '../clock/device-clock';
import type { Executor, MovementRow } from '../db/db.types';
import { applyToStock } from '../stock/stock.view';

export interface NewMovement {
  kind: MovementKind;
  productId: string;
  qty: number;
  unitPriceMinor?: number | null;
  unitCostMinor?: number | null;
  reason?: RemovalReason | null;
  note?: string | null;
  supplierId?: string | null;
  batchId?: string | null;
  userId?: string | null;
  lot?: string | null;
  expiresOn?: string | null;
}

/**
 * Append one movement to the log. Must run inside a write transaction: the seq is the next
 * integer after the highest one, taken under the write lock, so seqs stay gap-free from 1
 * (a rolled-back transaction takes its seq with it).
 */
export async function appendMovement(db: Executor, clock: DeviceClock, m: NewMovement): Promise<MovementRow> {
  const top = await db.selectFrom('movements').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
  const seq = Number(top?.max ?? 0) + 1;
  const hlc = await clock.stamp(db);
  const facts = clock.stampFacts();
  if (facts.jumpMs !== 0) {
    await db
      .updateTable('movements')
      .set((eb) => ({ device_time: eb('device_time', '+', facts.jumpMs), stamp_offset_ms: eb('stamp_offset_ms', '-', facts.jumpMs) }))
      .where('clock_final', '=', 0)
      .where('device_time', 'is not', null)
      .execute();
  }
  const nowMs = facts.deviceTime + facts.offsetMs;
  const row: MovementRow = {
    id: uuidv7(nowMs),
    seq,
    hlc,
    kind: m.kind,
    product_id: m.productId,
    qty: m.qty,
    unit_price_minor: m.unitPriceMinor ?? null,
    unit_cost_minor: m.unitCostMinor ?? null,
    reason: m.reason ?? null,
    note: m.note ?? null,
    supplier_id: m.supplierId ?? null,
    batch_id: m.batchId ?? null,
    user_id: m.userId ?? null,
    occurred_at: new Date(nowMs).toISOString(),
    sync_status: 'pending',
    sync_reason: null,
    device_time: facts.deviceTime,
    stamp_offset_ms: facts.offsetMs,
    stamped_hlc: null,
    clock_final: facts.final ? 1 : 0,
    lot: m.lot ?? null,
    expires_on: m.expiresOn ?? null,
  };
  await db.insertInto('movements').values(row).execute();
  await applyToStock(db, row, row.occurred_at);
  return row;
}
