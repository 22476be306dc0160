import type { Principal } from './principal';

export interface CachedPrincipal {
  principal: Principal;
  /** When the token itself expires (ms since the epoch); null for device tokens, which do not. */
  tokenExpiresAt: number | null;
}

interface Entry extends CachedPrincipal {
  cachedUntil: number;
}

export interface PrincipalCacheOptions {
  now: () => number;
  /** How long a resolved principal is trusted without asking the database again. */
  ttlMs?: number;
  /** The same for device tokens (see DEVICE_PRINCIPAL_TTL_MS). */
  deviceTtlMs?: number;
  maxEntries?: number;
}

/** A few seconds: long enough to take the lookup off a busy list endpoint, short enough to be the bound other nodes see. */
export const PRINCIPAL_CACHE_TTL_MS = 5_000;
/**
 * A device token names one device of one store for good (tokens are never reissued), and every
 * route a device token reaches (sync push, pull, time) reads the device row in its own first
 * statement and refuses a revoked device there, on every node at once. So a device principal
 * can be trusted far longer than a user's: a counter pushing every 30 s otherwise pays a token
 * lookup on nearly every push (with 20,000 counters a 5 s entry is gone before it is used again).
 */
export const DEVICE_PRINCIPAL_TTL_MS = 10 * 60_000;
/** A fleet's counters (2 a store) plus the signed-in users, with room. */
const MAX_ENTRIES = 50_000;

/**
 * Token hash → principal, per hub node. Only successful lookups are kept (an unknown token
 * must not be able to fill the cache), keyed by the token's hash so no token sits in memory.
 *
 * Writes that change who a principal is (logout, token revoke, deactivation, role or store
 * assignment, device revoke) evict after their transaction commits. A lookup that read the
 * database before that commit may finish after the eviction: `begin()` hands it the eviction
 * generation it started in, and `set()` drops the result if any eviction happened since, so
 * a stale principal never lands behind an eviction. Other nodes see the change within ttlMs.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly now: () => number;
  readonly ttlMs: number;
  readonly deviceTtlMs: number;
  private readonly maxEntries: number;

  constructor(opts: PrincipalCacheOptions) {
    this.now = opts.now;
    this.ttlMs = opts.ttlMs ?? PRINCIPAL_CACHE_TTL_MS;
    this.deviceTtlMs = opts.deviceTtlMs ?? (this.ttlMs > 0 ? Math.max(this.ttlMs, DEVICE_PRINCIPAL_TTL_MS) : 0);
    this.maxEntries = opts.maxEntries ?? MAX_ENTRIES;
  }

  get size(): number {
    return this.entries.size;
  }

  get(tokenHash: string): CachedPrincipal | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (this.now() >= e.cachedUntil) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e;
  }

  /** Take before reading the database; pass to set(). */
  begin(): number {
    return this.generation;
  }

  set(tokenHash: string, ticket: number, value: CachedPrincipal): void {
    if (ticket !== this.generation) return;
    this.entries.delete(tokenHash);
    // Oldest first out: Map keeps insertion order, and a re-set moves the key to the end.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    // One object serves many requests: frozen, so no route can change it for the next one.
    if (value.principal.kind === 'user') Object.freeze(value.principal.storeIds);
    Object.freeze(value.principal);
    const ttl = value.principal.kind === 'device' ? this.deviceTtlMs : this.ttlMs;
    this.entries.set(tokenHash, { ...value, cachedUntil: this.now() + ttl });
  }

  /** One user token (logout). */
  evictToken(tokenId: string): void {
    this.evictWhere((p) => p.kind === 'user' && p.tokenId === tokenId);
  }

  /** Every token of this user (logout, revoke, deactivation, role or store change). */
  evictUser(userId: string): void {
    this.evictWhere((p) => p.kind === 'user' && p.id === userId);
  }

  evictDevice(deviceId: string): void {
    this.evictWhere((p) => p.kind === 'device' && p.id === deviceId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private evictWhere(match: (p: Principal) => boolean): void {
    this.generation++;
    for (const [hash, e] of this.entries) if (match(e.principal)) this.entries.delete(hash);
  }
}
