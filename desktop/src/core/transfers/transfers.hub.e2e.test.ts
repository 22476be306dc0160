import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conflict, InTransitRow, Product, Store, TransferView } from '@bazaar/shared';
import { startHub, type HubProcess } from '../testing/hub-process';
import { tempStore } from '../testing/temp-store';
import type { StoreCore } from '../store-core';

const PORT = 8861;
let hub: HubProcess;
let admin: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  hub = await startHub(PORT, process.env.TEST_DATABASE_URL);
  const reg = await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Shop Owner', password: 'a-long-password-1' });
  admin = reg.token;
}, 300_000);
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
  await hub?.stop();
});

async function counter(storeId: string, name: string): Promise<StoreCore> {
  const s = await tempStore();
  cleanups.push(s.cleanup);
  const dev = await hub.api<{ token: string }>('POST', '/devices', { storeId, name }, admin);
  await s.core.enroll({ hubUrl: hub.url, token: dev.token });
  await s.core.syncNow();
  return s.core;
}

const stockAt = async (core: StoreCore, sku: string) => (await core.listStock({ search: sku })).items.find((r) => r.sku === sku)?.qty;

describe('a transfer between two offline counters, through the real hub', () => {
  it('head office plans it; the sender dispatches and the receiver counts in, both offline; synced in either order it settles once, in transit right on the way', async () => {
    const lhr = await hub.api<Store>('POST', '/stores', { code: 'LHR-01', name: 'Gulberg' }, admin);
    const isb = await hub.api<Store>('POST', '/stores', { code: 'ISB-02', name: 'Blue Area' }, admin);
    const ghee = await hub.api<Product>('POST', '/products', { sku: 'GHEE-1', name: 'Desi ghee 1kg', unit: 'pc', pricePaise: 120_000 }, admin);
    const dal = await hub.api<Product>('POST', '/products', { sku: 'DAL-M', name: 'Masoor dal (loose)', unit: 'g', pricePaise: 32_000 }, admin);
    await hub.api('POST', '/stock-movements', { storeId: lhr.id, productId: ghee.id, kind: 'IN', qty: 40 }, admin);
    await hub.api('POST', '/stock-movements', { storeId: lhr.id, productId: dal.id, kind: 'IN', qty: 50_000 }, admin);
    const planned = await hub.api<TransferView>('POST', '/transfers', { fromStoreId: lhr.id, toStoreId: isb.id, lines: [{ productId: ghee.id, qty: 12 }, { productId: dal.id, qty: 10_000 }] }, admin);

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
    const early = await hub.api<{ items: InTransitRow[] }>('GET', '/reports/in-transit', undefined, admin);
    expect(early.items.map((r) => [r.sku, r.qty])).toEqual([['DAL-M', -10_000], ['GHEE-1', -9]]);
    await sender.syncNow();
    await receiver.syncNow();
    await sender.syncNow();

    const after = await hub.api<{ items: InTransitRow[] }>('GET', '/reports/in-transit', undefined, admin);
    expect(after.items).toEqual([]);
    const v = await hub.api<TransferView>('GET', `/transfers/${planned.id}`, undefined, admin);
    expect(v.status).toBe('received');
    expect(v.lines.map((l) => [l.sku, l.qtySent, l.qtyReceived, l.qtyDamaged])).toEqual([['GHEE-1', 10, 9, 1], ['DAL-M', 10_000, 10_000, 0]]);
    const conflicts = await hub.api<{ items: Conflict[] }>('GET', '/conflicts?kind=TRANSFER_DISCREPANCY', undefined, admin);
    expect(conflicts.items).toHaveLength(1);
    expect(conflicts.items[0]!.details).toMatchObject({ number: planned.number, lines: [{ sku: 'GHEE-1', damaged: 1, short: 0 }] });
    // Both counters now hold both sides.
    expect((await sender.showTransfer({ transfer: planned.number })).transfer.lines[0]!.qtyReceived).toBe(9);
    expect((await receiver.showTransfer({ transfer: planned.number })).transfer.lines[0]!.qtySent).toBe(10);

    // Hub stock: every movement once.
    const stocks = await hub.api<{ items: { storeId: string; sku: string; qty: number }[] }>('GET', `/stocks?productId=${ghee.id}`, undefined, admin);
    expect(Object.fromEntries(stocks.items.map((s) => [s.storeId, s.qty]))).toEqual({ [lhr.id]: 30, [isb.id]: 9 });

    // A transfer made at the sending counter goes the other way round: dispatched, in transit, closed short.
    const mine = await sender.createTransfer({ to: 'ISB-02', lines: [{ product: 'GHEE-1', qty: 5 }] });
    expect(mine.transfer.number).toMatch(/^LHR-01-C[0-9A-Z]{4}-T000001$/);
    await sender.dispatchTransfer({ transfer: mine.transfer.number });
    await sender.syncNow();
    const moving = await hub.api<{ items: InTransitRow[] }>('GET', `/reports/in-transit?storeId=${isb.id}`, undefined, admin);
    expect(moving.items.map((r) => [r.sku, r.qty])).toEqual([['GHEE-1', 5]]);
    await receiver.syncNow();
    await receiver.receiveTransfer({ transfer: mine.transfer.number, close: true });
    await receiver.syncNow();
    const closed = await hub.api<TransferView>('GET', `/transfers/${mine.transfer.id}`, undefined, admin);
    expect(closed.status).toBe('closed');
    expect(closed.lines[0]!.discrepancy).toEqual({ short: 5, over: 0, damaged: 0 });
    expect((await hub.api<{ items: InTransitRow[] }>('GET', '/reports/in-transit', undefined, admin)).items).toEqual([]);
  }, 180_000);
});
