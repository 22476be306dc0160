import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { uuidSchema } from '../ids/uuidv7';
import { paymentMethodSchema, paymentMethods, type Bill } from './bill.schema';
import { receiptAmount } from './bill.receipt';

/**
 * A shift's close (Z report): what the drawer should hold (float + cash taken − cash given
 * back) against what was counted, note by note, with sales by payment method, returns, voids
 * and discounts. Every figure is derived from the shift's bills, never kept as a running sum.
 */
export const shiftReportSchema = z.strictObject({
  shiftId: uuidSchema,
  storeCode: z.string().max(64),
  counterCode: z.string().max(64),
  status: z.enum(['open', 'closed']),
  openedAt: isoDateTimeSchema,
  openedBy: z.string().max(200).nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  closedBy: z.string().max(200).nullable(),
  floatMinor: z.number().int(),
  saleBills: z.number().int(),
  returnBills: z.number().int(),
  /** Goods sold, after discounts (sale lines of completed sales and exchanges). */
  salesMinor: z.number().int(),
  /** Given back for returned goods (positive). */
  returnsMinor: z.number().int(),
  discountsMinor: z.number().int(),
  roundingMinor: z.number().int(),
  voids: z.strictObject({ count: z.number().int(), totalMinor: z.number().int() }),
  byMethod: z.array(z.strictObject({ method: paymentMethodSchema, amountMinor: z.number().int() })).max(50),
  cashExpectedMinor: z.number().int(),
  counted: z.array(z.strictObject({ denominationMinor: z.number().int(), count: z.number().int() })).max(100),
  countedMinor: z.number().int().nullable(),
  varianceMinor: z.number().int().nullable(),
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

export interface ShiftHead {
  shiftId: string;
  storeCode: string;
  counterCode: string;
  openedAt: string;
  openedBy: string | null;
  floatMinor: number;
}

/** The figures of a shift from its bills; `counted` (by denomination) closes it. */
export function shiftReport(head: ShiftHead, bills: readonly Bill[], close: { at: string; by: string | null; counted: { denominationMinor: number; count: number }[] } | null): ShiftReport {
  const done = bills.filter((b) => b.status === 'completed');
  const voided = bills.filter((b) => b.status === 'voided');
  const methods = new Map<string, number>();
  for (const b of done) for (const p of b.payments) methods.set(p.method, (methods.get(p.method) ?? 0) + p.amountMinor);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const cashExpected = head.floatMinor + (methods.get('cash') ?? 0);
  const countedMinor = close ? sum(close.counted.map((c) => c.denominationMinor * c.count)) : null;
  return {
    ...head,
    status: close ? 'closed' : 'open',
    closedAt: close?.at ?? null,
    closedBy: close?.by ?? null,
    saleBills: done.filter((b) => b.kind !== 'return').length,
    returnBills: done.filter((b) => b.kind !== 'sale').length,
    salesMinor: sum(done.flatMap((b) => b.lines.filter((l) => l.direction === 'sale').map((l) => l.totalMinor))),
    returnsMinor: 0 - sum(done.flatMap((b) => b.lines.filter((l) => l.direction === 'return').map((l) => l.totalMinor))),
    discountsMinor: sum(done.map((b) => b.discountMinor)),
    roundingMinor: sum(done.map((b) => b.roundingMinor)),
    voids: { count: voided.length, totalMinor: sum(voided.map((b) => b.totalMinor)) },
    byMethod: paymentMethods.filter((m) => methods.has(m)).map((m) => ({ method: m, amountMinor: methods.get(m) ?? 0 })),
    cashExpectedMinor: cashExpected,
    counted: close?.counted.filter((c) => c.count > 0).sort((a, b) => b.denominationMinor - a.denominationMinor) ?? [],
    countedMinor,
    varianceMinor: countedMinor === null ? null : countedMinor - cashExpected,
  };
}

function row(label: string, value: string, width: number): string {
  const l = label.slice(0, Math.max(1, width - value.length - 1));
  return `${l}${' '.repeat(Math.max(1, width - l.length - value.length))}${value}`;
}

const when = (iso: string, timeZone: string | undefined) =>
  new Intl.DateTimeFormat('en-GB', { ...(timeZone ? { timeZone } : {}), day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)).replace(',', '');

/** The Z report as printed on the receipt printer (32 or 48 columns), Latin script like the receipts. */
export function shiftReportText(r: ShiftReport, o: { width: 32 | 48; storeName: string; currencyLabel: string; minorDigits?: number | undefined; timeZone?: string | undefined }): string {
  const w = o.width;
  const amount = (minor: number) => receiptAmount(minor, o.minorDigits ?? 2);
  const rule = '-'.repeat(w);
  const out = [o.storeName, `${r.status === 'closed' ? 'Z REPORT' : 'X REPORT (shift open)'} ${r.storeCode}-${r.counterCode}`, rule];
  out.push(row('Opened', `${when(r.openedAt, o.timeZone)} ${r.openedBy ?? ''}`.trim(), w));
  if (r.closedAt) out.push(row('Closed', `${when(r.closedAt, o.timeZone)} ${r.closedBy ?? ''}`.trim(), w));
  out.push(rule, row('Bills', String(r.saleBills), w), row('Sales', amount(r.salesMinor), w), row(`Returns (${r.returnBills})`, amount(-r.returnsMinor), w));
  out.push(row('Discounts given', amount(r.discountsMinor), w), row('Rounding', amount(r.roundingMinor), w), row(`Voids (${r.voids.count})`, amount(r.voids.totalMinor), w), rule);
  for (const m of r.byMethod) out.push(row(m.method.toUpperCase(), amount(m.amountMinor), w));
  out.push(rule, row('Float', amount(r.floatMinor), w), row(`Cash expected ${o.currencyLabel}`, amount(r.cashExpectedMinor), w));
  if (r.countedMinor !== null) {
    for (const c of r.counted) out.push(row(`  ${amount(c.denominationMinor).replace(/\.0+$/, '')} x ${c.count}`, amount(c.denominationMinor * c.count), w));
    out.push(row(`Cash counted ${o.currencyLabel}`, amount(r.countedMinor), w));
    out.push(row((r.varianceMinor ?? 0) < 0 ? 'SHORT' : (r.varianceMinor ?? 0) > 0 ? 'OVER' : 'Variance', amount(r.varianceMinor ?? 0), w));
  }
  return `${out.join('\n')}\n`;
}
