import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import type { RedisConnection } from './redis/redis.connection';

/**
 * Read-your-writes on top of a lagging replica: after a device pushes, its pulls read the
 * primary for a short window (shared across nodes through Redis, so the pull may land on any
 * node); otherwise they may read the replica. Without a replica both are the primary.
 */
export interface ReadRouting {
  readonly hasReplica: boolean;
  /** The device just committed writes (call after the push transaction). */
  markWrite(deviceId: string): Promise<void>;
  /** The database a pull by this device should read. */
  forDevice(deviceId: string): Promise<Kysely<Database>>;
}

export function createReadRouting(opts: {
  db: Kysely<Database>;
  readDb: Kysely<Database>;
  redis: RedisConnection | null;
  stickyMs: number;
  now?: () => number;
}): ReadRouting {
  const { db, readDb, redis, stickyMs } = opts;
  const now = opts.now ?? (() => Date.now());
  const hasReplica = readDb !== db;
  const local = new Map<string, number>();
  const key = (id: string) => `ryw:device:${id}`;

  return {
    hasReplica,
    async markWrite(deviceId) {
      if (!hasReplica) return;
      local.set(deviceId, now() + stickyMs);
      if (local.size > 50_000) for (const [k, until] of local) if (until <= now()) local.delete(k);
      if (redis?.up()) await redis.client.set(key(deviceId), '1', 'PX', stickyMs).catch(() => undefined);
    },
    async forDevice(deviceId) {
      if (!hasReplica) return db;
      if ((local.get(deviceId) ?? 0) > now()) return db;
      if (!redis) return readDb;
      // Unknown (Redis down): the primary is always right, the replica only probably.
      if (!redis.up()) return db;
      try {
        return (await redis.client.exists(key(deviceId))) ? db : readDb;
      } catch {
        return db;
      }
    },
  };
}
