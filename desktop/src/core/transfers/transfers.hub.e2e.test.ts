import { describe, expect, it } from 'vitest';
import type { Conflict, InTransitRow, Product, Store, TransferView } from '@bazaar/shared';
import { useTestHub } from '../testing/test-hub';
import type { StoreCore } from '../store-core';

const t = useTestHub();

async function counter(storeId: string, name: string): Promise<StoreCore> {
  const s = await t.counter();
  const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId, name }, t.admin);
  await s.core.enroll({ hubUrl: t.hub.url, token: dev.token });
  await s.core.syncNow();
  return s.core;
}

const stockAt = async (core: StoreCore, sku: string) => (await core.listStock({ search: sku })).items.find((r) => r.sku === sku)?.qty;

describe('a transfer between two offline counters, through the real hub', () => {
  it('head office plans it; the sender dispatches and the receiver counts in, both offline; synced in either order it settles once, in transit right on the way', async () => {
    const lhr = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-01', name: 'Gulberg' }, t.admin);
    const isb = await t.hub.api<Store>('POST', '/stores', { code: 'ISB-02', name: 'Blue Area' }, t.admin);
    const ghee = await t.hub.api<Product>('POST', '/products', { sku: 'GHEE-1', name: 'Desi ghee 1kg', unit: 'pc', priceMinor: 120_000 }, t.admin);
    const dal = await t.hub.api<Product>('POST', '/products', { sku: 'DAL-M', name: 'Masoor dal (loose)', unit: 'g', priceMinor: 32_000 }, t.admin);
    await t.hub.api('POST', '/stock-movements', { storeId: lhr.id, productId: ghee.id, kind: 'IN', qty: 40 }, t.admin);
    await t.hub.api('POST', '/stock-movements', { storeId: lhr.id, productId: dal.id, kind: 'IN', qty: 50_000 }, t.admin);
    const planned = await t.hub.api<TransferView>('POST', '/transfers', { fromStoreId: lhr.id, toStoreId: isb.id, lines: [{ productId: ghee.id, qty: 12 }, { productId: dal.id, qty: 10_000 }] }, t.admin);

    const sender = await counter(lhr.id, 'Gulberg till');
    const receiver = await counter(isb.id, 'Blue Area till');
    expect((await sender.listTransfers({ direction: 'out' })).map((v) => v.transfer.number)).toEqual(['LHR-01-HO-T000001']);
    expect((await receiver.listTransfers({ direction: 'in' }))[0]).toMatchObject({ otherStore: { code: 'LHR-01' }, transfer: { status: 'draft' } });

    // Both offline: the sender sends 10 ghee (not 12) and the dal; the receiver counts in what arrived.
    const out = await sender.dispatchTransfer({ transfer: planned.number, lines: [{ product: 'GHEE-1', qty: 10 }] });
    expect(out.transfer.status).toBe('dispatched');
    expect(await stockAt(sender, 'GHEE-1')).toBe(30);
    await expect(sender.dispatchTransfer({ transfer: planned.number })).rejects.toThrow(/not a draft/);
    const got = await receiver.receiveTransfer({ transfer: planned.number.toLowerCase(), lines: [{ product: 'GHEE-1', received: 9, damaged: 1 }, { product: 'DAL-M', received: 10_000 }] });
    expect(got.transfer.status).toBe('received');
    expect(await stockAt(receiver, 'GHEE-1')).toBe(9);
    await expect(receiver.receiveTransfer({ transfer: planned.number, lines: [{ product: 'DAL-M', received: 1 }] })).rejects.toThrow(/already counted in/);

    // The receipt reaches the hub first.
    await receiver.syncNow();
    const early = await t.hub.api<{ items: InTransitRow[] }>('GET', '/reports/in-transit', undefined, t.admin);
    expect(early.items.map((r) => [r.sku, r.qty])).toEqual([['DAL-M', -10_000], ['GHEE-1', -9]]);
    await sender.syncNow();
    await receiver.syncNow();
    await sender.syncNow();

    const after = await t.hub.api<{ items: InTransitRow[] }>('GET', '/reports/in-transit', undefined, t.admin);
    expect(after.items).toEqual([]);
    const v = await t.hub.api<TransferView>('GET', `/transfers/${planned.id}`, undefined, t.admin);
    expect(v.status).toBe('received');
    expect(v.lines.map((l) => [l.sku, l.qtySent, l.qtyReceived, l.qtyDamaged])).toEqual([['GHEE-1', 10, 9, 1], ['DAL-M', 10_000, 10_000, 0]]);
    const conflicts = await t.hub.api<{ items: Conflict[] }>('GET', '/conflicts?kind=TRANSFER_DISCREPANCY', undefined, t.admin);
    expect(conflicts.items).toHaveLength(1);
    expect(conflicts.items[0]!.details).toMatchObject({ number: planned.number, lines: [{ sku: 'GHEE-1', damaged: 1, short: 0 }] });
    // Both counters now hold both sides.
    expect((await sender.showTransfer({ transfer: planned.number })).transfer.lines[0]!.qtyReceived).toBe(9);
    expect((await receiver.showTransfer({ transfer: planned.number })).transfer.lines[0]!.qtySent).toBe(10);

    // Hub stock: every movement once.
    const stocks = await t.hub.api<{ items: { storeId: string; sku: string; qty: number }[] }>('GET', `/stocks?productId=${ghee.id}`, undefined, t.admin);
    expect(Object.fromEntries(stocks.items.map((s) => [s.storeId, s.qty]))).toEqual({ [lhr.id]: 30, [isb.id]: 9 });

    // A transfer made at the sending counter goes the other way round: dispatched, in transit, closed short.
    const mine = await sender.createTransfer({ to: 'ISB-02', lines: [{ product: 'GHEE-1', qty: 5 }] });
    expect(mine.transfer.number).toMatch(/^LHR-01-C[0-9A-Z]{4}-T000001$/);
    await sender.dispatchTransfer({ transfer: mine.transfer.number });
    await sender.syncNow();
    const moving = await t.hub.api<{ items: InTransitRow[] }>('GET', `/reports/in-transit?storeId=${isb.id}`, undefined, t.admin);
    expect(moving.items.map((r) => [r.sku, r.qty])).toEqual([['GHEE-1', 5]]);
    await receiver.syncNow();
    await receiver.receiveTransfer({ transfer: mine.transfer.number, close: true });
    await receiver.syncNow();
    const closed = await t.hub.api<TransferView>('GET', `/transfers/${mine.transfer.id}`, undefined, t.admin);
    expect(closed.status).toBe('closed');
    expect(closed.lines[0]!.discrepancy).toEqual({ short: 5, over: 0, damaged: 0 });
    expect((await t.hub.api<{ items: InTransitRow[] }>('GET', '/reports/in-transit', undefined, t.admin)).items).toEqual([]);
  }, 180_000);
});
