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

