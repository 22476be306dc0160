import { COUNTER_CODE_RE, DomainError, currencyInfo, currencyOfTimeZone, defaultCounterCode, isLocale, paymentMethods, receiptCurrencyLabel, scaleLayoutsSchema, type HubLocale, type Locale, type PaymentMethod, type ScaleLayout } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { prepared } from '../db/prepared';
import type { BillSettingsRow, Executor, SettingsRow } from '../db/db.types';
import { actorFor, type Actor } from '../core.context';
import type { SessionUser } from '../core.api';

/** What recording a bill needs to know of the store and this counter, read inside its transaction. */
export interface BillStore {
  storeId: string;
  storeCode: string;
  storeName: string;
  deviceId: string;
  counterCode: string;
  cashStepMinor: number;
  /** Methods taken besides cash. */
  methods: PaymentMethod[];
  maxDiscountBp: number;
  currencyLabel: string;
  /** Digits of the store's currency's minor unit (2 for PKR and INR, 0 for JPY, 3 for KWD): receipts print amounts with them. */
  minorDigits: number;
  receiptHeader: string[];
  timeZone: string | undefined;
}

type Row = Pick<SettingsRow, 'store_id' | 'store_code' | 'store_name' | 'device_id' | 'hlc_node'> & Omit<BillSettingsRow, 'id'>;

const select = `SELECT s.store_id, s.store_code, s.store_name, s.device_id, s.hlc_node, b.counter_code, b.cash_step_minor, b.payment_methods,
  b.max_discount_bp, b.currency_label, b.currency, b.receipt_header, b.time_zone FROM settings s JOIN bill_settings b ON b.id = 1 WHERE s.id = 1`;

function jsonList(text: string): unknown[] {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v : [];
}

export function billStoreSync(raw: Database.Database): BillStore {
  const r = prepared(raw, select).get() as Row | undefined;
  if (!r) throw new DomainError('BAD_REQUEST', 'this database has no store yet: run `bazaar-store init --code CODE --name NAME` first');
  return {
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    deviceId: r.device_id,
    counterCode: r.counter_code ?? defaultCounterCode(r.hlc_node),
    cashStepMinor: r.cash_step_minor,
    methods: jsonList(r.payment_methods).filter((m): m is PaymentMethod => paymentMethods.includes(m as PaymentMethod) && m !== 'cash'),
    maxDiscountBp: r.max_discount_bp,
    currencyLabel: r.currency_label,
    minorDigits: storeMinorDigits(r.currency, r.time_zone),
    receiptHeader: jsonList(r.receipt_header).map(String),
    timeZone: r.time_zone ?? undefined,
  };
}

/** The hub's currency's minor unit; a stand-alone store counts in its zone's country's money (2 digits when unknown). */
export function storeMinorDigits(currency: string | null, timeZone: string | null): number {
  const code = currency ?? currencyOfTimeZone(timeZone);
  if (!code) return 2;
  try {
    return currencyInfo(code).minorDigits;
  } catch {
    return 2;
  }
}

export interface BillSettingsPatch {
  counterCode?: string | undefined;
  cashStepMinor?: number | undefined;
  paymentMethods?: PaymentMethod[] | undefined;
  maxDiscountBasisPoints?: number | undefined;
  currencyLabel?: string | undefined;
  receiptHeader?: string[] | undefined;
  timeZone?: string | undefined;
  scaleLayouts?: ScaleLayout[] | undefined;
  receiptPrinter?: string | undefined;
  receiptWidth?: 32 | 48 | undefined;
}

/** The counter's network receipt printer and its paper (migration 0017). */
export function receiptPrinterSync(raw: Database.Database): { receiptPrinter: string | null; receiptWidth: 32 | 48 } {
  const row = prepared(raw, 'SELECT receipt_printer, receipt_width FROM bill_settings WHERE id = 1').get() as { receipt_printer: string | null; receipt_width: number } | undefined;
  return { receiptPrinter: row?.receipt_printer ?? null, receiptWidth: row?.receipt_width === 32 ? 32 : 48 };
}

/** The hub's currency and default language as last heard (migration 0019); null on a stand-alone store. */
export function hubLocaleSync(raw: Database.Database): { currency: string | null; defaultLocale: Locale | null } {
  const row = prepared(raw, 'SELECT currency, default_locale FROM bill_settings WHERE id = 1').get() as { currency: string | null; default_locale: string | null } | undefined;
  return { currency: row?.currency ?? null, defaultLocale: isLocale(row?.default_locale) ? row.default_locale : null };
}

