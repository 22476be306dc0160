import type { Product, PurchaseOrder, PurchaseOrderDetail, Store, Supplier } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { useTestHub } from '../testing/test-hub';

const t = useTestHub();

describe('purchases between head office and the counter (real hub process)', () => {
  it('an order from head office reaches the counter, a partial delivery is received offline, and the hub shows what is short, exactly once', async () => {
    const store = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-01', name: 'Gulberg Kiryana' }, t.admin);
    const supplier = await t.hub.api<Supplier>('POST', '/suppliers', { name: 'Agro Traders' }, t.admin);
    const rice = await t.hub.api<Product>('POST', '/products', { sku: 'RICE', name: 'Basmati rice', unit: 'g', priceMinor: 30000, costMinor: 24000, supplierId: supplier.id }, t.admin);
    const ghee = await t.hub.api<Product>('POST', '/products', { sku: 'GHEE', name: 'Desi ghee 1L', unit: 'pc', priceMinor: 90000, costMinor: 80000, supplierId: supplier.id }, t.admin);
    const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Counter 1' }, t.admin);
    const po = await t.hub.api<PurchaseOrder>('POST', '/purchase-orders', { storeId: store.id, supplierId: supplier.id, lines: [{ productId: rice.id, orderedQty: 50_000 }, { productId: ghee.id, orderedQty: 12, agreedCostMinor: 79000 }] }, t.admin);

    const s = await t.counter();
    const core = s.core;
    await core.enroll({ hubUrl: t.hub.url, token: dev.token });
    await core.syncNow();
    const there = await core.purchaseOrder({ po: po.number });
    expect(there).toMatchObject({ origin: 'hub', status: 'sent', synced: true });

    // Offline: half the rice and all the ghee come, with the supplier's bill; and an order of the counter's own.
    const got = await core.receiveGoods({ po: po.number, supplierBillNo: 'AT-778', supplierBillDate: '2026-12-02', lines: [{ product: 'RICE', qty: 25_000 }, { product: 'GHEE', qty: 12, taxMinor: 11_376 }] });
    expect(got.order?.lines.map((l) => l.state)).toEqual(['partial', 'complete']);
    const own = await core.createPurchaseOrder({ supplier: 'Agro Traders', lines: [{ product: 'GHEE', qty: 6 }], status: 'draft' });
    await core.syncNow();
    await core.syncNow();

    const detail = await t.hub.api<PurchaseOrderDetail>('GET', `/purchase-orders/${po.id}`, undefined, t.admin);
    expect(detail.status).toBe('partly_received');
    expect(detail.lines.map((l) => [l.sku, l.receivedQty, l.remainingQty])).toEqual([['RICE', 25_000, 25_000], ['GHEE', 12, 0]]);
    expect(detail.receipts.map((r) => [r.number, r.supplierBillNo, r.totalMinor])).toEqual([[got.receipt.number, 'AT-778', got.receipt.totalMinor]]);
    const list = await t.hub.api<{ items: { number: string; madeAt: string; status: string }[] }>('GET', `/purchase-orders?storeId=${store.id}`, undefined, t.admin);
    expect(list.items.map((o) => [o.number, o.madeAt, o.status]).sort()).toEqual([[own.order.number, 'counter', 'draft'], [po.number, 'head_office', 'partly_received']].sort());
    const receipts = await t.hub.api<{ items: unknown[] }>('GET', `/goods-receipts?storeId=${store.id}`, undefined, t.admin);
    expect(receipts.items).toHaveLength(1);
    const stock = await t.hub.api<{ items: { sku: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}`, undefined, t.admin);
    expect(Object.fromEntries(stock.items.map((r) => [r.sku, r.qty]))).toEqual({ RICE: 25_000, GHEE: 12 });
    // The counter's own order is acknowledged and no longer rides on pushes.
    expect((await core.purchaseOrder({ po: own.order.number })).synced).toBe(true);
  });
});
