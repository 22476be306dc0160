import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestApp, TEST_PASSWORD } from '../../test/test-db';
import { usePlatformTestApp, type PlatformTestApp } from '../../test/platform-app';
import { connectRedis, type RedisConnection } from '../redis/redis.connection';
import { createPlatform } from '../platform.factory';
import { platformSettings } from '../platform.config';
import type { Platform } from '../platform.types';
import { dropPrefix, requireRedis, TEST_REDIS_URL, uniquePrefix, waitFor } from '../platform.test-kit';
import { LocalRateLimiter, RedisRateLimiter } from './rate-limiter';

describe('in-process API rate limit (no Redis)', () => {
  let t: PlatformTestApp;
  usePlatformTestApp((made) => (t = made), { settings: { perTokenPerMinute: 3, anonPerIpPerMinute: 2 } });

  it('limits each token separately, with RateLimit-* headers and Retry-After on 429', async () => {
    const [u1, u2] = [await t.makeUser('admin'), await t.makeUser('admin')];
    const me = (token: string) => t.app.request('/api/v1/auth/me', { headers: { Authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await me(u1.token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await me(u1.token);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const other = await me(u2.token);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('2');
    // Probes are never throttled.
    for (let i = 0; i < 5; i++) expect((await t.app.request('/api/v1/health')).status).toBe(200);
  });
});

describe.skipIf(!TEST_REDIS_URL)('Redis rate limiter (needs TEST_REDIS_URL)', () => {
  const prefix = uniquePrefix('ratelimit');
  let redis: Redis;
  let conn: RedisConnection;
  beforeAll(async () => {
    redis = await requireRedis(TEST_REDIS_URL!);
    conn = connectRedis(TEST_REDIS_URL!, prefix, pino({ level: 'silent' }));
    await waitFor('redis', async () => conn.up());
  });
  afterAll(async () => {
    await conn.close();
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  it('is atomic: 200 concurrent attempts against a limit of 50 let exactly 50 through', async () => {
    const limiter = new RedisRateLimiter(conn.client);
    const results = await Promise.all(Array.from({ length: 200 }, () => limiter.consume('burst', 50, 60_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(50);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 60)).toBe(true);
    expect(new Set(results.filter((r) => r.allowed).map((r) => r.remaining)).size).toBe(50);
  });

  it('shares login throttling between two nodes (the same username from one address)', async () => {
    const t = await createTestApp({ config: { LOGIN_PER_USER_PER_MINUTE: '3', LOGIN_PER_IP_PER_MINUTE: '100' } });
    const nodes: Platform[] = [];
    try {
      const apps: ReturnType<typeof createApp>[] = [];
      for (let i = 0; i < 2; i++) {
        const s = await createPlatform({
          config: t.deps.config,
          db: t.deps.db,
          readDb: t.deps.readDb,
          logger: pino({ level: 'silent' }),
          settings: platformSettings({ redisUrl: TEST_REDIS_URL }, { redisKeyPrefix: prefix, rollupEveryMs: 0 }),
        });
        nodes.push(s);
        apps.push(createApp({ ...t.deps, limiter: s.limiter, platform: s }));
      }
      const user = await t.makeUser('staff');
      const login = (i: number, password: string) =>
        apps[i % 2]!.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: user.username, password }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(i, 'wrong-password-123')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Even the right password waits now, on either node.
      expect((await login(1, TEST_PASSWORD)).status).toBe(429);
      expect(new LocalRateLimiter().mode()).toBe('memory');
      expect(nodes[0]!.limiter.mode()).toBe('redis');
    } finally {
      for (const s of nodes) await s.close();
      await t.close();
    }
  });
});
