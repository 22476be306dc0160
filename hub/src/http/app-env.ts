import type { HybridLogicalClock } from '@bazaar/shared';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/env';
import type { Database } from '../db/database.types';
import type { Principal } from '../auth/principal';
import type { PrincipalCache } from '../auth/principal.cache';
import type { RateLimiter } from './rate-limiter';
import type { Platform, StockCommit } from '../platform/platform.types';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Everything a route needs, passed in (never imported as a singleton). */
export interface AppDeps {
  config: HubConfig;
  db: Kysely<Database>;
  /** Replica for reports and audit search; may be db itself. */
  readDb: Kysely<Database>;
  logger: Logger;
  clock: Clock;
  /** The hub's HLC: stamps movements posted from the web; sync merges device clocks into it. */
  hlc: HybridLogicalClock;
  limiter: RateLimiter;
  /**
   * This node's token → principal cache. createApp makes one when none is given; writes that
   * change a principal evict from it (auth, users, devices routes).
   */
  principals?: PrincipalCache;
  /** Stage-3 services (shared limits, cache, events, jobs, metrics); absent in most tests. */
  platform?: Platform;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | null;
    logger: Logger;
    /** Set by a write route after its transaction committed: what the after-write hook reports. */
    stockCommit?: StockCommit;
  };
}
