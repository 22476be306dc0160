import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, TEST_REDIS_URL, useRedisPrefix, type HubProcess } from './platform.test-kit';
import { createOver, registerOwner } from '../test/hub-seed';
import { useScratchDatabase } from '../test/scratch-database';
import { openSse } from '../events/sse.test-client';

/**
 * Two real hub processes (tsx src/main.ts) on one Postgres database and one Redis: the
 * stateless-node promise of DESIGN §7, end to end over HTTP.
 */
describe.skipIf(!TEST_REDIS_URL || !TEST_DATABASE_URL)('two hub nodes on one Postgres and one Redis (needs TEST_REDIS_URL and TEST_DATABASE_URL)', () => {
  const db = useScratchDatabase(TEST_DATABASE_URL, 'scale_mn');
  const redis = useRedisPrefix('multinode');
  let a: HubProcess;
  let b: HubProcess;
  let admin: string;
  let storeId: string;
  let productId: string;

  beforeAll(async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL!,
      REDIS_KEY_PREFIX: redis.prefix,
      RATE_LIMIT_PER_MINUTE: '40',
      HUB_MODE: 'test',
    };
    // One after the other: both would run the migrations at once otherwise (Kysely locks, but slower).
    a = await startHub(8861, { ...env, HUB_NODE_ID: 'a' });
    b = await startHub(8862, { ...env, HUB_NODE_ID: 'b' });

    admin = await registerOwner(a.url);
    storeId = await createOver(b.url, admin, '/stores', { code: 'MN1', name: 'Multi node store' });
    productId = await createOver(a.url, admin, '/products', { sku: 'ATTA-5KG', name: 'Atta 5 kg', unit: 'pc', priceMinor: 25000, reorderLevel: 3 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  }, 60_000);

  async function freshToken(): Promise<string> {
    const r = await api(b.url, 'POST', '/auth/login', undefined, { username: 'owner', password: 'a-long-test-password' });
    expect(r.status).toBe(200);
    return r.body.token as string;
  }

  it('a client alternating between the nodes hits one shared rate limit', async () => {
    const token = await freshToken();
    const remaining: number[] = [];
    let refused: Awaited<ReturnType<typeof api>> | null = null;
    for (let i = 0; i < 45 && !refused; i++) {
      const node = i % 2 === 0 ? a : b;
      const r = await api(node.url, 'GET', '/auth/me', token);
      if (r.status === 429) refused = r;
      else {
        expect(r.status).toBe(200);
        remaining.push(Number(r.headers.get('ratelimit-remaining')));
      }
    }
    // 40 per minute across both nodes, not 40 on each: the 41st request overall is refused.
    expect(remaining).toHaveLength(40);
    expect(remaining).toEqual(Array.from({ length: 40 }, (_, i) => 39 - i));
    expect(refused?.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused?.headers.get('ratelimit-limit')).toBe('40');
    expect(refused?.headers.get('ratelimit-remaining')).toBe('0');
  });

  it("a write on node A invalidates node B's cached /stocks/summary at once", async () => {
    const token = await freshToken();
    const summary = () => api(b.url, 'GET', `/stocks/summary?productId=${productId}`, token);
    await api(a.url, 'POST', '/stock-movements', token, { storeId, productId, kind: 'IN', qty: 10 });
    const first = await summary();
    expect(first.status).toBe(200);
    const second = await summary();
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.body.items[0].totalQty).toBe(first.body.items[0].totalQty);

    const write = await api(a.url, 'POST', '/stock-movements', token, { storeId, productId, kind: 'SALE', qty: -4 });
    expect(write.status).toBe(201);
    const after = await summary();
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(after.body.items[0].totalQty).toBe(first.body.items[0].totalQty - 4);
  });

  it("an SSE subscriber on node B receives node A's event, and replays it after Last-Event-ID", async () => {
    const token = await freshToken();
    const sse = await openSse(`${b.url}/api/v1/events`, token);
    try {
      await sse.next((m) => m.event === 'ready');
      const write = await api(a.url, 'POST', '/stock-movements', token, { storeId, productId, kind: 'IN', qty: 2 });
      expect(write.status).toBe(201);
      const ev = await sse.next((m) => m.event === 'stock.changed');
      const payload = JSON.parse(ev.data);
      expect(payload.storeId).toBe(storeId);
      expect(payload.data.stock[0]).toMatchObject({ productId, qty: write.body.stock.qty });
      expect(ev.id).toMatch(/^\d+-\d+$/);

      // A reconnecting dashboard that saw everything up to before this event gets it again from node A.
      const before = sse.messages.filter((m) => m.id && m.id !== ev.id).at(-1)?.id ?? '0-0';
      const again = await openSse(`${a.url}/api/v1/events`, token, before);
      try {
        const replayed = await again.next((m) => m.id === ev.id);
        expect(replayed.event).toBe('stock.changed');
      } finally {
        again.close();
      }
    } finally {
      sse.close();
    }
  });

  it('both nodes report Redis, queue and database in /health and serve Prometheus metrics', async () => {
    const token = await freshToken();
    for (const node of [a, b]) {
      const h = await api(node.url, 'GET', '/health');
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok', database: 'ok', redis: { status: 'ok' }, queue: { status: 'ok', mode: 'bullmq' } });
    }
    const m = await fetch(`${b.url}/api/v1/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(m.status).toBe(200);
    const text = await m.text();
    expect(text).toContain('hub_http_requests_total{method="GET",route="/api/v1/stocks/summary",status="200"}');
    expect(text).toMatch(/hub_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(text).toContain('hub_db_pool_connections{pool="primary",state="total"}');
    expect(text).toContain('hub_job_queue_depth{state="waiting"}');
    expect(text).toContain('hub_redis_up 1');
  });
});
