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
    { lineNo: 1, direction: 'sale', productId: '019ad6c0-0000-7000-8000-000000000101', sku: 'RICE5', name: 'Basmati Rice Super Kernel 5 kg bag', unit: 'pc', qty: 2, listPricePaise: 125_000, unitPricePaise: 125_000, unitCostPaise: 110_000, discount: { kind: 'percent', basisPoints: 500 }, grossPaise: 250_000, lineDiscountPaise: 12_500, billDiscountPaise: 2_390, totalPaise: 235_110 },
    { lineNo: 2, direction: 'sale', productId: '019ad6c0-0000-7000-8000-000000000102', sku: 'SUGAR', name: 'Sugar (loose)', unit: 'g', qty: 1250, listPricePaise: 15_000, unitPricePaise: 15_000, unitCostPaise: 13_000, discount: null, grossPaise: 18_750, lineDiscountPaise: 0, billDiscountPaise: 189, totalPaise: 18_561 },
  ].map((l) => ({ ...l, returnOf: null, disposition: null })) as Bill['lines'],
  billDiscount: { kind: 'amount', paise: 2_579 },
  subtotalPaise: 268_750,
  discountPaise: 15_079,
  roundingPaise: 29,
  totalPaise: 253_700,
  payments: [
    { method: 'upi', amountPaise: 100_000 },
    { method: 'cash', amountPaise: 153_700, tenderedPaise: 160_000, changePaise: 6_300 },
  ],
  changePaise: 6_300,
  occurredAt: '2026-12-02T04:15:00.000Z',
  void: null,
};
