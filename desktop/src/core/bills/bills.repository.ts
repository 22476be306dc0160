import { DomainError, billSchema, normaliseBillNumber, type Bill } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { escapeLike } from '../db/sql-like';
import type { Executor } from '../db/db.types';
import { prepared } from '../db/prepared';

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseBill(docJson: string): Bill {
  return billSchema.parse(JSON.parse(docJson));
}

/** A bill by its number (as typed or scanned from the receipt) or its id, inside a write transaction. */
export function requireBillSync(raw: Database.Database, ref: string): { bill: Bill; receiptText: string } {
  const r = uuidRe.test(ref.trim())
    ? (prepared(raw, 'SELECT doc_json, receipt_text FROM bills WHERE id = ?').get(ref.trim().toLowerCase()) as { doc_json: string; receipt_text: string } | undefined)
    : (prepared(raw, 'SELECT doc_json, receipt_text FROM bills WHERE number = ?').get(normaliseBillNumber(ref)) as { doc_json: string; receipt_text: string } | undefined);
  if (!r) throw new DomainError('NOT_FOUND', `no bill "${ref}" on this counter`, { bill: ref });
  return { bill: parseBill(r.doc_json), receiptText: r.receipt_text };
}

/** Completed returns and exchanges that took goods back from `billId`. */
export function returnsOfSync(raw: Database.Database, billId: string): Bill[] {
  const rows = prepared(raw, "SELECT doc_json FROM bills WHERE original_bill_id = ? AND status = 'completed' ORDER BY counter_no").all(billId) as { doc_json: string }[];
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
  amountPaise?: number | undefined;
  kind?: Bill['kind'] | undefined;
  limit: number;
}

export interface BillSummary {
  id: string;
  number: string;
  kind: Bill['kind'];
  status: Bill['status'];
  occurredAt: string;
  totalPaise: number;
  cashier: string | null;
  methods: string[];
  lines: number;
  originalNumber: string | null;
}

/** Bills newest first: by (part of) the number, a time range, the amount (paid or refunded). */
export async function findBills(db: Executor, q: BillQuery): Promise<BillSummary[]> {
  let query = db.selectFrom('bills').select(['doc_json']).orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.limit);
  if (q.number) query = query.where(sql<boolean>`number like ${`%${escapeLike(normaliseBillNumber(q.number))}%`} escape '\\'`);
  if (q.from) query = query.where('occurred_at', '>=', q.from);
  if (q.to) query = query.where('occurred_at', '<', q.to);
  if (q.amountPaise !== undefined) query = query.where('total_paise', 'in', [q.amountPaise, -q.amountPaise]);
  if (q.kind) query = query.where('kind', '=', q.kind);
  const rows = await query.execute();
  return rows.map((r) => {
    const b = parseBill(r.doc_json);
    return { id: b.id, number: b.number, kind: b.kind, status: b.status, occurredAt: b.occurredAt, totalPaise: b.totalPaise, cashier: b.cashier.name, methods: [...new Set(b.payments.map((p) => p.method))], lines: b.lines.length, originalNumber: b.originalNumber };
  });
}
