import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConnection } from '../redis/redis.connection';
import type { CacheLookup, CacheNamespace, VersionedCache } from './cache.types';

/**
 * Version and entry in one round trip. The entry key is built inside the script from the
 * version just read, so ARGV carries the key prefix (ioredis prefixes KEYS only).
 */
const LOOKUP_LUA = `
local v = redis.call('GET', KEYS[1]) or '0'
return {v, redis.call('GET', ARGV[1] .. 'cache:' .. ARGV[2] .. ':' .. v .. ':' .. ARGV[3])}`;

type RedisWithLookup = Redis & {
  bazaarCacheLookup(versionKey: string, prefix: string, ns: string, key: string): Promise<[string, string | null]>;
};

const ALL: CacheNamespace[] = ['stock', 'catalog', 'reports'];

/**
 * The cache every node shares. While Redis is unreachable it bypasses (computes, stores
 * nothing): an in-process copy would miss other nodes' invalidations. A bump that fails is
 * remembered and every namespace is bumped once Redis is back, because writes committed
 * during the outage could not invalidate entries cached before it.
 */
export class RedisCache implements VersionedCache {
  private readonly redis: RedisWithLookup;
  private missedBump = false;

  constructor(
    private readonly conn: RedisConnection,
    private readonly logger: Logger,
  ) {
    const client = conn.client as RedisWithLookup;
    if (typeof client.bazaarCacheLookup !== 'function') {
      conn.client.defineCommand('bazaarCacheLookup', { numberOfKeys: 1, lua: LOOKUP_LUA });
    }
    this.redis = client;
    // Any node that reconnects bumps everything: this node may have missed bumps, and so may others
    // during a partition only this node saw. Bumping is cheap; serving stale stock is not.
    conn.onReconnect(() => void this.bumpAllAfterOutage());
  }

  mode() {
    return this.conn.up() ? ('redis' as const) : ('bypass' as const);
  }

  async lookup(ns: CacheNamespace, key: string): Promise<CacheLookup> {
    if (!this.conn.up()) return { version: null, value: null };
    if (this.missedBump) await this.bumpAllAfterOutage();
    if (this.missedBump) return { version: null, value: null };
    try {
      const [v, value] = await this.redis.bazaarCacheLookup(`cachever:${ns}`, this.conn.prefix, ns, key);
      return { version: Number(v), value };
    } catch {
      return { version: null, value: null };
    }
  }

  async store(ns: CacheNamespace, version: number, key: string, value: string, ttlSeconds: number): Promise<void> {
    if (!this.conn.up()) return;
    await this.redis.set(`cache:${ns}:${version}:${key}`, value, 'EX', ttlSeconds).catch(() => undefined);
  }

  async bump(...namespaces: CacheNamespace[]): Promise<void> {
    try {
      if (!this.conn.up()) throw new Error('redis down');
      await Promise.all(namespaces.map((ns) => this.redis.incr(`cachever:${ns}`)));
    } catch {
      this.missedBump = true;
    }
  }

  private async bumpAllAfterOutage(): Promise<void> {
    try {
      await Promise.all(ALL.map((ns) => this.redis.incr(`cachever:${ns}`)));
      this.missedBump = false;
    } catch (err) {
      this.logger.warn({ err }, 'cache: bump after reconnect failed; cache stays bypassed');
    }
  }
}