/**
 * Keep what the hub said on enroll or a pull. An older hub says nothing: the counter keeps what
 * it had. Receipts follow the hub's currency: `currency_label` becomes its symbol (Rs, ₹). The
 * language someone who has not picked one sees is the store's, else the hub's default.
 */
export function saveHubLocaleSync(raw: Database.Database, hub: HubLocale | undefined, storeLocale: Locale | null | undefined): void {
  if (!hub) return;
  prepared(raw, 'UPDATE bill_settings SET currency = ?, default_locale = ?, currency_label = ? WHERE id = 1').run(hub.currency, storeLocale ?? hub.defaultLocale, receiptCurrencyLabel(hub.currency));
}

/** The store's label-scale layouts (migration 0012); a value the app did not write reads as none. */
export function scaleLayoutsSync(raw: Database.Database): ScaleLayout[] {
  const row = prepared(raw, 'SELECT scale_layouts FROM bill_settings WHERE id = 1').get() as { scale_layouts: string } | undefined;
  const parsed = scaleLayoutsSchema.safeParse(row ? jsonList(row.scale_layouts) : []);
  return parsed.success ? parsed.data : [];
}

/**
 * A stand-alone store (no hub currency) moved to a zone whose country's money is known prints
 * that money's label on receipts ("₹" for Asia/Kolkata, "Rs" for Asia/Karachi); null: keep the label.
 */
async function standAloneZoneLabel(db: Executor, timeZone: string | undefined): Promise<string | null> {
  const code = currencyOfTimeZone(timeZone);
  if (!code) return null;
  const row = await db.selectFrom('bill_settings').select('currency').where('id', '=', 1).executeTakeFirst();
  return row && row.currency === null ? receiptCurrencyLabel(code) : null;
}

/** Change the counter's bill rules. A new counter code starts its own running number (after any bills it already has). */
export async function updateBillSettings(db: Executor, p: BillSettingsPatch): Promise<void> {
  if (p.counterCode !== undefined && !COUNTER_CODE_RE.test(p.counterCode)) throw new DomainError('VALIDATION_FAILED', `counter code "${p.counterCode}": 1–8 capital letters and digits, starting with a letter (C2, TILL3)`);
  if (p.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: p.timeZone });
    } catch {
      throw new DomainError('VALIDATION_FAILED', `"${p.timeZone}" is not a time zone (use e.g. Asia/Karachi or Asia/Kolkata)`);
    }
  }
  const zoneLabel = await standAloneZoneLabel(db, p.timeZone);
  await db
    .updateTable('bill_settings')
    .set({
      ...(p.counterCode !== undefined ? { counter_code: p.counterCode } : {}),
      ...(p.cashStepMinor !== undefined ? { cash_step_minor: p.cashStepMinor } : {}),
      ...(p.paymentMethods !== undefined ? { payment_methods: JSON.stringify(p.paymentMethods.filter((m) => m !== 'cash')) } : {}),
      ...(p.maxDiscountBasisPoints !== undefined ? { max_discount_bp: p.maxDiscountBasisPoints } : {}),
      ...(p.currencyLabel !== undefined ? { currency_label: p.currencyLabel } : zoneLabel !== null ? { currency_label: zoneLabel } : {}),
      ...(p.receiptHeader !== undefined ? { receipt_header: JSON.stringify(p.receiptHeader) } : {}),
      ...(p.timeZone !== undefined ? { time_zone: p.timeZone } : {}),
      ...(p.scaleLayouts !== undefined ? { scale_layouts: JSON.stringify(p.scaleLayouts) } : {}),
      ...(p.receiptPrinter !== undefined ? { receipt_printer: p.receiptPrinter === '' ? null : p.receiptPrinter } : {}),
      ...(p.receiptWidth !== undefined ? { receipt_width: p.receiptWidth } : {}),
    })
    .where('id', '=', 1)
    .execute();
}

/** What every bill write starts with, inside its transaction: the store, whether it has users, and who acts. */
export function billActorSync(raw: Database.Database, session: SessionUser | null): { store: BillStore; usersExist: boolean; actor: Actor } {
  const store = billStoreSync(raw);
  const usersExist = session !== null || prepared(raw, 'SELECT 1 FROM users WHERE active = 1 LIMIT 1').get() !== undefined;
  return { store, usersExist, actor: actorFor(session, usersExist) };
}
