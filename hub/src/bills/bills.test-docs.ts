import { billSchema, uuidv7, type Bill } from '@bazaar/shared';

/** The bill a counter records for one sale movement (the movement's batch id is the bill id). */
export function billFor(storeId: string, productId: string, id: string, no: number): Bill {
  return billSchema.parse({
    id,
    number: `HB-C2-${String(no).padStart(6, '0')}`,
    storeId,
    storeCode: 'HB',
    counterCode: 'C2',
    counterNo: no,
    deviceId: uuidv7(),
    kind: 'sale',
    status: 'completed',
    originalBillId: null,
    originalNumber: null,
    shiftId: null,
    cashier: { id: null, name: null },
    approvedBy: null,
    reason: null,
    lines: [{ lineNo: 1, direction: 'sale', productId, sku: 'X', name: 'Item', unit: 'pc', qty: 3, listPriceMinor: 1000, unitPriceMinor: 1000, unitCostMinor: 0, discount: null, grossMinor: 3000, lineDiscountMinor: 0, billDiscountMinor: 0, totalMinor: 3000, returnOf: null, disposition: null }],
    billDiscount: null,
    subtotalMinor: 3000,
    discountMinor: 0,
    roundingMinor: 0,
    totalMinor: 3000,
    payments: [{ method: 'cash', amountMinor: 3000, tenderedMinor: 5000, changeMinor: 2000 }],
    changeMinor: 2000,
    occurredAt: new Date().toISOString(),
    void: null,
  });
}


/** A return of qty units of the sale's first line, recorded on counter `counter` as its bill no. */
export function returnOf(sale: Bill, qty: number, counter: string, no: number): Bill {
  const line = sale.lines[0]!;
  return billSchema.parse({
    ...sale,
    id: uuidv7(),
    number: `HB-${counter}-${String(no).padStart(6, '0')}`,
    counterCode: counter,
    counterNo: no,
    kind: 'return',
    originalBillId: sale.id,
    originalNumber: sale.number,
    lines: [{ ...line, direction: 'return', qty, grossMinor: qty * 1000, totalMinor: -qty * 1000, returnOf: { billId: sale.id, lineNo: 1 }, disposition: 'restock' }],
    subtotalMinor: -qty * 1000,
    totalMinor: -qty * 1000,
    payments: [{ method: 'cash', amountMinor: -qty * 1000 }],
    changeMinor: 0,
  });
}
