import type { Product, Store } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { useTestHub } from '../testing/test-hub';
import { expectError } from './bills.testing';

const t = useTestHub();

async function counterOf(store: Store, name: string, code: string) {
  const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name }, t.admin);
  const s = await t.counter();
  await s.core.enroll({ hubUrl: t.hub.url, token: dev.token });
  await s.core.syncNow();
  await s.core.signIn({ username: 'meena', pin: '1234' });
  await s.core.updateBillSettings({ counterCode: code });
  return s.core;
}

describe('a return at another counter of the store (real hub process)', () => {
  it("counter 2 takes back goods of counter 1's bill offline, never more than is left, and counter 1 then knows of it", async () => {
    const store = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-05', name: 'Model Town Kiryana' }, t.admin);
    const soap = await t.hub.api<Product>('POST', '/products', { sku: 'SOAP', name: 'Lux soap', unit: 'pc', priceMinor: 4500 }, t.admin);
    await t.hub.api('POST', '/stock-movements', { storeId: store.id, productId: soap.id, kind: 'IN', qty: 50 }, t.admin);
    await t.hub.api('POST', '/users', { username: 'meena', name: 'Meena', password: 'meena-password-1', role: 'manager', storeIds: [store.id], pin: '1234' }, t.admin);
    const one = await counterOf(store, 'Till 1', 'C1');
    const two = await counterOf(store, 'Till 2', 'C2');

    const sale = await one.sell({ lines: [{ product: 'SOAP', qty: 3 }], payments: [{ method: 'cash', tenderedMinor: 20_000 }] });
    await one.syncNow();
    await two.syncNow();

    // Counter 2, offline from here: finds the bill, takes 2 of the 3 back, is refused a third and fourth, cannot void it.
    const found = await two.findBills({ number: sale.billNumber, limit: 10 });
    expect(found.map((b) => [b.number, b.counterCode, b.thisCounter])).toEqual([[sale.billNumber, 'C1', false]]);
    const shown = await two.showBill({ bill: sale.billNumber });
    expect(shown.returnable).toEqual({ 1: 3 });
    const ret = await two.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }] });
    expect(ret).toMatchObject({ kind: 'return', originalBillId: sale.batchId, counterCode: 'C2' });
    await expectError(two.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }] }), 'CONFLICT');
    await expectError(two.voidBill({ bill: sale.billNumber, reason: 'rang twice', approval: { username: 'meena', pin: '1234' } }), 'UNPROCESSABLE');
    expect((await two.showBill({ bill: sale.billNumber })).returnable).toEqual({ 1: 1 });

    await two.syncNow();
    await one.syncNow();
    // Counter 1 sees the return made at counter 2: only one soap is left to take back there too.
    expect((await one.showBill({ bill: sale.billNumber })).returnable).toEqual({ 1: 1 });
    await expectError(one.returnBill({ bill: sale.billNumber, lines: [{ lineNo: 1, qty: 2 }] }), 'CONFLICT');
    const stock = await t.hub.api<{ items: { sku: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}`, undefined, t.admin);
    expect(stock.items.find((r) => r.sku === 'SOAP')?.qty).toBe(50 - 3 + 2);
    const bills = await t.hub.api<{ items: { number: string; kind: string }[] }>('GET', `/bills?storeId=${store.id}`, undefined, t.admin);
    expect(bills.items.map((b) => [b.number, b.kind]).sort()).toEqual([[sale.billNumber, 'sale'], [ret.number, 'return']].sort());
    // Counter 2's own numbering is untouched by the bills it holds of counter 1.
    expect((await two.sell({ lines: [{ product: 'SOAP', qty: 1 }] })).billNumber).toBe('LHR-05-C2-000002');
  });
});
