import type { Bill } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { prepared } from '../db/prepared';
import type { BillSettingsView, BillView } from './bills.api';
import { receiptFor } from './bills.record';
import { requireBillSync, returnedQtySync } from './bills.repository';
import { billStoreSync, hubLocaleSync, receiptPrinterSync, scaleLayoutsSync } from './bills.settings';

/** A bill with its receipt at the width asked for and what of it can still be returned. */
export function billView(raw: Database.Database, ref: string, width: 32 | 48): BillView {
  const { bill } = requireBillSync(raw, ref);
  const returned = returnedQtySync(raw, bill.id);
  const returnable: Record<number, number> = {};
  if (bill.status === 'completed') for (const l of bill.lines) if (l.direction === 'sale') returnable[l.lineNo] = l.qty - (returned.get(l.lineNo) ?? 0);
  return { bill, receiptText: receiptFor(bill, billStoreSync(raw), width), returnable };
}

export function billSettingsView(raw: Database.Database): BillSettingsView {
  const s = billStoreSync(raw);
  const tz = (prepared(raw, 'SELECT time_zone FROM bill_settings WHERE id = 1').get() as { time_zone: string | null } | undefined)?.time_zone ?? null;
  return { counterCode: s.counterCode, cashStepMinor: s.cashStepMinor, paymentMethods: ['cash', ...s.methods], maxDiscountBasisPoints: s.maxDiscountBp, currencyLabel: s.currencyLabel, minorDigits: s.minorDigits, receiptHeader: s.receiptHeader, timeZone: tz, scaleLayouts: scaleLayoutsSync(raw), ...receiptPrinterSync(raw), ...hubLocaleSync(raw) };
}

export type { Bill };
