import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/**
 * One place that knows how the hub talks to Redis.
 *
 * Commands fail fast while Redis is unreachable (no offline queue, one retry): every caller
 * has an in-process fallback, and a request must not hang for seconds waiting for a Redis
 * that is down. ioredis keeps reconnecting in the background; `up` follows its state.
 */
export interface RedisConnection {
  /** Shared command connection (auto-pipelined: round trips dominate, MEASURED.md). */
  client: Redis;
  /** Every key this hub writes starts with this (tests use a unique prefix per run). */
  prefix: string;
  url: string;
  up(): boolean;
  /** Runs after each reconnection (not the first connect): resync what a partition may have lost. */
  onReconnect(listener: () => void): void;
  /** A new connection with the same options, for blocking reads (XREAD BLOCK). */
  duplicate(): Redis;
  /** A connection for BullMQ, which needs maxRetriesPerRequest: null and no ioredis keyPrefix. */
  bullConnection(role: 'queue' | 'worker'): Redis;
  close(): Promise<void>;
}

export function redisOptions(): RedisOptions {
  return {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
    connectTimeout: 2_000,
    // Reconnect quickly at first, then every 2 s at most, forever: Redis coming back must be noticed.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  };
}

/**
 * Every connection is named `<prefix>hub:<role>` (CLIENT LIST shows which hub holds what, and a
 * test can kill exactly this hub's connections). Each one has an 'error' listener: ioredis emits
 * 'error' for every failed (re)connect, and an EventEmitter 'error' without a listener ends the
 * process. BullMQ's own blocking connection (a duplicate of the worker's) is named by BullMQ
 * after its prefix, which starts with ours, and its errors reach the Worker's 'error' listener.
 */
export function connectRedis(url: string, prefix: string, logger: Logger): RedisConnection {
  const base = redisOptions();
  const name = (role: string) => `${prefix}hub:${role}`;
  const client = new Redis(url, { ...base, keyPrefix: prefix, connectionName: name('client') });
  let ready = false;
  let everReady = false;
  const reconnectListeners: (() => void)[] = [];
  client.on('ready', () => {
    const wasDown = !ready;
    ready = true;
    if (everReady && wasDown) {
      logger.warn('redis is back; resyncing shared state');
      for (const l of reconnectListeners) l();
    } else if (!everReady) {
      logger.info('redis connected');
    }
    everReady = true;
  });
  const down = (why: string) => {
    if (ready) logger.error({ why }, 'redis unreachable; running degraded on in-process fallbacks');
    ready = false;
  };
  client.on('close', () => down('connection closed'));
  client.on('end', () => down('connection ended'));
  // Without a listener ioredis prints every failed reconnect; the state change is logged once above.
  client.on('error', (err: Error) => down(err.message));

  return {
    client,
    prefix,
    url,
    up: () => ready && client.status === 'ready',
    onReconnect: (l) => reconnectListeners.push(l),
    duplicate: () => {
      const d = new Redis(url, { ...base, keyPrefix: prefix, enableAutoPipelining: false, connectionName: name('reader') });
      d.on('error', () => undefined);
      return d;
    },
    bullConnection: (role) => {
      // Workers wait for Redis (offline queue) and resume; producers fail fast and fall back in-process.
      const b = new Redis(url, {
        ...base,
        maxRetriesPerRequest: null,
        enableAutoPipelining: false,
        enableOfflineQueue: role === 'worker',
        connectionName: name(`bull-${role}`),
      });
      b.on('error', () => undefined);
      return b;
    },
    async close() {
      client.disconnect();
    },
  };
}
