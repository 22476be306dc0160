import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { SimDevice } from '../sync/sync.test-kit';
import { createTestApp, createTestDb, type TestApp, type TestDb } from '../test/test-db';
import { createPlatform } from './platform.factory';
import { platformSettings } from './platform.config';
import type { Platform } from './platform.types';
import { dropPrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from './platform.test-kit';

const modes = [
  { name: 'single node (no Redis)', redis: false, skip: false },
  { name: 'nodes sharing Redis (needs TEST_REDIS_URL)', redis: true, skip: !TEST_REDIS_URL },
];

/**
 * DATABASE_READ_URL: a second database serves reports and audit search. Here it is a separate,
 * deliberately different database, so a read that lands on it is visible as such.
 */
for (const mode of modes) {
  describe.skipIf(mode.skip)(`read replica split: ${mode.name}`, () => {
    const prefix = uniquePrefix('replica');
    let t: TestApp;
    let replica: TestDb;
    let platform: Platform;
    let app: ReturnType<typeof createApp>;
    let redis: Redis | null = null;

    beforeAll(async () => {
      if (mode.redis) redis = await requireRedis(TEST_REDIS_URL!);
      t = await createTestApp();
      replica = await createTestDb();
      platform = await createPlatform({
        config: t.deps.config,
        db: t.deps.db,
        readDb: replica.db,
        logger: pino({ level: 'silent' }),
        settings: platformSettings({ redisUrl: mode.redis ? TEST_REDIS_URL : undefined }, { redisKeyPrefix: prefix, rollupEveryMs: 0 }),
      });
      app = createApp({ ...t.deps, readDb: replica.db, limiter: platform.limiter, platform });
    }, 60_000);

    afterAll(async () => {
      await platform?.close();
      await replica?.destroy();
      await t?.close();
      if (redis) {
        await dropPrefix(redis, prefix);
        redis.disconnect();
      }
    }, 30_000);

    async function call(method: string, p: string, token: string, body?: unknown) {
      return callOn(app, method, p, token, body);
    }
    async function callOn(node: ReturnType<typeof createApp>, method: string, p: string, token: string, body?: unknown) {
      const res = await node.request(`/api/v1${p}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    }

    it('audit search reads the replica, writes go to the primary, and /health checks both', async () => {
      const admin = await t.makeUser('admin');
      const created = await call('POST', '/stores', admin.token, { code: 'RPL1', name: 'Replica store' });
      expect(created.status).toBe(201);
      const onPrimary = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.body.id).execute();
      expect(onPrimary.length).toBeGreaterThan(0);

      // The replica has not (and here never will) receive that row: the search must not find it...
      expect((await call('GET', `/logs?entity=store`, admin.token)).body.items).toEqual([]);
      // ...but finds what only the replica holds.
      await sql`
        INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, store_id, before, after, ip, prev_hash, hash, search)
        VALUES (now(), NULL, 'replica-only', 'store.create', 'store', 'marker', NULL, NULL, NULL, NULL, 'x', 'y', to_tsvector('simple', 'marker'))`.execute(replica.db);
      const found = await call('GET', `/logs?entity=store`, admin.token);
      expect(found.body.items.map((i: { entityId: string }) => i.entityId)).toEqual(['marker']);

      const health = await (await app.request('/api/v1/health')).json();
      expect(health).toMatchObject({ status: 'ok', database: 'ok', replica: { status: 'ok', mode: 'separate' } });
    });

    it('read-your-writes: sync pulls read the primary, so a device sees its own push on any node', async () => {
      const store = await t.makeStore();
      const product = await t.makeProduct();
      const manager = await t.makeUser('manager', [store.id]);
      const kit = { ...t, call: (m: string, p: string, token?: string | null, body?: unknown) => call(m, p, token ?? '', body) } as TestApp;
      const device = await SimDevice.enroll(kit, manager.token, store.id, 'Counter 1');
      device.record('IN', product.id, 12);
      device.record('SALE', product.id, -5);
      await device.pushAll();

      // The pull right after the push sees the push (the replica does not even know this store),
      // on this node and on a second node with its own platform (sharing Redis in that mode).
      const second = await createPlatform({
        config: t.deps.config,
        db: t.deps.db,
        readDb: replica.db,
        logger: pino({ level: 'silent' }),
        settings: platformSettings({ redisUrl: mode.redis ? TEST_REDIS_URL : undefined }, { redisKeyPrefix: prefix, rollupEveryMs: 0 }),
      });
      try {
        const other = createApp({ ...t.deps, readDb: replica.db, limiter: second.limiter, platform: second });
        const onOther = { ...t, call: (m: string, p: string, token?: string | null) => callOn(other, m, p, token ?? '') } as TestApp;
        for (const reader of [device, new SimDevice(onOther, device.id, store.id, device.token, device.node)]) {
          const pages = await reader.pullAll();
          expect(pages.flatMap((pg) => pg.stock).find((s) => s.productId === product.id)?.qty).toBe(7);
          expect(pages.at(-1)?.includesSeq).toBe(2);
        }
      } finally {
        await second.close();
      }
    });
  });
}
