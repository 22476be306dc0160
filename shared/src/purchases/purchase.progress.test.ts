import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7';
import { receiptTotals, type GoodsReceipt } from './goods-receipt.schema';
import { onOrderByProduct, receiptProgress } from './purchase.progress';
import type { PurchaseOrder } from './purchase-order.schema';

const store = uuidv7();
const supplier = uuidv7();
const rice = uuidv7();
const soap = uuidv7();
const salt = uuidv7();
const at = '2026-12-02T10:00:00.000Z';
const po: PurchaseOrder = {
  id: uuidv7(),
  number: 'LHR-01-C2-PO00001',
  storeId: store,
  storeCode: 'LHR-01',
  counterCode: 'C2',
  counterNo: 1,
  deviceId: null,
  supplierId: supplier,
  supplierName: 'Agro Traders',
  status: 'sent',
  lines: [
    { lineNo: 1, productId: rice, sku: 'RICE', name: 'Rice', unit: 'g', orderedQty: 25_000, agreedCostMinor: 5200 },
    { lineNo: 2, productId: soap, sku: 'SOAP', name: 'Soap', unit: 'pc', orderedQty: 48, agreedCostMinor: 3000 },
  ],
  totalMinor: 130_000 + 144_000,
  expectedDay: null,
  note: null,
  createdBy: { id: null, name: 'Head office' },
  createdAt: at,
  updatedAt: at,
};
function receipt(lines: [string, number][], poId: string | null = po.id): GoodsReceipt {
  const full = lines.map(([productId, receivedQty], i) => ({ lineNo: i + 1, productId, sku: 'X', name: 'X', unit: 'pc' as const, receivedQty, costMinor: 100, taxMinor: 0, onHandBeforeQty: 0 }));
  return { id: uuidv7(), number: 'LHR-01-C2-GR00001', storeId: store, storeCode: 'LHR-01', counterCode: 'C2', counterNo: 1, deviceId: uuidv7(), supplierId: supplier, supplierName: 'Agro', poId, poNumber: null, supplierBillNo: 'INV-1', supplierBillDate: '2026-12-02', lines: full, ...receiptTotals(full), receivedBy: { id: null, name: null }, occurredAt: at };
}

describe('purchase order progress from its receipts', () => {
  it('is the document status until goods come, then partly received with short lines, then received', () => {
    expect(receiptProgress(po, []).status).toBe('sent');
    const first = receipt([[rice, 10_000], [soap, 48]]);
    const p1 = receiptProgress(po, [first, first]);
    expect(p1.status).toBe('partly_received');
    expect(p1.lines.map((l) => [l.state, l.receivedQty, l.remainingQty, l.overQty])).toEqual([['partial', 10_000, 15_000, 0], ['complete', 48, 0, 0]]);
    expect(onOrderByProduct([p1]).get(rice)).toBe(15_000);
    const second = receipt([[rice, 16_000], [salt, 5]]);
    const p2 = receiptProgress(po, [second, first, receipt([[rice, 1]], null)]);
    expect(p2.status).toBe('received');
    expect(p2.lines[0]).toMatchObject({ state: 'over', receivedQty: 26_000, remainingQty: 0, overQty: 1_000 });
    expect(p2.unordered).toEqual([{ productId: salt, sku: 'X', name: 'X', unit: 'pc', receivedQty: 5 }]);
    expect(p2.receiptIds).toHaveLength(2);
    expect(onOrderByProduct([p2]).size).toBe(0);
  });

  it('a cancelled order stays cancelled and is not on order', () => {
    const p = receiptProgress({ ...po, status: 'cancelled' }, [receipt([[rice, 1]])]);
    expect(p.status).toBe('cancelled');
    expect(onOrderByProduct([p]).size).toBe(0);
  });
});
