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
  floatPaise: z.number().int(),
  saleBills: z.number().int(),
  returnBills: z.number().int(),
  /** Goods sold, after discounts (sale lines of completed sales and exchanges). */
  salesPaise: z.number().int(),
  /** Given back for returned goods (positive). */
  returnsPaise: z.number().int(),
  discountsPaise: z.number().int(),
  roundingPaise: z.number().int(),
  voids: z.strictObject({ count: z.number().int(), totalPaise: z.number().int() }),
  byMethod: z.array(z.strictObject({ method: paymentMethodSchema, amountPaise: z.number().int() })).max(50),
  cashExpectedPaise: z.number().int(),
  counted: z.array(z.strictObject({ denominationPaise: z.number().int(), count: z.number().int() })).max(100),
  countedPaise: z.number().int().nullable(),
  variancePaise: z.number().int().nullable(),
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

export interface ShiftHead {
  shiftId: string;
  storeCode: string;
  counterCode: string;
  openedAt: string;
  openedBy: string | null;
  floatPaise: number;
}

/** The figures of a shift from its bills; `counted` (by denomination) closes it. */
export function shiftReport(head: ShiftHead, bills: readonly Bill[], close: { at: string; by: string | null; counted: { denominationPaise: number; count: number }[] } | null): ShiftReport {
  const done = bills.filter((b) => b.status === 'completed');
  const voided = bills.filter((b) => b.status === 'voided');
  const methods = new Map<string, number>();
  for (const b of done) for (const p of b.payments) methods.set(p.method, (methods.get(p.method) ?? 0) + p.amountPaise);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const cashExpected = head.floatPaise + (methods.get('cash') ?? 0);
  const countedPaise = close ? sum(close.counted.map((c) => c.denominationPaise * c.count)) : null;
  return {
    ...head,
    status: close ? 'closed' : 'open',
    closedAt: close?.at ?? null,
    closedBy: close?.by ?? null,
    saleBills: done.filter((b) => b.kind !== 'return').length,
    returnBills: done.filter((b) => b.kind !== 'sale').length,
    salesPaise: sum(done.flatMap((b) => b.lines.filter((l) => l.direction === 'sale').map((l) => l.totalPaise))),
    returnsPaise: 0 - sum(done.flatMap((b) => b.lines.filter((l) => l.direction === 'return').map((l) => l.totalPaise))),
    discountsPaise: sum(done.map((b) => b.discountPaise)),
    roundingPaise: sum(done.map((b) => b.roundingPaise)),
    voids: { count: voided.length, totalPaise: sum(voided.map((b) => b.totalPaise)) },
    byMethod: paymentMethods.filter((m) => methods.has(m)).map((m) => ({ method: m, amountPaise: methods.get(m) ?? 0 })),
    cashExpectedPaise: cashExpected,
    counted: close?.counted.filter((c) => c.count > 0).sort((a, b) => b.denominationPaise - a.denominationPaise) ?? [],
    countedPaise,
    variancePaise: countedPaise === null ? null : countedPaise - cashExpected,
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
  out.push(rule, row('Bills', String(r.saleBills), w), row('Sales', amount(r.salesPaise), w), row(`Returns (${r.returnBills})`, amount(-r.returnsPaise), w));
  out.push(row('Discounts given', amount(r.discountsPaise), w), row('Rounding', amount(r.roundingPaise), w), row(`Voids (${r.voids.count})`, amount(r.voids.totalPaise), w), rule);
  for (const m of r.byMethod) out.push(row(m.method.toUpperCase(), amount(m.amountPaise), w));
  out.push(rule, row('Float', amount(r.floatPaise), w), row(`Cash expected ${o.currencyLabel}`, amount(r.cashExpectedPaise), w));
  if (r.countedPaise !== null) {
    for (const c of r.counted) out.push(row(`  ${amount(c.denominationPaise).replace(/\.0+$/, '')} x ${c.count}`, amount(c.denominationPaise * c.count), w));
    out.push(row(`Cash counted ${o.currencyLabel}`, amount(r.countedPaise), w));
    out.push(row((r.variancePaise ?? 0) < 0 ? 'SHORT' : (r.variancePaise ?? 0) > 0 ? 'OVER' : 'Variance', amount(r.variancePaise ?? 0), w));
  }
  return `${out.join('\n')}\n`;
}
