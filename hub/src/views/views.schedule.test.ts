import pino from 'pino';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type HubDb } from '../db/db.factory';
import { createPlatform } from '../platform/platform.factory';
import { platformSettings } from '../platform/platform.config';
import type { Platform } from '../platform/platform.types';
import { dropPrefix, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, uniquePrefix, waitFor } from '../platform/platform.test-kit';
import type { JobQueue } from '../platform/jobs/job-queue';
import { createPlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { periodAt, runDueSchedules } from './views.schedule';

const DAY = 86_400_000;

describe('periodAt', () => {
  it('keys UTC days, and weeks by their Monday', () => {
    expect(periodAt('daily', new Date('2027-01-06T23:59:59Z')).key).toBe('day:2027-01-06');
    expect(periodAt('weekly', new Date('2027-01-06T10:00:00Z')).key).toBe('week:2027-01-04');
    expect(periodAt('weekly', new Date('2027-01-10T23:00:00Z')).key).toBe('week:2027-01-04');
    expect(periodAt('weekly', new Date('2027-01-11T00:00:00Z'))).toMatchObject({ key: 'week:2027-01-11', end: new Date('2027-01-18T00:00:00Z') });
  });
});

const modes = [
  { name: 'on BullMQ (TEST_REDIS_URL)', redis: true, skip: !TEST_REDIS_URL || !TEST_DATABASE_URL },
  { name: 'on in-process queues', redis: false, skip: !TEST_DATABASE_URL },
];

for (const mode of modes) {
  describe.skipIf(mode.skip)(`scheduled reports on two hub nodes ${mode.name}`, () => {
    const prefix = uniquePrefix('reports');
    let t: PlatformTestApp;
    let redis: Redis | null = null;
    const nodes: { db: HubDb; platform: Platform }[] = [];
    // The nodes' clock: a Wednesday at least a week ahead of the real one (rows' created_at are real).
    const wed = Math.floor(Date.now() / DAY) * DAY + 7 * DAY;
    let now = wed + ((10 - new Date(wed).getUTCDay()) % 7) * DAY + 10 * 3600_000;
    const start = now;

    async function startNode() {
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${t.db.name}`;
      const db = createDb({ databaseUrl: url.toString(), databaseReadUrl: undefined, dbPoolSize: 5, dataDir: '' });
      const platform = await createPlatform({
        config: t.deps.config,
        db: db.db,
        readDb: db.readDb,
        logger: pino({ level: 'silent' }),
        settings: platformSettings({ redisUrl: mode.redis ? TEST_REDIS_URL : undefined }, { redisKeyPrefix: prefix, rollupEveryMs: 0, auditAnchorEveryMs: 0, reportScheduleEveryMs: 25 }),
        now: () => now,
      });
      const node = { db, platform };
      nodes.push(node);
      return node;
    }
    async function stopNode(node: { db: HubDb; platform: Platform }) {
      nodes.splice(nodes.indexOf(node), 1);
      await node.platform.close();
      await node.db.close();
    }

    beforeAll(async () => {
      if (mode.redis) redis = await requireRedis(TEST_REDIS_URL!);
      t = await createPlatformTestApp({}, { redisUrl: mode.redis ? TEST_REDIS_URL : undefined, settings: { redisKeyPrefix: prefix, perTokenPerMinute: 0, anonPerIpPerMinute: 0 } });
    }, 60_000);
    afterAll(async () => {
      for (const n of [...nodes]) await stopNode(n);
      await t?.close();
      if (redis) {
        await dropPrefix(redis, prefix);
        redis.disconnect();
      }
    }, 60_000);

    const exportsOf = (viewId: string) =>
      t.deps.db.selectFrom('export_jobs').select(['id', 'period', 'state', 'rows_done']).where('saved_view_id', '=', viewId).orderBy('period').execute();
    /** Long enough for both nodes to tick many times (25 ms each), then every export finished. */
    async function ticks(viewIds: string[]) {
      await new Promise((r) => setTimeout(r, 600));
      await waitFor('the scheduled exports to finish', async () => {
        const rows = await t.deps.db.selectFrom('export_jobs').select('state').where('saved_view_id', 'in', viewIds).execute();
        return rows.every((r) => r.state === 'done');
      });
    }

    it('runs each due period exactly once across two nodes, catches up a missed run once, and survives a restart', async () => {
      const store = await t.makeStore();
      const product = await t.makeProduct({ reorderLevel: 0 });
      const manager = await t.makeUser('manager', [store.id]);
      const admin = await t.makeUser('admin');
      expect((await t.call('POST', '/stock-movements', manager.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 9 })).status).toBe(201);
      const daily = (await t.call('POST', '/saved-views', manager.token, { name: 'Daily stock', path: '/stock', query: `store=${store.id}` })).body.id as string;
      const weekly = (await t.call('POST', '/saved-views', admin.token, { name: 'Weekly movements', path: '/rankings', query: '' })).body.id as string;
      // Scheduled straight in the table, so that only the two nodes' ticks start exports.
      await t.deps.db.updateTable('saved_views').set({ schedule: 'daily', export_kind: 'stock' }).where('id', '=', daily).execute();
      await t.deps.db.updateTable('saved_views').set({ schedule: 'weekly', export_kind: 'movements' }).where('id', '=', weekly).execute();

      await startNode();
      await startNode();
      await ticks([daily, weekly]);
      const day = (ms: number) => `day:${new Date(ms).toISOString().slice(0, 10)}`;
      const monday = `week:${new Date(start - 2 * DAY).toISOString().slice(0, 10)}`;
      expect((await exportsOf(daily)).map((e) => [e.period, e.state, Number(e.rows_done)])).toEqual([[day(start), 'done', 1]]);
      expect((await exportsOf(weekly)).map((e) => e.period)).toEqual([monday]);

      // Both nodes down for three days: on their return the current day runs once, the missed ones not at all.
      for (const n of [...nodes]) await stopNode(n);
      now = start + 3 * DAY;
      await startNode();
      await startNode();
      await ticks([daily, weekly]);
      expect((await exportsOf(daily)).map((e) => e.period)).toEqual([day(start), day(start + 3 * DAY)]);
      expect((await exportsOf(weekly)).map((e) => e.period)).toEqual([monday]);

      // A node stops between storing the next day's export and queueing its job: a node started
      // after it queues the stranded export again, once, and it finishes.
      for (const n of [...nodes]) await stopNode(n);
      now = start + 4 * DAY;
      const lost: JobQueue = { add: async () => undefined, counts: async () => ({ waiting: 0, active: 0, delayed: 0, failed: 0 }), mode: () => 'memory', close: async () => undefined };
      expect(await runDueSchedules(t.deps.db, lost, new Date(now))).toHaveLength(1);
      expect((await exportsOf(daily)).at(-1)).toMatchObject({ period: day(start + 4 * DAY), state: 'queued' });
      // The lost export is older than the requeue grace of a BullMQ node (15 min on the nodes' clock).
      now += 20 * 60_000;
      await startNode();
      await startNode();
      await ticks([daily, weekly]);
      const after = await exportsOf(daily);
      expect(after.map((e) => [e.period, e.state])).toEqual([
        [day(start), 'done'],
        [day(start + 3 * DAY), 'done'],
        [day(start + 4 * DAY), 'done'],
      ]);

      // The next week: the weekly report for the week that began; its file covers last week's movements.
      now = start + 5 * DAY;
      await ticks([daily, weekly]);
      const weeks = await exportsOf(weekly);
      expect(weeks.map((e) => e.period)).toEqual([monday, `week:${new Date(start + 5 * DAY).toISOString().slice(0, 10)}`]);
      const params = await t.deps.db.selectFrom('export_jobs').select('params').where('id', '=', weeks[1]!.id).executeTakeFirstOrThrow();
      expect(params.params).toMatchObject({ kind: 'movements', storeIds: null, from: new Date(start - 2 * DAY - 10 * 3600_000).toISOString(), to: new Date(start + 5 * DAY - 10 * 3600_000).toISOString() });
      expect((await exportsOf(daily)).map((e) => e.period)).toHaveLength(4);

      // Many ticks at the same instant on two connections: the (view, period) key lets one start it.
      for (const n of [...nodes]) await stopNode(n);
      now = start + 6 * DAY;
      const other = createDb({ databaseUrl: Object.assign(new URL(TEST_DATABASE_URL!), { pathname: `/${t.db.name}` }).toString(), databaseReadUrl: undefined, dbPoolSize: 5, dataDir: '' });
      try {
        const started = await Promise.all(Array.from({ length: 8 }, (_, i) => runDueSchedules(i % 2 ? other.db : t.deps.db, t.platform.jobs, new Date(now))));
        expect(started.flat()).toHaveLength(1);
      } finally {
        await other.close();
      }
      expect((await exportsOf(daily)).map((e) => e.period)).toHaveLength(5);
    }, 120_000);
  });
}
