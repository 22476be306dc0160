import { averageOverReceipts } from '@bazaar/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function store() {
  const s = await tempStore();
  cleanups.push(s.cleanup);
  const { core } = s;
  const supplier = await core.addSupplier({ name: 'Agro Traders' });
  await core.addProduct({ sku: 'RICE', name: 'Sona Masoori rice', unit: 'g', priceMinor: 6500, costMinor: 5000, supplierId: supplier.id });
  await core.addProduct({ sku: 'SOAP', name: 'Lux soap', unit: 'pc', priceMinor: 4000, costMinor: 3000, supplierId: supplier.id });
  return { ...s, supplier };
}

describe('purchases at the counter', () => {
  it('a partial delivery against an order: IN movements in the same transaction, what is short shown, the rest received later', async () => {
    const { core, supplier } = await store();
    await core.stockIn({ product: 'RICE', qty: 10_000 });
    const po = await core.createPurchaseOrder({ supplier: 'agro traders', lines: [{ product: 'RICE', qty: 25_000, costMinor: 5200 }, { product: 'SOAP', qty: 48 }] });
    expect(po.order.number).toMatch(/^S1-C[0-9A-Z]{4}-PO00001$/);
    expect(po.order.lines.map((l) => l.agreedCostMinor)).toEqual([5200, 3000]);
    expect(po.order.totalMinor).toBe(130_000 + 144_000);
    expect(po.status).toBe('sent');
    expect(po.synced).toBe(false);

    const got = await core.receiveGoods({ po: 'PO1', supplierBillNo: 'AT/4471', supplierBillDate: '2026-12-01', lines: [{ product: 'RICE', qty: 10_000, taxMinor: 2600 }, { product: 'SOAP', qty: 48, costMinor: 2900 }] });
    expect(got.receipt.number).toMatch(/-GR00001$/);
    expect(got.receipt.lines.map((l) => [l.costMinor, l.onHandBeforeQty])).toEqual([[5200, 10_000], [2900, 0]]);
    expect(got.receipt).toMatchObject({ subtotalMinor: 52_000 + 139_200, taxMinor: 2600, totalMinor: 52_000 + 139_200 + 2600, poNumber: po.order.number });
    expect(got.order?.status).toBe('partly_received');
    expect(got.order?.lines.map((l) => [l.state, l.remainingQty])).toEqual([['partial', 15_000], ['complete', 0]]);
    // 10 kg at ₹50.00 + 10 kg at ₹52.00 = ₹51.00/kg; soap had none on hand: ₹29.00.
    expect(got.lines.map((l) => [l.stockAfter, l.costAfterMinor])).toEqual([[20_000, 5100], [48, 2900]]);

    const mv = core.connection.prepare('SELECT kind, product_id, qty, supplier_id, unit_cost_minor FROM movements WHERE batch_id = ? ORDER BY seq').all(got.receipt.id) as { kind: string; qty: number; supplier_id: string; unit_cost_minor: number }[];
    expect(mv.map((m) => [m.kind, m.qty, m.supplier_id, m.unit_cost_minor])).toEqual([['IN', 10_000, supplier.id, 5200], ['IN', 48, supplier.id, 2900]]);

    // The product's cost at the counter is the moving average: shown, and on the next bill's line.
    expect((await core.findProduct({ code: 'RICE' })).costMinor).toBe(5100);
    const sale = await core.sell({ lines: [{ product: 'RICE', qty: 2000 }] });
    const bill = await core.showBill({ bill: sale.billNumber! });
    expect(bill.bill.lines[0]?.unitCostMinor).toBe(5100);

    // The rest of the order: no lines given = everything still to come at the agreed cost.
    const rest = await core.receiveGoods({ po: po.order.number, supplierBillNo: 'AT/4490', supplierBillDate: '2026-12-02' });
    expect(rest.receipt.lines.map((l) => [l.sku, l.receivedQty, l.onHandBeforeQty])).toEqual([['RICE', 15_000, 18_000]]);
    expect(rest.order?.status).toBe('received');
    expect(rest.lines[0]?.costAfterMinor).toBe(averageOverReceipts(5000, [{ onHandBeforeQty: 10_000, qty: 10_000, costMinor: 5200 }, { onHandBeforeQty: 18_000, qty: 15_000, costMinor: 5200 }]));
    await expect(core.receiveGoods({ po: po.order.number, supplierBillNo: 'X', supplierBillDate: '2026-12-02' })).rejects.toThrow(/nothing left to receive/);
    expect((await core.listPurchaseOrders({ open: true }))).toEqual([]);
  });

  it('a receipt without an order, bad input named by field, a cancelled order refused', async () => {
    const { core } = await store();
    const r = await core.receiveGoods({ supplier: 'Agro Traders', supplierBillNo: 'INV-9', supplierBillDate: '2026-12-02', lines: [{ product: 'SOAP', qty: 12, costMinor: 3100 }] });
    expect(r.receipt.poId).toBeNull();
    expect(r.order).toBeNull();
    expect(r.lines[0]).toEqual({ lineNo: 1, stockAfter: 12, costAfterMinor: 3100 });
    await expect(core.receiveGoods({ supplierBillNo: 'INV-9', supplierBillDate: '2026-12-02', lines: [{ product: 'SOAP', qty: 1 }] })).rejects.toThrow(/name the order \(--po\) or, without one, the supplier/);
    await expect(core.receiveGoods({ supplier: 'Agro Traders', supplierBillNo: '', supplierBillDate: '2026-12-02', lines: [{ product: 'SOAP', qty: 1 }] })).rejects.toThrow(/supplierBillNo: the supplier bill number is required/);
    await expect(core.receiveGoods({ supplier: 'Nobody', supplierBillNo: 'A', supplierBillDate: '2026-12-02', lines: [{ product: 'SOAP', qty: 1 }] })).rejects.toThrow(/no supplier "Nobody"/);
    const po = await core.createPurchaseOrder({ supplier: 'Agro Traders', lines: [{ product: 'SOAP', qty: 6 }] });
    expect(po.order.lines[0]?.agreedCostMinor).toBe(3100);
    await core.cancelPurchaseOrder({ po: po.order.number });
    await expect(core.receiveGoods({ po: po.order.number, supplierBillNo: 'A', supplierBillDate: '2026-12-02' })).rejects.toThrow(/is cancelled/);
    // Nothing of the refused receipts was written.
    expect((core.connection.prepare("SELECT count(*) AS n FROM movements WHERE kind = 'IN'").get() as { n: number }).n).toBe(1);
  });

  it('suggests what to order from this counter’s own sales', async () => {
    const { core } = await store();
    await core.stockIn({ product: 'SOAP', qty: 3 });
    await core.updateProduct({ product: 'SOAP', patch: { reorderLevel: 10 } });
    const rows = await core.reorderSuggestions({});
    const soap = rows.find((r) => r.sku === 'SOAP');
    expect(soap).toMatchObject({ due: true, suggestedQty: 7, onHandQty: 3, supplierName: 'Agro Traders' });
    expect(soap?.reasons).toContain('reorder_level');
    await core.createPurchaseOrder({ supplier: 'Agro Traders', lines: [{ product: 'SOAP', qty: 7 }] });
    expect((await core.reorderSuggestions({})).find((r) => r.sku === 'SOAP')).toBeUndefined();
  });
});
