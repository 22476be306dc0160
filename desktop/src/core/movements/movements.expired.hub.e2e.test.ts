import { DEFAULT_STORE_TIME_ZONE, localDay, type ExpiryRow, type Product, type Store } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from '../testing/hub-process';
import { tempStore } from '../testing/temp-store';

/** This helper's fixed port (the session gives each its own range). */
const PORT = 8931;
const day = (n: number) => localDay(Date.now() + n * 86_400_000, DEFAULT_STORE_TIME_ZONE);

let hub: HubProcess;
let admin: string;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  hub = await startHub(PORT, process.env.TEST_DATABASE_URL);
  admin = (await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Shop Owner', password: 'a-long-password-1' })).token;
}, 300_000);
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
  await hub?.stop();
});

describe('removing expired stock in one step (real hub process)', () => {
  it('takes what is left of each expired batch off with reason expiry, once; the hub gets each removal exactly once and lists nothing expired', async () => {
    const store = await hub.api<Store>('POST', '/stores', { code: 'EXP-01', name: 'Dairy Corner' }, admin);
    const milk = await hub.api<Product>('POST', '/products', { sku: 'MILK', name: 'Milk 1L', unit: 'pc', priceMinor: 6000, costMinor: 5000 }, admin);
    await hub.api<Product>('POST', '/products', { sku: 'BREAD', name: 'Bread', unit: 'pc', priceMinor: 4000, costMinor: 3000 }, admin);
    const dev = await hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Counter 1' }, admin);
    const s = await tempStore();
    cleanups.push(s.cleanup);
    const core = s.core;
    await core.enroll({ hubUrl: hub.url, token: dev.token });
    await core.syncNow();

    await core.stockIn({ product: 'MILK', qty: 10, lot: 'M-OLD', expiresOn: day(-2) });
    await core.stockIn({ product: 'MILK', qty: 12, lot: 'M-NEW', expiresOn: day(5) });
    await core.stockIn({ product: 'BREAD', qty: 5, expiresOn: day(-1) });
    await core.stockIn({ product: 'BREAD', qty: 3 });
    // First expiry first out: the 4 sold come out of the old milk, which keeps 6.
    await core.sell({ lines: [{ product: 'MILK', qty: 4 }] });

    const r = await core.removeExpired({ note: 'morning check' });
    expect(r.today).toBe(day(0));
    expect(r.removed.map((l) => [l.sku, l.lot, l.expiresOn, l.qty, l.costMinor, l.stockAfter])).toEqual([
      ['MILK', 'M-OLD', day(-2), 6, 6 * 5000, 12],
      // Bread: 8 on hand over a dated batch of 5; the undated 3 are counted sold first, so all 5 dated ones are left.
      ['BREAD', null, day(-1), 5, 5 * 3000, 3],
    ]);
    // Once: the batches hold nothing now.
    expect((await core.removeExpired()).removed).toEqual([]);
    const history = await core.history({ kind: 'REMOVE', limit: 10 });
    expect(history.items.map((m) => [m.sku, m.qty, m.reason, m.lot, m.note]).sort()).toEqual([
      ['BREAD', -5, 'expiry', null, 'morning check'],
      ['MILK', -6, 'expiry', 'M-OLD', 'morning check'],
    ]);

    await core.syncNow();
    await core.syncNow();
    const removals = await hub.api<{ items: { productId: string; qty: number; reason: string; lot?: string }[] }>('GET', `/stock-movements?storeId=${store.id}&kind=REMOVE`, undefined, admin);
    expect(removals.items.map((m) => [m.productId === milk.id ? 'MILK' : 'BREAD', m.qty, m.reason, m.lot ?? null]).sort()).toEqual([
      ['BREAD', -5, 'expiry', null],
      ['MILK', -6, 'expiry', 'M-OLD'],
    ]);
    const stock = await hub.api<{ items: { sku: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}`, undefined, admin);
    expect(Object.fromEntries(stock.items.map((k) => [k.sku, k.qty]))).toEqual({ MILK: 12, BREAD: 3 });
    const expiry = await hub.api<{ items: ExpiryRow[] }>('GET', `/reports/expiry?storeId=${store.id}&withinDays=7`, undefined, admin);
    expect(expiry.items.map((e) => [e.sku, e.lot, e.qty, e.status])).toEqual([['MILK', 'M-NEW', 12, 'expiring']]);
  }, 120_000);
});
