import { billReceiptText, currencyInfo, zonedStamp, receiptCurrencyLabel, lineMarginMinor, type Bill, type BillDetail, type BillSummary, type BillViewStatus } from '@bazaar/shared';
import { sql } from 'kysely';
import { iso } from '../http/route-helpers';
import { returnedSql } from './bills.filters';

/** The columns a bill summary is read from (bills b, stores s, devices d). */
export const summaryColumns = [
  'b.id',
  'b.number',
  'b.kind',
  'b.status',
  'b.store_id',
  'b.device_id',
  'b.occurred_at',
  'b.total_minor',
  's.code as store_code',
  's.name as store_name',
  's.time_zone',
  sql<string>`coalesce(d.name, b.doc->>'counterCode')`.as('counter_name'),
  sql<string | null>`b.doc->'cashier'->>'name'`.as('cashier_name'),
  sql<string | null>`b.doc->>'originalNumber'`.as('original_number'),
  sql<Bill['payments']>`b.doc->'payments'`.as('payments'),
  sql<boolean>`${returnedSql}`.as('returned'),
  sql<string>`(SELECT coalesce(sum(r.total_minor), 0) FROM bills r WHERE r.store_id = b.store_id AND r.original_bill_id = b.id AND r.status = 'completed')`.as('returned_minor'),
] as const;

export interface SummaryRow {
  id: string;
  number: string;
  kind: Bill['kind'];
  status: Bill['status'];
  store_id: string;
  device_id: string;
  occurred_at: Date | string;
  total_minor: number | string;
  store_code: string;
  store_name: string;
  time_zone: string;
  counter_name: string;
  cashier_name: string | null;
  original_number: string | null;
  payments: Bill['payments'];
  returned: boolean;
  returned_minor: string | number;
}

export function viewStatus(status: Bill['status'], returned: boolean): BillViewStatus {
  return status === 'voided' ? 'voided' : returned ? 'returned' : 'completed';
}

export function toSummary(r: SummaryRow): BillSummary {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: viewStatus(r.status, r.returned),
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    timeZone: r.time_zone,
    deviceId: r.device_id,
    counterName: r.counter_name,
    cashierName: r.cashier_name,
    occurredAt: iso(r.occurred_at),
    totalMinor: Number(r.total_minor),
    returnedMinor: Number(r.returned_minor),
    payments: r.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor })),
    originalNumber: r.original_number,
  };
}

/** `currency`: the hub's (ISO code); the receipt prints its symbol. */
export function toDetail(r: SummaryRow, doc: Bill, returns: BillDetail['returns'], currency: string): BillDetail {
  return {
    ...toSummary(r),
    lines: doc.lines.map((l) => ({ ...l, marginMinor: lineMarginMinor(l) })),
    subtotalMinor: doc.subtotalMinor,
    discountMinor: doc.discountMinor,
    roundingMinor: doc.roundingMinor,
    changeMinor: doc.changeMinor,
    paymentDetails: doc.payments,
    reason: doc.reason,
    approvedByName: doc.approvedBy?.name ?? null,
    void: doc.void ? { at: doc.void.at, byName: doc.void.by.name, reason: doc.void.reason } : null,
    returns,
    receiptText: billReceiptText(doc, { width: 48, storeName: r.store_name, currencyLabel: receiptCurrencyLabel(currency), minorDigits: currencyInfo(currency).minorDigits, timeZone: r.time_zone }),
  };
}

/** "2026-01-31 14:05:00 +05:30": the store's wall time with its offset, for CSV (zonedStamp). */
export function localTime(at: string, timeZone: string): string {
  return zonedStamp(at, timeZone);
}
