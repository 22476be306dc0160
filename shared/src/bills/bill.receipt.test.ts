import { describe, expect, it } from 'vitest';
import { billReceiptText, receiptAmount, type ReceiptOptions } from './bill.receipt';
import { sampleBill } from './bill.receipt.fixture';
import type { Bill } from './bill.schema';

const opts: Omit<ReceiptOptions, 'width'> = { storeName: 'Sharma Kirana', header: ['Main Bazaar, Lahore'], currencyLabel: 'Rs', timeZone: 'Asia/Karachi' };

const returnBill: Bill = {
  ...sampleBill,
  id: '019ad6c0-0000-7000-8000-000000000002',
  number: 'LHR-01-C2-000124',
  counterNo: 124,
  kind: 'return',
  originalBillId: sampleBill.id,
  originalNumber: sampleBill.number,
  lines: [{ ...(sampleBill.lines[0] as Bill['lines'][number]), qty: 1, grossMinor: 125_000, lineDiscountMinor: 0, billDiscountMinor: 0, totalMinor: -117_555, direction: 'return', discount: null, returnOf: { billId: sampleBill.id, lineNo: 1 }, disposition: 'restock' }],
  billDiscount: null,
  subtotalMinor: -117_555,
  discountMinor: 0,
  roundingMinor: -45,
  totalMinor: -117_600,
  payments: [{ method: 'cash', amountMinor: -117_600 }],
  changeMinor: 0,
};

describe('receipt text', () => {
  it('58 mm (32 columns) matches the golden receipt', async () => {
    const text = billReceiptText(sampleBill, { ...opts, width: 32 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(32);
    await expect(text).toMatchFileSnapshot('./golden/sale-58mm.txt');
  });

  it('80 mm (48 columns) matches the golden receipt', async () => {
    const text = billReceiptText(sampleBill, { ...opts, width: 48 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
    await expect(text).toMatchFileSnapshot('./golden/sale-80mm.txt');
  });

  it('a return says which bill it is for and what goes back', async () => {
    await expect(billReceiptText(returnBill, { ...opts, width: 32 })).toMatchFileSnapshot('./golden/return-58mm.txt');
  });

  it('a voided bill says so; amounts group thousands', () => {
    expect(billReceiptText({ ...sampleBill, status: 'voided' }, { ...opts, width: 32 })).toContain('*** VOID ***');
    expect(receiptAmount(123456789)).toBe('1,234,567.89');
    expect(receiptAmount(-5)).toBe('-0.05');
  });

  it('prints amounts with the digits of the currency’s minor unit (JPY 0, KWD and BHD 3, PKR and INR 2)', () => {
    expect(receiptAmount(123456, 0)).toBe('123,456');
    expect(receiptAmount(-5, 0)).toBe('-5');
    expect(receiptAmount(1234567, 3)).toBe('1,234.567');
    expect(receiptAmount(-5, 3)).toBe('-0.005');
    expect(receiptAmount(123456, 2)).toBe(receiptAmount(123456));
    // The same bill's amounts as each currency's stored minor units: the text moves the point, never the figures.
    const yen = billReceiptText(sampleBill, { ...opts, currencyLabel: 'JPY', minorDigits: 0, width: 32 });
    expect(yen).toContain('TOTAL JPY                253,700');
    expect(yen).toMatch(/^ {2}change +6,300$/m);
    expect(yen.replace('1.25 kg', '')).not.toMatch(/\d\.\d/); // the weight keeps its decimals, no amount has any
    const dinar = billReceiptText(sampleBill, { ...opts, currencyLabel: 'KWD', minorDigits: 3, width: 32 });
    expect(dinar).toContain('TOTAL KWD                253.700');
    expect(dinar).toMatch(/^Subtotal +268\.750$/m);
    expect(dinar).toContain('You saved KWD 15.079');
    const bhd = billReceiptText(sampleBill, { ...opts, currencyLabel: 'BHD', minorDigits: 3, width: 48 });
    for (const line of bhd.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
    expect(bhd).toMatch(/^Rounding +\+0\.029$/m);
  });
});
