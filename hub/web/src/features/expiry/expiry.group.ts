import type { ExpiryRow } from '@bazaar/shared';

export interface ExpiryGroup {
  key: string;
  category: string | null;
  storeId: string;
  storeName: string;
  expiredBatches: number;
  expiringBatches: number;
  expiredCostMinor: number;
  expiringCostMinor: number;
  /** The nearest expiry day still ahead (store-local), or null when all is past. */
  nextDay: string | null;
}

/** Batches added up per category and store, most money expired first. */
export function groupExpiry(rows: readonly ExpiryRow[]): ExpiryGroup[] {
  const out = new Map<string, ExpiryGroup>();
  for (const r of rows) {
    const key = `${r.category ?? ''}\u0000${r.storeId}`;
    const g = out.get(key) ?? { key, category: r.category, storeId: r.storeId, storeName: r.storeName, expiredBatches: 0, expiringBatches: 0, expiredCostMinor: 0, expiringCostMinor: 0, nextDay: null };
    if (r.status === 'expired') {
      g.expiredBatches += 1;
      g.expiredCostMinor += r.costMinor;
    } else {
      g.expiringBatches += 1;
      g.expiringCostMinor += r.costMinor;
      if (g.nextDay === null || r.expiresOn < g.nextDay) g.nextDay = r.expiresOn;
    }
    out.set(key, g);
  }
  return [...out.values()].sort((a, b) => b.expiredCostMinor - a.expiredCostMinor || b.expiringCostMinor - a.expiringCostMinor || (a.category ?? '').localeCompare(b.category ?? '') || a.storeName.localeCompare(b.storeName));
}
