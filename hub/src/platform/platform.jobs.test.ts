import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { dropPrefix, requireRedis, TEST_REDIS_URL, uniquePrefix, waitFor } from './platform.test-kit';

const modes = [
  { name: 'in-process queue (no Redis)', redis: false, skip: false },
  { name: 'BullMQ on Redis (needs TEST_REDIS_URL)', redis: true, skip: !TEST_REDIS_URL },
];

for (const mode of modes) {
  describe.skipIf(mode.skip)(`background jobs: ${mode.name}`, () => {
    const prefix = uniquePrefix('jobs');
    let t: PlatformTestApp;
    let redis: Redis | null = null;
    let hook: Server;
    const hits: number[] = [];

    beforeAll(async () => {
      if (mode.redis) redis = await requireRedis(TEST_REDIS_URL!);
      // A store's webhook endpoint that is down: every delivery answers 500.
      hook = createServer((req, res) => {
        hits.push(Date.now());
        req.resume();
        res.statusCode = 500;
        res.end('down');
      });
      await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    }, 60_000);

    afterAll(async () => {
      hook?.close();
      if (redis) {
        await dropPrefix(redis, prefix);
        redis.disconnect();
      }
    }, 30_000);
    usePlatformTestApp((made) => (t = made), {
      redisUrl: mode.redis ? TEST_REDIS_URL : undefined,
      settings: { redisKeyPrefix: prefix, webhookAttempts: 3, webhookBackoffMs: 100 },
    });
    const call = (method: string, p: string, token: string, body?: unknown) => t.call(method, p, token, body);

    /** Until every queued job (and the retries it queued) has run. */
    async function idle() {
      await waitFor('the job queue to drain', async () => {
        const c = await t.platform.jobs.counts();
        return c.waiting + c.active + c.delayed === 0;
      });
    }

    async function alertsOf(productId: string) {
      return t.deps.db.selectFrom('alerts').selectAll().where('product_id', '=', productId).orderBy('opened_at').orderBy('id').execute();
    }

    it('raises a low-stock alert once per crossing; an acknowledged alert stays quiet until stock recovers', async () => {
      const store = await t.makeStore();
      const product = await t.makeProduct({ reorderLevel: 5 });
      const manager = await t.makeUser('manager', [store.id]);
      const move = async (kind: string, qty: number) => {
        const r = await call('POST', '/stock-movements', manager.token, { storeId: store.id, productId: product.id, kind, qty });
        expect(r.status).toBe(201);
        await idle();
      };

      await move('IN', 10);
      expect(await alertsOf(product.id)).toHaveLength(0);
      await move('SALE', -6); // 4: crosses into low
      await move('SALE', -1); // 3: still low, nothing new
      let alerts = await alertsOf(product.id);
      expect(alerts.map((a) => [a.kind, a.state])).toEqual([['low', 'open']]);

      const ack = await call('POST', `/alerts/${alerts[0]!.id}/acknowledge`, manager.token);
      expect(ack.status).toBe(200);
      await move('SALE', -1); // 2: acknowledged, stays quiet
      alerts = await alertsOf(product.id);
      expect(alerts.map((a) => [a.kind, a.state])).toEqual([['low', 'acknowledged']]);

      await move('IN', 10); // 12: recovered, the alert closes
      alerts = await alertsOf(product.id);
      expect(alerts.map((a) => [a.kind, a.state])).toEqual([['low', 'closed']]);

      await move('SALE', -9); // 3: a new crossing, a new alert
      await move('SALE', -3); // 0: out of stock on top of low
      alerts = await alertsOf(product.id);
      expect(alerts.map((a) => [a.kind, a.state])).toEqual([
        ['low', 'closed'],
        ['low', 'open'],
        ['out', 'open'],
      ]);
      const listed = await call('GET', `/alerts?storeId=${store.id}&state=live`, manager.token);
      expect(listed.body.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['low', 'out']);
      // A drill-down asks for the products it shows: only theirs come back.
      const quiet = await t.makeProduct({ reorderLevel: 0 });
      const of = (ids: string) => call('GET', `/alerts?storeId=${store.id}&state=live&productIds=${ids}`, manager.token);
      expect((await of(`${quiet.id},${product.id}`)).body.items.map((a: { productId: string; kind: string }) => [a.productId, a.kind]).sort()).toEqual([
        [product.id, 'low'],
        [product.id, 'out'],
      ]);
      expect((await of(quiet.id)).body.items).toEqual([]);
      expect((await of('not-an-id')).status).toBe(400);
    }, 60_000);

    it('retries a failing webhook with exponential backoff, ends failed, and /health shows it', async () => {
      const store = await t.makeStore();
      const product = await t.makeProduct({ reorderLevel: 5 });
      const manager = await t.makeUser('manager', [store.id]);
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
      expect((await call('PUT', `/alerts/webhooks/${store.id}`, manager.token, { url })).status).toBe(200);

      expect((await call('POST', '/stock-movements', manager.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 2 })).status).toBe(201);
      const db = t.deps.db;
      const failed = await waitFor('the delivery to end failed', async () =>
        db.selectFrom('webhook_deliveries').selectAll().where('store_id', '=', store.id).where('state', '=', 'failed').executeTakeFirst(),
      );
      expect(failed.attempts).toBe(3);
      expect(failed.last_status).toBe(500);
      expect(hits).toHaveLength(3);
      // Each retry waits at least its backoff (100 ms, then 200 ms): lower bounds only, never upper.
      expect(hits[1]! - hits[0]!).toBeGreaterThanOrEqual(95);
      expect(hits[2]! - hits[1]!).toBeGreaterThanOrEqual(195);

      const health = await t.app.request('/api/v1/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ webhooks: { failedLast24h: 1 } });
    }, 60_000);

    it('rolls up daily sales from the movement log, idempotently', async () => {
      const store = await t.makeStore();
      const product = await t.makeProduct({ reorderLevel: 0 });
      const manager = await t.makeUser('manager', [store.id]);
      const day = '2026-01-15';
      for (const qty of [-2, -3]) {
        const r = await call('POST', '/stock-movements', manager.token, {
          storeId: store.id,
          productId: product.id,
          kind: 'SALE',
          qty,
          unitPriceMinor: 1500,
          occurredAt: `${day}T10:00:00.000Z`,
        });
        expect(r.status).toBe(201);
      }
      for (let run = 0; run < 2; run++) {
        await t.platform.jobs.add('rollup-sales', { days: [day] });
        await idle();
      }
      const rows = await t.deps.db.selectFrom('sales_daily').selectAll().where('store_id', '=', store.id).execute();
      expect(rows.map((r) => ({ qty: Number(r.qty_sold), revenue: Number(r.revenue_minor), sales: r.sales }))).toEqual([{ qty: 5, revenue: 7500, sales: 2 }]);
    }, 60_000);

    it('exports a CSV in the background with progress, downloadable when done', async () => {
      const store = await t.makeStore();
      const product = await t.makeProduct({ reorderLevel: 0 });
      const admin = await t.makeUser('admin');
      for (let i = 0; i < 3; i++) {
        expect((await call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: i + 1 })).status).toBe(201);
      }
      const started = await call('POST', '/exports', admin.token, { kind: 'movements', storeId: store.id });
      expect(started.status).toBe(202);
      const done = await waitFor('the export to finish', async () => {
        const s = await call('GET', `/exports/${started.body.id}`, admin.token);
        return s.body.state === 'done' ? s.body : null;
      });
      expect(done).toMatchObject({ rowsDone: 3, rowsTotal: 3 });
      const csv = await (await t.app.request(`/api/v1/exports/${started.body.id}/download`, { headers: { Authorization: `Bearer ${admin.token}` } })).text();
      const [head, ...rows] = csv.trim().split('\n').map((l) => l.split(','));
      const col = (name: string) => head!.indexOf(name);
      expect(head!.slice(0, 9)).toEqual(['store_code', 'store_name', 'local_time', 'time_zone', 'sku', 'product_name', 'kind', 'qty', 'unit']);
      expect(rows.map((r) => r[col('qty')]).sort()).toEqual(['1', '2', '3']);
      // People read names, units and the store's clock; the ids and UTC come after, for programs.
      const row = rows[0]!;
      expect(row[col('store_name')]).toBe(`Store ${store.code}`);
      expect(row[col('unit')]).toBe('pc');
      expect(row[col('time_zone')]).toBe('Asia/Kolkata');
      const utc = new Date(row[col('occurred_at_utc')]!);
      expect(row[col('local_time')]).toBe(new Date(utc.getTime() + 330 * 60_000).toISOString().slice(0, 19).replace('T', ' '));
      expect(row[col('cashier')]).toMatch(/^Test admin/);
      expect(row[col('user_id')]).toBe(admin.id);
      // The kind as head office's screens write it (the hub's language here), in the requester's language when it sends one.
      expect(new Set(rows.map((r) => r[col('kind')]))).toEqual(new Set(['Stock in']));
      const urdu = await t.app.request('/api/v1/exports', {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'accept-language': 'ur' },
        body: JSON.stringify({ kind: 'movements', storeId: store.id }),
      });
      const urduId = ((await urdu.json()) as { id: string }).id;
      await waitFor('the Urdu export to finish', async () => ((await call('GET', `/exports/${urduId}`, admin.token)).body.state === 'done' ? true : null));
      const urduCsv = await (await t.app.request(`/api/v1/exports/${urduId}/download`, { headers: { Authorization: `Bearer ${admin.token}` } })).text();
      expect(new Set(urduCsv.trim().split('\n').slice(1).map((l) => l.split(',')[col('kind')]))).toEqual(new Set(['آمد']));

      const stock = await call('POST', '/exports', admin.token, { kind: 'stock', storeId: store.id });
      await waitFor('the stock export to finish', async () => ((await call('GET', `/exports/${stock.body.id}`, admin.token)).body.state === 'done' ? true : null));
      const stockCsv = await (await t.app.request(`/api/v1/exports/${stock.body.id}/download`, { headers: { Authorization: `Bearer ${admin.token}` } })).text();
      const [sHead, sRow] = stockCsv.trim().split('\n').map((l) => l.split(','));
      const sCol = (name: string) => sHead!.indexOf(name);
      expect(sHead!.slice(0, 8)).toEqual(['store_code', 'store_name', 'region', 'sku', 'product_name', 'category', 'qty', 'unit']);
      expect(sRow![sCol('qty')]).toBe('6');
      // Money in the hub's currency, named in the header, with its two digits of paisa.
      expect(sRow![sCol('cost (INR)')]).toMatch(/^\d+\.\d{2}$/);
      expect(Math.round(Number(sRow![sCol('stock_value_at_cost (INR)')]) * 100)).toBe(6 * Math.round(Number(sRow![sCol('cost (INR)')]) * 100));
      expect(head!).toContain('unit_price (INR)');
    }, 60_000);
  });
}
