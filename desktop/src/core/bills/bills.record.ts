import { billReceiptText, formatBillNumber, settlePayments, uuidv7, type Bill, type BillKind, type Discount, type PaymentMethod } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { DeviceClock } from '../clock/device-clock';
import type { Actor } from '../core.context';
import { prepared } from '../db/prepared';
import { billDocDigest, movementsDigest } from './bills.digest';
import { appendAuditSync, appendMovementsSync, type MovementSpec } from '../movements/movements.sale';
import type { PaymentInput } from '@bazaar/shared';
import type { BillStore } from './bills.settings';
import type { PricedBill } from './bills.lines';

const insertBill = `INSERT INTO bills (id, number, counter_code, counter_no, kind, status, original_bill_id, shift_id, cashier_id, total_minor, occurred_at, doc_json, receipt_text)
  VALUES (@id, @number, @counter_code, @counter_no, @kind, @status, @original_bill_id, @shift_id, @cashier_id, @total_minor, @occurred_at, @doc_json, @receipt_text)`;

export interface RecordBillArgs {
  raw: Database.Database;
  clock: DeviceClock;
  store: BillStore;
  actor: Actor;
  kind: BillKind;
  priced: PricedBill;
  billDiscount: Discount | null;
  payments: readonly PaymentInput[];
  approvedBy: Bill['approvedBy'];
  original: { id: string; number: string } | null;
  reason: string | null;
  /** The stock effects, in line order; each names the line it belongs to. */
  movements: (MovementSpec & { lineNo: number })[];
  action: string;
}

export function receiptFor(bill: Bill, store: BillStore, width: 32 | 48): string {
  return billReceiptText(bill, { width, storeName: store.storeName, header: store.receiptHeader, currencyLabel: store.currencyLabel, minorDigits: store.minorDigits, timeZone: store.timeZone });
}

/**
 * Record a bill inside the caller's write transaction: settle its payments, take the counter's
 * next running number (max + 1 under the write lock: a rollback takes it back, so numbers are
 * gap-free and never reused), write its movements with the bill id as their batch id, the
 * bill itself and its audit row. Everything or nothing.
 */
export function recordBillSync(a: RecordBillArgs): { bill: Bill; movements: ReturnType<typeof appendMovementsSync> } {
  const { raw, store, priced } = a;
  const settlement = settlePayments(priced.totalMinor, a.payments, store.methods as PaymentMethod[]);
  const top = prepared(raw, 'SELECT max(counter_no) AS max FROM bills WHERE counter_code = ?').get(store.counterCode) as { max: number | null } | undefined;
  const counterNo = Number(top?.max ?? 0) + 1;
  const id = uuidv7(a.clock.nowMs());
  const number = formatBillNumber(store.storeCode, store.counterCode, counterNo);
  const shift = prepared(raw, 'SELECT id FROM shifts WHERE closed_at IS NULL LIMIT 1').get() as { id: string } | undefined;
  const written = appendMovementsSync(raw, a.clock, id, a.actor.userId, a.movements.map((m) => ({ ...m, note: m.note ?? (a.kind === 'sale' ? null : `${a.kind} ${number}`) })));
  const occurredAt = written[0]?.row.occurred_at ?? new Date(a.clock.nowMs()).toISOString();
  const bill: Bill = {
    id,
    number,
    storeId: store.storeId,
    storeCode: store.storeCode,
    counterCode: store.counterCode,
    counterNo,
    deviceId: store.deviceId,
    kind: a.kind,
    status: 'completed',
    originalBillId: a.original?.id ?? null,
    originalNumber: a.original?.number ?? null,
    shiftId: shift?.id ?? null,
    cashier: { id: a.actor.userId, name: a.actor.name },
    approvedBy: a.approvedBy,
    reason: a.reason,
    lines: priced.lines,
    billDiscount: a.billDiscount,
    subtotalMinor: priced.subtotalMinor,
    discountMinor: priced.discountMinor,
    roundingMinor: priced.roundingMinor,
    totalMinor: priced.totalMinor,
    payments: settlement.payments,
    changeMinor: settlement.changeMinor,
    occurredAt,
    void: null,
  };
  prepared(raw, insertBill).run({
    id,
    number,
    counter_code: store.counterCode,
    counter_no: counterNo,
    kind: a.kind,
    status: 'completed',
    original_bill_id: bill.originalBillId,
    shift_id: bill.shiftId,
    cashier_id: a.actor.userId,
    total_minor: bill.totalMinor,
    occurred_at: occurredAt,
    doc_json: JSON.stringify(bill),
    receipt_text: receiptFor(bill, store, 48),
  });
  const at = new Date(a.clock.nowMs());
  appendAuditSync(raw, {
    actor: a.actor,
    action: a.action,
    entity: 'bill',
    entityId: id,
    storeId: store.storeId,
    before: null,
    after: {
      number,
      kind: a.kind,
      originalNumber: bill.originalNumber,
      totalMinor: bill.totalMinor,
      discountMinor: bill.discountMinor,
      payments: bill.payments,
      // The lines live in the bill and its movements; the row seals both instead of repeating them (issue 25).
      lineCount: written.length,
      seqs: written.length ? [written[0]!.row.seq, written.at(-1)!.row.seq] : null,
      docSha256: billDocDigest(bill),
      movesSha256: movementsDigest(written.map((w) => w.row)),
    },
    at,
  });
  // Approvals get their own row: searchable by action, off the sale's index-less hot action.
  if (bill.approvedBy) {
    appendAuditSync(raw, { actor: { id: bill.approvedBy.id, name: bill.approvedBy.name }, action: 'bill.approve', entity: 'bill', entityId: id, storeId: store.storeId, before: null, after: { number, reasons: bill.approvedBy.reasons, cashier: a.actor.name, reason: a.reason }, at });
  }
  return { bill, movements: written };
}
