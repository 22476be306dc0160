import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { openSse, type SseMessage } from './sse.test-client';

/** Issue 13 item 6: every event scoped; streams end when their principal loses access; no devices. */
describe('live events: scope and lifetime', () => {
  let t: PlatformTestApp;
  let storeA: { id: string };
  let storeB: { id: string };
  const fetcher = (url: string, init: RequestInit) => t.app.request(url, init);

  beforeAll(async () => {
    t = await createPlatformTestApp();
    storeA = await t.makeStore('EV-A');
    storeB = await t.makeStore('EV-B');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const ended = async (feed: { messages: SseMessage[]; next: (p: (m: SseMessage) => boolean, ms?: number) => Promise<SseMessage> }, ms: number) => {
    const started = Date.now();
    await feed.next((m) => m.event === 'end', ms);
    return Date.now() - started;
  };

  it('export progress reaches the requester only, not every subscriber', async () => {
    const managerA = await t.makeUser('manager', [storeA.id]);
    const managerB = await t.makeUser('manager', [storeB.id]);
    const admin = await t.makeUser('admin');
    const other = await t.makeUser('staff', [storeA.id]);
    const feeds = await Promise.all([managerB, admin, other, managerA].map((u) => openSse('/api/v1/events', u.token, undefined, fetcher)));
    try {
      for (const f of feeds) await f.next((m) => m.event === 'ready');
      const req = await t.call('POST', '/exports', managerA.token, { kind: 'stock', storeId: storeA.id });
      expect(req.status).toBe(202);
      const mine = feeds[3]!;
      await mine.next((m) => m.event === 'export.progress' && JSON.parse(m.data).data.state === 'done');
      // Give a leaked event every chance to arrive at the others before looking.
      await new Promise((r) => setTimeout(r, 300));
      for (const f of feeds.slice(0, 3)) expect(f.messages.filter((m) => m.event === 'export.progress')).toEqual([]);
    } finally {
      for (const f of feeds) f.close();
    }
  });

  it('hub-wide events (no store) reach admins only', async () => {
    const staff = await t.makeUser('staff', [storeA.id]);
    const admin = await t.makeUser('admin');
    const staffFeed = await openSse('/api/v1/events', staff.token, undefined, fetcher);
    const adminFeed = await openSse('/api/v1/events', admin.token, undefined, fetcher);
    try {
      await staffFeed.next((m) => m.event === 'ready');
      await adminFeed.next((m) => m.event === 'ready');
      await t.platform.events.publish({ type: 'hub.notice', storeId: null, data: { secret: 1 } });
      await adminFeed.next((m) => m.event === 'hub.notice');
      await new Promise((r) => setTimeout(r, 200));
      expect(staffFeed.messages.filter((m) => m.event === 'hub.notice')).toEqual([]);
    } finally {
      staffFeed.close();
      adminFeed.close();
    }
  });

  it('a device token cannot subscribe', async () => {
    const admin = await t.makeUser('admin');
    const enrolled = await t.call('POST', '/devices', admin.token, { storeId: storeA.id, name: 'Counter' });
    const res = await t.call('GET', '/events', enrolled.body.token);
    expect(res.status).toBe(403);
  });

  it('a stream ends within seconds of logout and of deactivation', async () => {
    const admin = await t.makeUser('admin');
    const loggedOut = await t.makeUser('manager', [storeA.id]);
    const deactivated = await t.makeUser('staff', [storeA.id]);
    const feeds = await Promise.all([loggedOut, deactivated].map((u) => openSse('/api/v1/events', u.token, undefined, fetcher)));
    try {
      for (const f of feeds) await f.next((m) => m.event === 'ready');
      expect((await t.call('POST', '/auth/logout', loggedOut.token)).status).toBe(204);
      expect((await t.call('DELETE', `/users/${deactivated.id}`, admin.token)).status).toBe(204);
      const waits = await Promise.all(feeds.map((f) => ended(f, 8_000)));
      for (const ms of waits) expect(ms).toBeLessThan(8_000);
      // And nothing is delivered after the end.
      await t.platform.events.publish({ type: 'stock.changed', storeId: storeA.id, data: {} });
      await new Promise((r) => setTimeout(r, 200));
      for (const f of feeds) expect(f.messages.filter((m) => m.event === 'stock.changed')).toEqual([]);
    } finally {
      for (const f of feeds) f.close();
    }
  }, 20_000);
});
