import { createServer, type Server } from 'node:http';
import { localDay } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../platform/platform.test-kit';
import { usePlatformTestApp, type PlatformTestApp } from '../test/platform-app';

/** This helper's fixed port (the session gives each its own range): the store's webhook endpoint. */
const HOOK_PORT = 8932;
const day = (n: number) => localDay(Date.now() + n * 86_400_000, 'Asia/Kolkata');

let t: PlatformTestApp;
usePlatformTestApp((made) => (t = made), { settings: { expiryAlertDays: 7 } });

let hook: Server;
const delivered: { type: string; alert: { kind: string; productId: string; qty: number } }[] = [];
beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      delivered.push(JSON.parse(body) as (typeof delivered)[number]);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(HOOK_PORT, '127.0.0.1', r));
});
afterAll(() => void hook?.close());

async function idle() {
  await waitFor('the job queue to drain', async () => {
    const c = await t.platform.jobs.counts();
    return c.waiting + c.active + c.delayed === 0;
  });
}

describe('expiry alerts', () => {
  it('raise expired and expiring once per crossing through the webhook, and close when the stock is removed or sold', async () => {
    const store = await t.makeStore();
    const milk = await t.makeProduct();
    const manager = await t.makeUser('manager', [store.id]);
    expect((await t.call('PUT', `/alerts/webhooks/${store.id}`, manager.token, { url: `http://127.0.0.1:${HOOK_PORT}/alerts` })).status).toBe(200);
    const move = async (body: Record<string, unknown>) => {
      expect((await t.call('POST', '/stock-movements', manager.token, { storeId: store.id, productId: milk.id, ...body })).status).toBe(201);
      await idle();
    };
    const live = async () =>
      (await t.deps.db.selectFrom('alerts').select(['kind', 'qty', 'state']).where('store_id', '=', store.id).where('kind', 'in', ['expiring', 'expired']).orderBy('opened_at').orderBy('kind').execute()).map((a) => [
        a.kind,
        Number(a.qty),
        a.state,
      ]);

    await move({ kind: 'IN', qty: 20, lot: 'LATER', expiresOn: day(60) });
    expect(await live()).toEqual([]);
    await move({ kind: 'IN', qty: 10, lot: 'OLD', expiresOn: day(-1) });
    await move({ kind: 'IN', qty: 5, lot: 'SOON', expiresOn: day(3) });
    expect(await live()).toEqual([
      ['expired', 10, 'open'],
      ['expiring', 5, 'open'],
    ]);
    await waitFor('both webhooks', async () => delivered.length >= 2);
    expect(delivered.map((d) => [d.type, d.alert.kind, d.alert.productId, d.alert.qty]).sort()).toEqual([
      ['alert.raised', 'expired', milk.id, 10],
      ['alert.raised', 'expiring', milk.id, 5],
    ]);

    // Still expired after a sale (first expiry first out takes one of the old): nothing new is raised.
    await move({ kind: 'SALE', qty: -1, unitPriceMinor: 1000 });
    expect((await live()).filter((a) => a[2] !== 'closed')).toHaveLength(2);
    // The old batch written off: expired closes; the soon batch sold: expiring closes.
    await move({ kind: 'REMOVE', qty: -9, reason: 'expiry', lot: 'OLD', expiresOn: day(-1) });
    expect((await live()).map((a) => [a[0], a[2]])).toEqual([
      ['expired', 'closed'],
      ['expiring', 'open'],
    ]);
    await move({ kind: 'SALE', qty: -5, unitPriceMinor: 1000 });
    expect((await live()).map((a) => [a[0], a[2]])).toEqual([
      ['expired', 'closed'],
      ['expiring', 'closed'],
    ]);
    const listed = await t.call('GET', `/alerts?storeId=${store.id}`, manager.token);
    expect(listed.body.items.map((a: { kind: string; sku: string }) => a.kind).sort()).toEqual(['expired', 'expiring']);
    expect(delivered).toHaveLength(2);
  }, 60_000);
});
