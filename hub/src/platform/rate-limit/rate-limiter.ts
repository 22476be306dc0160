import type { Redis } from 'ioredis';
import { MemoryRateLimiter, type RateLimiter, type RateLimitResult } from '../../http/rate-limiter';
import type { RedisConnection } from '../redis/redis.connection';

export interface LimitResult extends RateLimitResult {
  /** Seconds until the current window ends (RateLimit-Reset). */
  resetSeconds: number;
}

export interface SharedRateLimiter extends RateLimiter {
  consume(key: string, limit: number, windowMs: number): Promise<LimitResult>;
  /** 'redis' when the shared limit answered, 'memory' when this node fell back to its own. */
  mode(): 'redis' | 'memory';
}

/**
 * Fixed window in one atomic script: INCR and set the expiry on the first hit of a window, so
 * two nodes racing on one key can never both start a window or lose a count. One round trip.
 */
const CONSUME_LUA = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

type RedisWithConsume = Redis & { bazaarConsume(key: string, windowMs: number): Promise<[number, number]> };

function withConsume(client: Redis): RedisWithConsume {
  const c = client as RedisWithConsume;
  if (typeof c.bazaarConsume !== 'function') client.defineCommand('bazaarConsume', { numberOfKeys: 1, lua: CONSUME_LUA });
  return c;
}

export class RedisRateLimiter implements SharedRateLimiter {
  private readonly redis: RedisWithConsume;
  constructor(client: Redis) {
    this.redis = withConsume(client);
  }
  mode() {
    return 'redis' as const;
  }
  async consume(key: string, limit: number, windowMs: number): Promise<LimitResult> {
    const [count, ttlMs] = await this.redis.bazaarConsume(`rl:${key}`, windowMs);
    const resetSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
    if (count > limit) return { allowed: false, remaining: 0, retryAfterSeconds: resetSeconds, resetSeconds };
    return { allowed: true, remaining: limit - count, retryAfterSeconds: 0, resetSeconds };
  }
  async reset(key: string): Promise<void> {
    await this.redis.del(`rl:${key}`);
  }
}

/**
 * The shared limit while Redis answers; this node's own limit while it does not. Falling back
 * (rather than refusing every request, or letting every request through) keeps the hub serving
 * with throttling still in force per node; /health reports the degraded state.
 */
export class ResilientRateLimiter implements SharedRateLimiter {
  private readonly shared: RedisRateLimiter;
  private readonly local: MemoryRateLimiter;
  private lastMode: 'redis' | 'memory' = 'redis';

  constructor(private readonly conn: RedisConnection, now: () => number = () => Date.now()) {
    this.shared = new RedisRateLimiter(conn.client);
    this.local = new MemoryRateLimiter(now);
  }
  mode() {
    return this.lastMode;
  }
  async consume(key: string, limit: number, windowMs: number): Promise<LimitResult> {
    if (this.conn.up()) {
      try {
        const r = await this.shared.consume(key, limit, windowMs);
        this.lastMode = 'redis';
        return r;
      } catch {
        // fall through to the local window
      }
    }
    this.lastMode = 'memory';
    return localResult(await this.local.consume(key, limit, windowMs), windowMs);
  }
  async reset(key: string): Promise<void> {
    await this.local.reset(key);
    if (this.conn.up()) await this.shared.reset(key).catch(() => undefined);
  }
}

/** The in-process limiter of a single node (no REDIS_URL). */
export class LocalRateLimiter implements SharedRateLimiter {
  private readonly local: MemoryRateLimiter;
  constructor(now: () => number = () => Date.now()) {
    this.local = new MemoryRateLimiter(now);
  }
  mode() {
    return 'memory' as const;
  }
  async consume(key: string, limit: number, windowMs: number): Promise<LimitResult> {
    return localResult(await this.local.consume(key, limit, windowMs), windowMs);
  }
  reset(key: string): Promise<void> {
    return this.local.reset(key);
  }
}

function localResult(r: RateLimitResult, windowMs: number): LimitResult {
  // The memory limiter does not expose its window start; the full window is an upper bound.
  return { ...r, resetSeconds: r.allowed ? Math.ceil(windowMs / 1000) : r.retryAfterSeconds };
}
