import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../events/event-bus';
import { usePlatformTestApp, type PlatformTestApp } from '../../test/platform-app';
import { TEST_REDIS_URL, useRedisPrefix, waitFor } from '../platform.test-kit';

/**
 * CLIENT KILL on every Redis connection this hub holds (the command client, the event-stream
 * reader, BullMQ's queue, worker and blocking connections), twice, on the shared test Redis:
 * only this run's connections, found by their names. An 'error' event without a listener on any
 * of them would be an uncaught exception and fail the run; the hub must reconnect each one.
 */
describe.skipIf(!TEST_REDIS_URL)('Redis connections killed with CLIENT KILL (needs TEST_REDIS_URL)', () => {
  const redis = useRedisPrefix('client-kill');
  const { prefix } = redis;
  let t: PlatformTestApp;
  usePlatformTestApp((made) => (t = made), { redisUrl: TEST_REDIS_URL, settings: { redisKeyPrefix: prefix, perTokenPerMinute: 1000 } });
  const call = (method: string, p: string, token?: string, body?: unknown) => t.call(method, p, token, body);

  /** This hub's connections: `id → name`, from CLIENT LIST. */
  async function ours(): Promise<Map<string, string>> {
    const list = (await redis.client.call('CLIENT', 'LIST')) as string;
    const found = new Map<string, string>();
    for (const line of list.split('\n')) {
      const id = /(?:^| )id=(\d+)/.exec(line)?.[1];
      const name = /(?:^| )name=(\S*)/.exec(line)?.[1];
      if (id && name?.startsWith(prefix)) found.set(id, name);
    }
    return found;
  }
  const roles = (m: Map<string, string>) => [...new Set([...m.values()].map((n) => n.slice(prefix.length)))].sort();

  it('reconnects the command client, the event reader and every BullMQ connection after each is killed', async () => {
    const store = await t.makeStore();
    const product = await t.makeProduct({ reorderLevel: 5 });
    const user = await t.makeUser('admin');
    const received: HubEvent[] = [];
    const unsubscribe = t.platform.events.subscribe((e) => received.push(e));

    const before = await waitFor('all five connections', async () => {
      const m = await ours();
      return roles(m).length >= 5 ? m : null;
    });
    expect(roles(before)).toEqual(expect.arrayContaining(['hub:client', 'hub:reader', 'hub:bull-queue', 'hub:bull-worker']));
    expect(roles(before).some((r) => r.startsWith('bull:'))).toBe(true); // BullMQ's blocking connection

    const killed = new Set<string>();
    for (let round = 0; round < 2; round++) {
      const now = await waitFor('the connections to be back', async () => {
        const m = await ours();
        return roles(m).length >= roles(before).length && [...m.keys()].every((id) => !killed.has(id)) ? m : null;
      });
      for (const id of now.keys()) {
        await redis.client.call('CLIENT', 'KILL', 'ID', id);
        killed.add(id);
      }
    }

    // Every role has a new connection (new ids), and the hub is healthy and shared again.
    const after = await waitFor('reconnections', async () => {
      const m = await ours();
      return roles(m).length >= roles(before).length && [...m.keys()].every((id) => !killed.has(id)) ? m : null;
    });
    expect(roles(after)).toEqual(roles(before));
    const health = await waitFor('health ok', async () => {
      const h = await call('GET', '/health');
      return h.body.status === 'ok' ? h : null;
    });
    expect(health.body).toMatchObject({ redis: { status: 'ok' }, queue: { mode: 'bullmq' } });

    // The stream reader delivers again, and a job runs through BullMQ: a sale below the reorder level raises the alert.
    received.length = 0;
    expect((await call('POST', '/stock-movements', user.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 3 })).status).toBe(201);
    await waitFor('the stock event through the stream', async () => received.some((e) => e.type === 'stock.changed' && e.storeId === store.id));
    const alert = await waitFor('the low-stock alert from the BullMQ worker', async () =>
      t.deps.db.selectFrom('alerts').selectAll().where('product_id', '=', product.id).where('kind', '=', 'low').executeTakeFirst(),
    );
    expect(alert.state).toBe('open');
    unsubscribe();
  }, 90_000);
});
