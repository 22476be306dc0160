import { billSchema, type Bill } from '@bazaar/shared';
import { sql, type RawBuilder } from 'kysely';
import type { OpenConflict } from '../stock/stock.conflicts';
import { billsInKeyOrder, billsUpsertSql } from './bills.ingest';
import { completedBillsSql, originalsOf, overReturnsAmong } from './bills.over-return';

export interface BillsOutcome {
  inserted: number;
  voided: number;
  conflicts: OpenConflict[];
}

/**
 * storeBills as CTEs of the push's movements statement (applyMovements' `alongside`), so that a
 * push with its bills still costs 5 round trips: the upsert, and a read of the store's completed
 * bills the over-return check adds up. The read sees the store as it was before this statement,
 * after the push took the store's counter (every writer of the store's bills holds it), so the
 * check sees every bill another counter committed; `read` then applies this statement's own
 * writes (bills stored now count with their pushed copy, bills voided now no longer count),
 * which is what storeBills reads after its upsert.
 */
export function billsAlongside(device: { storeId: string; deviceId: string }, bills: readonly Bill[], now: Date) {
  const sorted = billsInKeyOrder(bills);
  const originals = originalsOf(sorted);
  const ctes: RawBuilder<unknown> = sql`bw AS (${billsUpsertSql(device, sorted, now)})`;
  const columns: RawBuilder<unknown> = sql`(SELECT json_agg(bw) FROM bw) AS bills_written,
           ${originals.length ? sql`(SELECT json_agg(x.doc) FROM (${completedBillsSql(device.storeId, originals)}) x)` : sql`NULL::json`} AS bill_docs`;
  function read(row: Record<string, unknown>): BillsOutcome {
    const written = (row.bills_written ?? []) as { id: string; inserted: boolean }[];
    const fresh = new Set(written.filter((w) => w.inserted).map((w) => w.id));
    const voidedNow = new Set(written.filter((w) => !w.inserted).map((w) => w.id));
    const stored = ((row.bill_docs ?? []) as unknown[]).map((d) => billSchema.parse(d)).filter((d) => !voidedNow.has(d.id) && !fresh.has(d.id));
    const freshBills = sorted.filter((b) => fresh.has(b.id));
    const docs = [...stored, ...freshBills.filter((b) => b.status === 'completed')];
    const check = originalsOf(freshBills);
    return { inserted: fresh.size, voided: voidedNow.size, conflicts: check.length ? overReturnsAmong(docs, check, device.storeId, device.deviceId) : [] };
  }
  return { ctes, columns, read };
}
