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
  lines: [{ ...(sampleBill.lines[0] as Bill['lines'][number]), qty: 1, grossPaise: 125_000, lineDiscountPaise: 0, billDiscountPaise: 0, totalPaise: -117_555, direction: 'return', discount: null, returnOf: { billId: sampleBill.id, lineNo: 1 }, disposition: 'restock' }],
  billDiscount: null,
  subtotalPaise: -117_555,
  discountPaise: 0,
  roundingPaise: -45,
  totalPaise: -117_600,
  payments: [{ method: 'cash', amountPaise: -117_600 }],
  changePaise: 0,
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
});
