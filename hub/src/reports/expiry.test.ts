import { localDay, type ExpiryRow } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

/** The store's (Asia/Kolkata, the default) day `n` days from today. */
function day(n: number): string {
  return localDay(Date.now() + n * 86_400_000, 'Asia/Kolkata');
}

describe('expiry report', () => {
  it('lists what is left of each batch after selling first-expiry-first-out, expired and expiring, per store, for managers of that store only', async () => {
    const [a, b] = [await t.makeStore('EXP-A'), await t.makeStore('EXP-B')];
    const milk = await t.makeProduct({ sku: 'MILK-1L' });
    const bread = await t.makeProduct({ sku: 'BREAD' });
    const post = async (storeId: string, body: Record<string, unknown>) => {
      const r = await t.call('POST', '/stock-movements', admin.token, { storeId, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    const inA = await post(a.id, { productId: milk.id, kind: 'IN', qty: 10, lot: 'M-OLD', expiresOn: day(-1) });
    expect(inA.movement).toMatchObject({ lot: 'M-OLD', expiresOn: day(-1) });
    await post(a.id, { productId: milk.id, kind: 'IN', qty: 12, lot: 'M-NEW', expiresOn: day(3) });
    await post(a.id, { productId: milk.id, kind: 'IN', qty: 20, lot: 'M-LATER', expiresOn: day(60) });
    await post(a.id, { productId: milk.id, kind: 'SALE', qty: -15, unitPriceMinor: 1000 });
    await post(a.id, { productId: bread.id, kind: 'IN', qty: 5, expiresOn: day(1) });
    await post(b.id, { productId: milk.id, kind: 'IN', qty: 4, lot: 'B-1', expiresOn: day(2) });

    const all = await t.call('GET', '/reports/expiry?withinDays=7', admin.token);
    expect(all.status).toBe(200);
    const rows = all.body.items as ExpiryRow[];
    // 15 sold of 42: the 10 expired first, then 5 of the 12 due in 3 days; the 60-day batch is past the horizon.
    expect(rows.map((r) => [r.storeCode, r.sku, r.lot, r.qty, r.status, r.daysLeft])).toEqual([
      ['EXP-A', 'BREAD', null, 5, 'expiring', 1],
      ['EXP-B', 'MILK-1L', 'B-1', 4, 'expiring', 2],
      ['EXP-A', 'MILK-1L', 'M-NEW', 7, 'expiring', 3],
    ]);
    expect(rows[0]!.costMinor).toBe(5 * 700);

    // A count that finds more than the log says: the stock sits in the latest batches first, and the expired one holds the rest.
    await post(a.id, { productId: milk.id, kind: 'COUNT', qty: 40 });
    const afterCount = (await t.call('GET', `/reports/expiry?withinDays=7&storeId=${a.id}`, admin.token)).body.items as ExpiryRow[];
    expect(afterCount.filter((r) => r.sku === 'MILK-1L').map((r) => [r.lot, r.qty, r.status])).toEqual([
      ['M-OLD', 8, 'expired'],
      ['M-NEW', 12, 'expiring'],
    ]);
    const expired = (await t.call('GET', `/reports/expiry?status=expired`, admin.token)).body.items as ExpiryRow[];
    expect(expired.map((r) => r.lot)).toEqual(['M-OLD']);

    const managerB = await t.makeUser('manager', [b.id]);
    const seenByB = (await t.call('GET', '/reports/expiry?withinDays=30', managerB.token)).body.items as ExpiryRow[];
    expect(new Set(seenByB.map((r) => r.storeCode))).toEqual(new Set(['EXP-B']));
    expect((await t.call('GET', `/reports/expiry?storeId=${a.id}`, managerB.token)).status).toBe(404);
    const staff = await t.makeUser('staff', [a.id]);
    expect((await t.call('GET', '/reports/expiry', staff.token)).status).toBe(403);
    const csv = await t.call('GET', `/reports/expiry?format=csv&storeId=${b.id}`, admin.token);
    expect(csv.text.split('\n')[0]).toMatch(/^storeCode,storeName,sku/);
    // The status as the Expiry screen writes it, in the reader's language.
    const statusOf = async (lang: string) => {
      const [head, ...rows] = (await t.call('GET', `/reports/expiry?format=csv&withinDays=7&storeId=${a.id}`, admin.token, undefined, { 'accept-language': lang })).text.trim().split('\r\n').map((l: string) => l.split(','));
      return rows.filter((r: string[]) => r[head!.indexOf('sku')] === 'MILK-1L').map((r: string[]) => r[head!.indexOf('status')]);
    };
    expect(await statusOf('en')).toEqual(['Expired', 'Expiring']);
    expect(await statusOf('hi')).toEqual(['समाप्त', 'समाप्त होने वाला']);
  });

  it('refuses a batch on goods going out and a day that is not a day', async () => {
    const s = await t.makeStore('EXP-C');
    const p = await t.makeProduct();
    const sale = await t.call('POST', '/stock-movements', admin.token, { storeId: s.id, productId: p.id, kind: 'SALE', qty: -1, lot: 'X' });
    expect(sale.status).toBe(400);
    expect(JSON.stringify(sale.body.error)).toContain('lot');
    const badDay = await t.call('POST', '/stock-movements', admin.token, { storeId: s.id, productId: p.id, kind: 'IN', qty: 1, expiresOn: '2026-02-31' });
    expect(badDay.status).toBe(400);
    expect((await t.call('GET', '/reports/expiry?withinDays=-1', admin.token)).status).toBe(400);
  });
});
