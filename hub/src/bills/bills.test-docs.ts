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
    lines: [{ lineNo: 1, direction: 'sale', productId, sku: 'X', name: 'Item', unit: 'pc', qty: 3, listPricePaise: 1000, unitPricePaise: 1000, unitCostPaise: 0, discount: null, grossPaise: 3000, lineDiscountPaise: 0, billDiscountPaise: 0, totalPaise: 3000, returnOf: null, disposition: null }],
    billDiscount: null,
    subtotalPaise: 3000,
    discountPaise: 0,
    roundingPaise: 0,
    totalPaise: 3000,
    payments: [{ method: 'cash', amountPaise: 3000, tenderedPaise: 5000, changePaise: 2000 }],
    changePaise: 2000,
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
    lines: [{ ...line, direction: 'return', qty, grossPaise: qty * 1000, totalPaise: -qty * 1000, returnOf: { billId: sale.id, lineNo: 1 }, disposition: 'restock' }],
    subtotalPaise: -qty * 1000,
    totalPaise: -qty * 1000,
    payments: [{ method: 'cash', amountPaise: -qty * 1000 }],
    changePaise: 0,
  });
}
