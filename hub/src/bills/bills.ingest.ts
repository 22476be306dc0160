import type { Bill } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import { insertConflicts } from '../stock/stock.conflicts';
import { overReturnConflicts } from './bills.over-return';

/**
 * Store the bills of a push, in the push's transaction (so a bill is kept exactly when its
 * movements are acknowledged). By id: a replay changes nothing; a later copy of a bill changes
 * it only from completed to voided (a void is final, an older copy never undoes it). The store
 * is the device's, whatever the document says (a bill recorded before enrollment names the
 * counter's provisional store id). One statement for the whole batch, rows in key order.
 */
export async function storeBills(trx: Transaction<Database>, device: { storeId: string; deviceId: string }, bills: readonly Bill[], now: Date): Promise<{ inserted: number; voided: number }> {
  if (bills.length === 0) return { inserted: 0, voided: 0 };
  const sorted = billsInKeyOrder(bills);
  const { rows } = await sql<{ id: string; inserted: boolean }>`${billsUpsertSql(device, sorted, now)}`.execute(trx);
  const fresh = new Set(rows.filter((r) => r.inserted).map((r) => r.id));
  // Only bills stored now can newly break the rule (a replay stores nothing and flags nothing).
  await insertConflicts(trx, await overReturnConflicts(trx, device.storeId, device.deviceId, sorted.filter((b) => fresh.has(b.id))));
  return { inserted: fresh.size, voided: rows.length - fresh.size };
}

/** One entry per bill id (the last copy given), in key order. */
export function billsInKeyOrder(bills: readonly Bill[]): Bill[] {
  return [...new Map(bills.map((b) => [b.id, b])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The INSERT of storeBills (RETURNING id, inserted), to run alone or as a CTE of a statement that writes more. */
export function billsUpsertSql(device: { storeId: string; deviceId: string }, sorted: readonly Bill[], now: Date) {
  return sql`
    INSERT INTO bills AS b (store_id, id, device_id, number, kind, status, original_bill_id, total_minor, occurred_at, doc, received_at, updated_at)
    SELECT ${device.storeId}::uuid, (d->>'id')::uuid, ${device.deviceId}::uuid, d->>'number', d->>'kind', d->>'status', (d->>'originalBillId')::uuid,
           (d->>'totalMinor')::bigint, (d->>'occurredAt')::timestamptz, d, ${now}, ${now}
    FROM jsonb_array_elements(${JSON.stringify(sorted)}::jsonb) AS d
    ON CONFLICT (store_id, id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at
      WHERE b.status = 'completed' AND EXCLUDED.status = 'voided'
    RETURNING id, (xmax = 0) AS inserted`;
}
