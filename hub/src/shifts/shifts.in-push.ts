import type { PushRequest, ShiftReport } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';

export interface ShiftsOutcome {
  shiftsStored: number;
  shiftsClosed: number;
}

/**
 * The shifts of a push, stored in the push's transaction under the device's store (whatever the
 * report says), by id in key order, one statement. A closed copy replaces an open one; nothing
 * replaces a closed one, so a replayed or late open copy changes nothing. Nothing here is
 * shared by all stores.
 */
export async function storeShiftsOfPush(
  trx: Transaction<Database>,
  device: { storeId: string; deviceId: string },
  request: Pick<PushRequest, 'shifts'>,
  now: Date,
): Promise<ShiftsOutcome | null> {
  if (request.shifts.length === 0) return null;
  const { rows } = await shiftsUpsertSql(device, inKeyOrder(request.shifts), now).execute(trx);
  return { shiftsStored: rows.filter((r) => r.inserted).length, shiftsClosed: rows.filter((r) => r.status === 'closed').length };
}

/** One copy per shift, the closed one when both ride in a push, in id order (rows lock in key order). */
function inKeyOrder(docs: readonly ShiftReport[]): ShiftReport[] {
  const byId = new Map<string, ShiftReport>();
  for (const d of docs) if (byId.get(d.shiftId)?.status !== 'closed') byId.set(d.shiftId, d);
  return [...byId.values()].sort((a, b) => (a.shiftId < b.shiftId ? -1 : 1));
}

function shiftsUpsertSql(device: { storeId: string; deviceId: string }, sorted: readonly ShiftReport[], now: Date) {
  return sql<{ id: string; inserted: boolean; status: string }>`
    INSERT INTO shifts AS s (store_id, id, device_id, counter_code, status, opened_at, closed_at, cash_expected_minor, counted_minor, variance_minor, doc, received_at, updated_at)
    SELECT ${device.storeId}::uuid, (d->>'shiftId')::uuid, ${device.deviceId}::uuid, d->>'counterCode', d->>'status', (d->>'openedAt')::timestamptz,
           (d->>'closedAt')::timestamptz, (d->>'cashExpectedMinor')::bigint, (d->>'countedMinor')::bigint, (d->>'varianceMinor')::bigint, d, ${now}, ${now}
    FROM jsonb_array_elements(${JSON.stringify(sorted)}::jsonb) AS d
    ON CONFLICT (store_id, id) DO UPDATE SET status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, cash_expected_minor = EXCLUDED.cash_expected_minor,
      counted_minor = EXCLUDED.counted_minor, variance_minor = EXCLUDED.variance_minor, doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at
      WHERE s.status = 'open' AND EXCLUDED.status = 'closed' AND s.device_id = EXCLUDED.device_id
    RETURNING id, (xmax = 0) AS inserted, status`;
}
