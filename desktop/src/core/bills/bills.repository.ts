import { DomainError, billSchema, normaliseBillNumber, type Bill, parseMinorJson } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { escapeLike } from '../db/sql-like';
import type { Executor } from '../db/db.types';
import { prepared } from '../db/prepared';

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseBill(docJson: string): Bill {
  return billSchema.parse(parseMinorJson(docJson));
}

/**
 * A bill by its number (as typed or scanned from the receipt) or its id, inside a write
 * transaction: one rung up here, or (`local: false`) one of another counter of the store as the
 * last sync brought it (store_bills, migration 0018).
 */
export function requireBillSync(raw: Database.Database, ref: string): { bill: Bill; local: boolean } {
  const byId = uuidRe.test(ref.trim());
  const key = byId ? ref.trim().toLowerCase() : normaliseBillNumber(ref);
  for (const [table, local] of [['bills', true], ['store_bills', false]] as const) {
    const r = prepared(raw, `SELECT doc_json FROM ${table} WHERE ${byId ? 'id' : 'number'} = ?`).get(key) as { doc_json: string } | undefined;
    if (r) return { bill: parseBill(r.doc_json), local };
  }
  throw new DomainError('NOT_FOUND', `no bill "${ref}" on this counter (bills of the store's other counters arrive with a sync)`, { bill: ref });
}

/** Completed returns and exchanges that took goods back from `billId`, at this counter or another of the store. */
export function returnsOfSync(raw: Database.Database, billId: string): Bill[] {
  const rows = prepared(
    raw,
    `SELECT doc_json FROM bills WHERE original_bill_id = ? AND status = 'completed'
     UNION ALL SELECT doc_json FROM store_bills s WHERE s.original_bill_id = ? AND s.status = 'completed' AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.id = s.id)`,
  ).all(billId, billId) as { doc_json: string }[];
  return rows.map((r) => parseBill(r.doc_json));
}

/** How much of each line of `billId` was returned already (derived from the return bills, never stored). */
export function returnedQtySync(raw: Database.Database, billId: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const b of returnsOfSync(raw, billId)) {
    for (const l of b.lines) if (l.direction === 'return' && l.returnOf?.billId === billId) out.set(l.returnOf.lineNo, (out.get(l.returnOf.lineNo) ?? 0) + l.qty);
  }
  return out;
}

export interface BillQuery {
  number?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  amountMinor?: number | undefined;
  kind?: Bill['kind'] | undefined;
  limit: number;
}

export interface BillSummary {
  id: string;
  number: string;
  kind: Bill['kind'];
  status: Bill['status'];
  occurredAt: string;
  totalMinor: number;
  cashier: string | null;
  methods: string[];
  lines: number;
  originalNumber: string | null;
  /** The counter that rang it up; `thisCounter` false for another counter's, as the last sync brought it. */
  counterCode: string;
  thisCounter: boolean;
}

/** Bills newest first: by (part of) the number, a time range, the amount (paid or refunded). */
export async function findBills(db: Executor, q: BillQuery): Promise<BillSummary[]> {
  // This counter's bills and, after them in time order, those of the store's other counters the last sync brought.
  const found = async (table: 'bills' | 'store_bills') => {
    let query = db.selectFrom(table).select(['doc_json', 'occurred_at', 'id']).orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.limit);
    if (q.number) query = query.where(sql<boolean>`number like ${`%${escapeLike(normaliseBillNumber(q.number))}%`} escape '\\'`);
    if (q.from) query = query.where('occurred_at', '>=', q.from);
    if (q.to) query = query.where('occurred_at', '<', q.to);
    if (q.amountMinor !== undefined) query = query.where('total_minor', 'in', [q.amountMinor, -q.amountMinor]);
    if (q.kind) query = query.where('kind', '=', q.kind);
    return (await query.execute()).map((r) => ({ ...r, local: table === 'bills' }));
  };
  const own = await found('bills');
  const ids = new Set(own.map((r) => r.id));
  const rows = [...own, ...(await found('store_bills')).filter((r) => !ids.has(r.id))]
    .sort((a, b) => (a.occurred_at === b.occurred_at ? (a.id < b.id ? 1 : -1) : a.occurred_at < b.occurred_at ? 1 : -1))
    .slice(0, q.limit);
  return rows.map((r) => {
    const b = parseBill(r.doc_json);
    return { id: b.id, number: b.number, kind: b.kind, status: b.status, occurredAt: b.occurredAt, totalMinor: b.totalMinor, cashier: b.cashier.name, methods: [...new Set(b.payments.map((p) => p.method))], lines: b.lines.length, originalNumber: b.originalNumber, counterCode: b.counterCode, thisCounter: r.local };
  });
}
