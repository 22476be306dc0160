/**
 * Versioned cache. Every key lives under its namespace's current version; a write bumps the
 * version after its transaction commits, so every node stops using the old entries at once
 * (they are never deleted one by one; they expire). A reader that read version N, then missed
 * and stored a value computed from older data, stored it under N: after the bump nobody reads N.
 */
export type CacheNamespace = 'stock' | 'catalog' | 'reports';

export interface CacheLookup {
  /** null when the cache cannot be used right now (Redis down): compute, do not store. */
  version: number | null;
  value: string | null;
}

export interface VersionedCache {
  lookup(ns: CacheNamespace, key: string): Promise<CacheLookup>;
  store(ns: CacheNamespace, version: number, key: string, value: string, ttlSeconds: number): Promise<void>;
  /** After a commit that changed what ns caches. Never throws. */
  bump(...namespaces: CacheNamespace[]): Promise<void>;
  mode(): 'redis' | 'memory' | 'bypass';
}
