import { formatQuantity, formatScaled, priceUnit } from '../units/units';
import type { Bill, Discount, Payment } from './bill.schema';

/**
 * The receipt a thermal printer prints, as plain text of 32 columns (58 mm paper) or 48
 * (80 mm). Pure: the same bill always gives the same text, so a reprint matches the first
 * print and the golden tests pin the layout. Latin script only: printers' code pages cannot
 * shape Urdu or Hindi (those are printed as an image by the printing layer). The last line is
 * the bill number alone, for the barcode or QR code the printer adds under it.
 */
export interface ReceiptOptions {
  width: 32 | 48;
  storeName: string;
  /** Lines under the store name (address, phone, tax number). */
  header?: readonly string[];
  /** Printed before the total: "Rs", "PKR", "INR" (printers rarely have ₹). */
  currencyLabel: string;
  /** Digits after the point of the currency's minor unit: 2 (PKR, INR), 0 (JPY), 3 (KWD, BHD). */
  minorDigits?: number | undefined;
  /** IANA zone of the store; dates are the store's local time. */
  timeZone?: string | undefined;
  footer?: readonly string[];
}

const methodNames: Record<Payment['method'], string> = { cash: 'Cash', upi: 'UPI', card: 'Card', jazzcash: 'JazzCash', easypaisa: 'Easypaisa', credit: 'Credit (account)' };

/**
 * Minor units → "1,234.56" with the currency's own digits after the point (123456 → "1,234.56"
 * for PKR, "123,456" for JPY, "123.456" for KWD); negative amounts keep their sign.
 */
export function receiptAmount(minor: number, minorDigits = 2): string {
  const s = formatScaled(Math.abs(minor), minorDigits, false);
  const [whole = '0', frac] = s.split('.');
  return `${minor < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

function center(text: string, width: number): string {
  const t = text.slice(0, width);
  return `${' '.repeat(Math.floor((width - t.length) / 2))}${t}`;
}

/** Label left, amount right; a label too long for the line is cut, never the amount. */
function row(label: string, value: string, width: number): string {
  const room = Math.max(1, width - value.length - 1);
  const l = label.length > room ? label.slice(0, room) : label;
  return `${l}${' '.repeat(width - l.length - value.length)}${value}`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word.slice(0, width);
  }
  if (line) out.push(line);
  return out;
}

function discountLabel(d: Discount | null): string {
  if (!d) return 'Discount';
  return d.kind === 'percent' ? `Discount ${formatScaled(d.basisPoints, 2, true)}%` : 'Discount';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The store's local time (the machine's zone when the store has none set); formats are cached (a bill prints one). */
function localTime(iso: string, timeZone: string | undefined): string {
  const key = timeZone ?? '';
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...(timeZone ? { timeZone } : {}), day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormats.set(key, f);
  }
  return f.format(new Date(iso)).replace(',', '');
}

const titles: Record<Bill['kind'], string> = { sale: 'Bill', return: 'Return', exchange: 'Exchange' };

export function billReceiptText(bill: Bill, o: ReceiptOptions): string {
  const w = o.width;
  const digits = o.minorDigits ?? 2;
  const amount = (minor: number) => receiptAmount(minor, digits);
  const rule = '-'.repeat(w);
  const out: string[] = [center(o.storeName, w), ...(o.header ?? []).map((h) => center(h, w)), rule];
  out.push(row(titles[bill.kind], bill.number, w));
  if (bill.originalNumber) out.push(row('For bill', bill.originalNumber, w));
  out.push(row(localTime(bill.occurredAt, o.timeZone), bill.cashier.name ? `Cashier ${bill.cashier.name}` : '', w));
  if (bill.status === 'voided') out.push(center('*** VOID ***', w));
  out.push(rule);
  for (const l of bill.lines) {
    const sign = l.direction === 'return' ? -1 : 1;
    out.push(...wrap(`${l.direction === 'return' ? 'RETURN ' : ''}${l.name}`, w));
    const per = l.unit === 'pc' ? '' : `/${priceUnit(l.unit)}`;
    // A pack line reads "1 carton (24 pc) x 550.00"; a scale label's line says its weight and that the label priced it.
    const qtyText = l.pack
      ? `${l.pack.count} ${l.pack.name} (${formatQuantity(l.qty, l.unit)}) x ${amount(Math.round(l.grossMinor / l.pack.count))}`
      : l.labelPriceMinor !== undefined
        ? `${formatQuantity(l.qty, l.unit)} @ ${amount(l.unitPriceMinor)}${per} label`
        : `${formatQuantity(l.qty, l.unit)} x ${amount(l.unitPriceMinor)}${per}`;
    out.push(row(`  ${qtyText}`, amount(sign * l.grossMinor), w));
    if (l.lineDiscountMinor > 0) out.push(row(`  ${discountLabel(l.discount)}`, amount(-l.lineDiscountMinor), w));
    if (l.direction === 'return' && l.totalMinor !== -l.grossMinor) out.push(row('  as charged', amount(l.totalMinor), w));
  }
  out.push(rule);
  out.push(row('Subtotal', amount(bill.subtotalMinor), w));
  const lineDiscounts = bill.lines.reduce((a, l) => a + l.lineDiscountMinor, 0);
  if (bill.discountMinor > lineDiscounts) out.push(row(bill.billDiscount ? `Bill ${discountLabel(bill.billDiscount).toLowerCase()}` : 'Bill discount', amount(-(bill.discountMinor - lineDiscounts)), w));
  if (lineDiscounts > 0) out.push(row('Line discounts', amount(-lineDiscounts), w));
  if (bill.roundingMinor !== 0) out.push(row('Rounding', `${bill.roundingMinor > 0 ? '+' : ''}${amount(bill.roundingMinor)}`, w));
  out.push(row(`${bill.totalMinor < 0 ? 'REFUND' : 'TOTAL'} ${o.currencyLabel}`, amount(Math.abs(bill.totalMinor)), w));
  for (const p of bill.payments) {
    if (p.method === 'cash' && p.tenderedMinor !== undefined && p.tenderedMinor !== p.amountMinor) {
      out.push(row('Cash', amount(p.amountMinor), w));
      out.push(row('  tendered', amount(p.tenderedMinor), w));
      out.push(row('  change', amount(p.changeMinor ?? 0), w));
    } else {
      out.push(row(p.amountMinor < 0 ? `Refund ${methodNames[p.method]}` : methodNames[p.method], amount(Math.abs(p.amountMinor)), w));
    }
  }
  const saved = bill.discountMinor;
  out.push(rule);
  if (saved > 0) out.push(center(`You saved ${o.currencyLabel} ${amount(saved)}`, w));
  for (const f of o.footer ?? ['Thank you']) out.push(center(f, w));
  out.push(center(bill.number, w));
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}
