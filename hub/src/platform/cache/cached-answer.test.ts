import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformTestApp, type PlatformTestApp } from '../../test/platform-app';

/** Issue 13 item 1: a cached answer never reaches a principal the route refuses. */
describe('response cache after the role check', () => {
  let t: PlatformTestApp;
  let store: { id: string };
  let manager: { token: string };
  let staff: { token: string };
  let deviceToken: string;

  beforeAll(async () => {
    t = await createPlatformTestApp();
    store = await t.makeStore('CACHE-A');
    const product = await t.makeProduct({ reorderLevel: 50 });
    const admin = await t.makeUser('admin');
    manager = await t.makeUser('manager', [store.id]);
    staff = await t.makeUser('staff', [store.id]);
    expect((await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 3 })).status).toBe(201);
    expect((await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: product.id, kind: 'SALE', qty: -1, unitPriceMinor: 1000 })).status).toBe(201);
    const enrolled = await t.call('POST', '/devices', admin.token, { storeId: store.id, name: 'Counter 1' });
    expect(enrolled.status).toBe(201);
    deviceToken = enrolled.body.token;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  for (const path of ['/reports/sales', '/reports/low-stock', '/reports/out-of-stock', '/reports/valuation']) {
    it(`${path}: the manager's cached answer is not served to staff or to a device`, async () => {
      const first = await t.call('GET', path, manager.token);
      expect(first.status).toBe(200);
      const again = await t.call('GET', path, manager.token);
      expect(again.headers.get('x-cache')).toBe('hit');
      const asStaff = await t.call('GET', path, staff.token);
      expect(asStaff.status).toBe(403);
      expect(asStaff.headers.get('x-cache')).toBeNull();
      const asDevice = await t.call('GET', path, deviceToken);
      expect(asDevice.status).toBe(403);
    });
  }

  it('the key holds the role: staff and a manager of the same store do not share /stocks/summary', async () => {
    const m = await t.call('GET', '/stocks/summary', manager.token);
    expect(m.status).toBe(200);
    const s = await t.call('GET', '/stocks/summary', staff.token);
    expect(s.status).toBe(200);
    expect(s.headers.get('x-cache')).toBe('miss');
    // Defaults filled by the parse share one entry: ?limit=50 is the same question as no limit.
    expect((await t.call('GET', '/stocks/summary?limit=50', staff.token)).headers.get('x-cache')).toBe('hit');
  });
});
