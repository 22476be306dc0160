import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPrefix, requireRedis, TEST_REDIS_URL, uniquePrefix, waitFor } from '../platform.test-kit';
import { RedisRateLimiter, type LimitResult } from './rate-limiter';

/**
 * DEPLOY.md: "Lua atomicity under 200 concurrent attempts". The claim is only tested if a
 * limiter that is *not* atomic fails the same test, so the burst below runs on separate Redis
 * connections (separate clients, as separate hub nodes are) and starts a new window while every
 * client is racing: a check-then-set limiter (GET, then SET or INCR) lets the racers through
 * together. The deliberately non-atomic variant here proves the test catches exactly that.
 */

type Consume = (key: string, limit: number, windowMs: number) => Promise<LimitResult>;

const CLIENTS = 20;
const LIMIT = 50;
const WINDOW_MS = 60_000;
/** Attempts per client; CLIENTS × ATTEMPTS = 200 concurrent attempts per round. */
const ATTEMPTS = 10;

/** The textbook mistake: read the count, decide, then write it, in separate commands. */
function checkThenSet(client: Redis): Consume {
  return async (key, limit, windowMs) => {
    const k = `rl:${key}`;
    const seen = await client.get(k);
    const n = seen === null ? 0 : Number(seen);
    if (n >= limit) {
      const ttl = await client.pttl(k);
      const resetSeconds = Math.max(1, Math.ceil(ttl / 1000));
      return { allowed: false, remaining: 0, retryAfterSeconds: resetSeconds, resetSeconds };
    }
    if (seen === null) await client.set(k, '1', 'PX', windowMs);
    else await client.incr(k);
    return { allowed: true, remaining: limit - n - 1, retryAfterSeconds: 0, resetSeconds: Math.ceil(windowMs / 1000) };
  };
}

describe.skipIf(!TEST_REDIS_URL)('rate limit atomicity across connections and a window boundary (needs TEST_REDIS_URL)', () => {
  const prefix = uniquePrefix('rl-atomic');
  let admin: Redis;
  const clients: Redis[] = [];

  beforeAll(async () => {
    admin = await requireRedis(TEST_REDIS_URL!);
    for (let i = 0; i < CLIENTS; i++) {
      const c = new Redis(TEST_REDIS_URL!, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
      await c.connect();
      await c.ping();
      clients.push(c);
    }
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    if (admin) {
      await dropPrefix(admin, prefix);
      admin.disconnect();
    }
  });

  /**
   * One round on a fresh key: the window is full (every client is refused), it ends, and then
   * all clients fire at once on their own connections, ATTEMPTS each. Returns what the new
   * window let through.
   */
  async function round(key: string, limiters: Consume[]) {
    await admin.set(`${prefix}rl:${key}`, String(LIMIT), 'PX', 300);
    const tail = await Promise.all(limiters.map((consume) => consume(key, LIMIT, WINDOW_MS)));
    // The old window: full, so nobody gets in, whatever the implementation.
    expect(tail.every((r) => !r.allowed)).toBe(true);
    // The boundary: wait until Redis has expired the old window (no assertion on time).
    await waitFor('old window to expire', async () => (await admin.exists(`${prefix}rl:${key}`)) === 0);
    const results = await Promise.all(
      limiters.map(async (consume) => {
        const mine: LimitResult[] = [];
        for (let i = 0; i < ATTEMPTS; i++) mine.push(await consume(key, LIMIT, WINDOW_MS));
        return mine;
      }),
    );
    const all = results.flat();
    const stored = Number(await admin.get(`${prefix}rl:${key}`));
    return { allowed: all.filter((r) => r.allowed), refused: all.filter((r) => !r.allowed), stored };
  }

  it('the Lua limiter lets exactly the limit through in the new window, on 20 connections, 200 attempts, five rounds', async () => {
    const limiters = clients.map((c) => {
      const l = new RedisRateLimiter(c);
      return (key: string, limit: number, windowMs: number) => l.consume(key, limit, windowMs);
    });
    for (let r = 0; r < 5; r++) {
      const { allowed, refused, stored } = await round(`lua-${r}`, limiters);
      expect(allowed).toHaveLength(LIMIT);
      expect(refused).toHaveLength(CLIENTS * ATTEMPTS - LIMIT);
      // Every admitted attempt saw its own count: no two shared one.
      expect(new Set(allowed.map((a) => a.remaining))).toEqual(new Set(Array.from({ length: LIMIT }, (_, i) => i)));
      // No count was lost: the window holds every attempt.
      expect(stored).toBe(CLIENTS * ATTEMPTS);
      expect(refused.every((x) => x.retryAfterSeconds >= 1 && x.retryAfterSeconds <= 60)).toBe(true);
    }
  });

  it('the same test catches a check-then-set limiter: it over-admits at the boundary', async () => {
    const limiters = clients.map((c) => checkThenSet(c));
    const { allowed, stored } = await round('naive', limiters);
    // All 20 clients read "no window" before any of them wrote one, so their counts overwrite
    // each other and the next reads are stale too: more than the limit gets in.
    expect(allowed.length).toBeGreaterThan(LIMIT);
    expect(stored).toBeLessThan(allowed.length);
  });
});
