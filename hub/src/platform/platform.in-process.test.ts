import { describe, expect, it } from 'vitest';
import { usePlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { openSse } from '../events/sse.test-client';

/** The single-node defaults (no REDIS_URL): cache invalidation by catalog writes, and event visibility. */
describe('platform services in-process', () => {
  let t: PlatformTestApp;
  usePlatformTestApp((made) => (t = made), { settings: {} });
  const call = (method: string, p: string, token: string, body?: unknown) => t.call(method, p, token, body);

  it('a product rename invalidates the cached stock summary; the cache is per visible store set', async () => {
    const [s1, s2] = [await t.makeStore(), await t.makeStore()];
    const product = await t.makeProduct();
    const admin = await t.makeUser('admin');
    const m1 = await t.makeUser('manager', [s1.id]);
    for (const [storeId, qty] of [[s1.id, 5], [s2.id, 7]] as const) {
      expect((await call('POST', '/stock-movements', admin.token, { storeId, productId: product.id, kind: 'IN', qty })).status).toBe(201);
    }
    const summary = (token: string) => call('GET', `/stocks/summary?productId=${product.id}`, token);
    expect((await summary(admin.token)).body.items[0].totalQty).toBe(12);
    expect((await summary(admin.token)).headers.get('x-cache')).toBe('hit');
    // Same URL, another caller who sees one store: never the admin's cached answer.
    const mine = await summary(m1.token);
    expect(mine.headers.get('x-cache')).toBe('miss');
    expect(mine.body.items[0].totalQty).toBe(5);

    expect((await call('PATCH', `/products/${product.id}`, admin.token, { name: 'Toor dal 1 kg' })).status).toBe(200);
    const renamed = await summary(admin.token);
    expect(renamed.headers.get('x-cache')).toBe('miss');
    expect(renamed.body.items[0].productName).toBe('Toor dal 1 kg');
  });

  it("live events reach only those who may see the store; Last-Event-ID replays what was missed", async () => {
    const [s1, s2] = [await t.makeStore(), await t.makeStore()];
    const product = await t.makeProduct();
    const admin = await t.makeUser('admin');
    const m1 = await t.makeUser('manager', [s1.id]);
    const fetcher = (url: string, init: RequestInit) => t.app.request(url, init);
    const adminFeed = await openSse('/api/v1/events', admin.token, undefined, fetcher);
    const m1Feed = await openSse('/api/v1/events', m1.token, undefined, fetcher);
    try {
      await adminFeed.next((m) => m.event === 'ready');
      await m1Feed.next((m) => m.event === 'ready');
      await call('POST', '/stock-movements', admin.token, { storeId: s2.id, productId: product.id, kind: 'IN', qty: 1 });
      await call('POST', '/stock-movements', admin.token, { storeId: s1.id, productId: product.id, kind: 'IN', qty: 2 });
      const s2Event = await adminFeed.next((m) => m.event === 'stock.changed' && JSON.parse(m.data).storeId === s2.id);
      await adminFeed.next((m) => m.event === 'stock.changed' && JSON.parse(m.data).storeId === s1.id);
      await m1Feed.next((m) => m.event === 'stock.changed' && JSON.parse(m.data).storeId === s1.id);
      expect(m1Feed.messages.filter((m) => m.event === 'stock.changed').map((m) => JSON.parse(m.data).storeId)).toEqual([s1.id]);

      // Reconnect after the store-2 event: only what came after it is replayed.
      const again = await openSse('/api/v1/events', admin.token, s2Event.id, fetcher);
      try {
        const replayed = await again.next((m) => m.event === 'stock.changed');
        expect(JSON.parse(replayed.data).storeId).toBe(s1.id);
      } finally {
        again.close();
      }
    } finally {
      adminFeed.close();
      m1Feed.close();
    }
    const bad = await t.app.request('/api/v1/events', { headers: { Authorization: `Bearer ${admin.token}`, 'Last-Event-ID': 'nonsense' } });
    expect(bad.status).toBe(400);
    expect((await t.app.request('/api/v1/events')).status).toBe(401);
  });

  it('alerts and webhooks respect role and store scope', async () => {
    const [s1, s2] = [await t.makeStore(), await t.makeStore()];
    const m1 = await t.makeUser('manager', [s1.id]);
    const staff1 = await t.makeUser('staff', [s1.id]);
    const hook = { url: 'https://hooks.example.com/bazaar' };
    expect((await call('PUT', `/alerts/webhooks/${s1.id}`, staff1.token, hook)).status).toBe(403);
    expect((await call('PUT', `/alerts/webhooks/${s2.id}`, m1.token, hook)).status).toBe(404);
    expect((await call('PUT', `/alerts/webhooks/${s1.id}`, m1.token, { url: 'ftp://x.example.com' })).status).toBe(400);
    expect((await call('PUT', `/alerts/webhooks/${s1.id}`, m1.token, hook)).body).toMatchObject({ storeId: s1.id, url: hook.url, enabled: true });
    expect((await call('GET', `/alerts?storeId=${s2.id}`, m1.token)).status).toBe(404);

    const product = await t.makeProduct({ reorderLevel: 5 });
    expect((await call('POST', '/stock-movements', m1.token, { storeId: s2.id, productId: product.id, kind: 'IN', qty: 1 })).status).toBe(404);
    const admin = await t.makeUser('admin');
    expect((await call('POST', '/stock-movements', admin.token, { storeId: s2.id, productId: product.id, kind: 'IN', qty: 1 })).status).toBe(201);
    const { waitFor } = await import('./platform.test-kit');
    const alert = await waitFor('alert in store 2', async () =>
      t.deps.db.selectFrom('alerts').select('id').where('store_id', '=', s2.id).executeTakeFirst(),
    );
    expect((await call('POST', `/alerts/${alert.id}/acknowledge`, staff1.token)).status).toBe(404);
    expect((await call('GET', '/alerts?state=live', m1.token)).body.items).toEqual([]);
    expect((await call('GET', '/metrics', m1.token)).status).toBe(403);
  });
});

describe('alert webhooks: who may set them, and where they may point', () => {
  it('refuses internal addresses in production mode only', async () => {
    const { isInternalHost } = await import('../alerts/webhook-url');
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '169.254.169.254', '172.20.0.1', '192.168.1.1', '[::1]', 'fd00::1', 'redis.internal']) {
      expect(isInternalHost(h), h).toBe(true);
    }
    for (const h of ['hooks.example.com', '8.8.8.8', '172.32.0.1', '2001:db8::1']) expect(isInternalHost(h), h).toBe(false);
  });
});
