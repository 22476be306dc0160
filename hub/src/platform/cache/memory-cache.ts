import type { CacheLookup, CacheNamespace, VersionedCache } from './cache.types';

/** A single node's cache: versions and entries in this process, bounded by entry count. */
export class MemoryCache implements VersionedCache {
  private readonly versions = new Map<CacheNamespace, number>();
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(
    private readonly maxEntries = 5_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  mode() {
    return 'memory' as const;
  }

  async lookup(ns: CacheNamespace, key: string): Promise<CacheLookup> {
    const version = this.versions.get(ns) ?? 0;
    const k = `${ns}:${version}:${key}`;
    const e = this.entries.get(k);
    if (!e) return { version, value: null };
    if (e.expires <= this.now()) {
      this.entries.delete(k);
      return { version, value: null };
    }
    return { version, value: e.value };
  }

  async store(ns: CacheNamespace, version: number, key: string, value: string, ttlSeconds: number): Promise<void> {
    if (version !== (this.versions.get(ns) ?? 0)) return;
    // Map iteration is insertion order: dropping the first entries drops the oldest.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(`${ns}:${version}:${key}`, { value, expires: this.now() + ttlSeconds * 1000 });
  }

  async bump(...namespaces: CacheNamespace[]): Promise<void> {
    for (const ns of namespaces) {
      const next = (this.versions.get(ns) ?? 0) + 1;
      this.versions.set(ns, next);
      const stale = `${ns}:`;
      for (const k of this.entries.keys()) if (k.startsWith(stale)) this.entries.delete(k);
    }
  }
}
