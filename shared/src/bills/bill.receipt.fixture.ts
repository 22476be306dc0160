import type { Bill } from './bill.schema';

/** A bill with a line discount, a bill discount, rounding and a split payment with change. */
export const sampleBill: Bill = {
  id: '019ad6c0-0000-7000-8000-000000000001',
  number: 'LHR-01-C2-000123',
  storeId: '019ad6c0-0000-7000-8000-0000000000aa',
  storeCode: 'LHR-01',
  counterCode: 'C2',
  counterNo: 123,
  deviceId: '019ad6c0-0000-7000-8000-0000000000bb',
  kind: 'sale',
  status: 'completed',
  originalBillId: null,
  originalNumber: null,
  shiftId: null,
  cashier: { id: '019ad6c0-0000-7000-8000-0000000000cc', name: 'ali' },
  approvedBy: null,
  reason: null,
  lines: [
    { lineNo: 1, direction: 'sale', productId: '019ad6c0-0000-7000-8000-000000000101', sku: 'RICE5', name: 'Basmati Rice Super Kernel 5 kg bag', unit: 'pc', qty: 2, listPriceMinor: 125_000, unitPriceMinor: 125_000, unitCostMinor: 110_000, discount: { kind: 'percent', basisPoints: 500 }, grossMinor: 250_000, lineDiscountMinor: 12_500, billDiscountMinor: 2_390, totalMinor: 235_110 },
    { lineNo: 2, direction: 'sale', productId: '019ad6c0-0000-7000-8000-000000000102', sku: 'SUGAR', name: 'Sugar (loose)', unit: 'g', qty: 1250, listPriceMinor: 15_000, unitPriceMinor: 15_000, unitCostMinor: 13_000, discount: null, grossMinor: 18_750, lineDiscountMinor: 0, billDiscountMinor: 189, totalMinor: 18_561 },
  ].map((l) => ({ ...l, returnOf: null, disposition: null })) as Bill['lines'],
  billDiscount: { kind: 'amount', minor: 2_579 },
  subtotalMinor: 268_750,
  discountMinor: 15_079,
  roundingMinor: 29,
  totalMinor: 253_700,
  payments: [
    { method: 'upi', amountMinor: 100_000 },
    { method: 'cash', amountMinor: 153_700, tenderedMinor: 160_000, changeMinor: 6_300 },
  ],
  changeMinor: 6_300,
  occurredAt: '2026-12-02T04:15:00.000Z',
  void: null,
};
