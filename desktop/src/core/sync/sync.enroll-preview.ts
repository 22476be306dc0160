import type { BaseUnit } from '@bazaar/shared';
import type { Executor } from '../db/db.types';
import { tryHub } from './sync.enroll';
import { fetchPullPage, PULL_PAGE_LIMIT } from './sync.pull';
import type { HubTarget } from './sync.http';

/** A product this counter sells at its own price that head office's catalog will price otherwise. */
export interface EnrollPriceChange {
  sku: string;
  name: string;
  unit: BaseUnit;
  /** What this counter charges now. */
  beforeMinor: number;
  /** What head office's catalog says, and so what the counter will charge after the first sync. */
  afterMinor: number;
}

/**
 * What enrolling with this token will change before anything is saved: the hub's catalog is
 * read page by page (nothing is applied) and compared by SKU with this counter's products;
 * a product the hub also has takes the hub's price on the first pull.
 */
export async function enrollPreview(db: Executor, hubUrl: string, token: string, now: () => number): Promise<{ priceChanges: EnrollPriceChange[] }> {
  const local = await db.selectFrom('products').select(['sku', 'name', 'unit', 'price_minor']).where('archived', '=', 0).execute();
  const bySku = new Map(local.map((p) => [p.sku, p]));
  const changes: EnrollPriceChange[] = [];
  const target: HubTarget = { hubUrl, token, timeoutMs: 30_000, now };
  let { page } = await tryHub(hubUrl, token, now);
  for (;;) {
    for (const hubProduct of page.products) {
      const mine = bySku.get(hubProduct.sku);
      if (!mine || hubProduct.archived || mine.price_minor === hubProduct.priceMinor) continue;
      changes.push({ sku: mine.sku, name: mine.name, unit: mine.unit as BaseUnit, beforeMinor: mine.price_minor, afterMinor: hubProduct.priceMinor });
      bySku.delete(mine.sku);
    }
    if (!page.hasMore) break;
    ({ page } = await fetchPullPage(target, page.cursor, PULL_PAGE_LIMIT));
  }
  return { priceChanges: changes.sort((a, b) => a.sku.localeCompare(b.sku)) };
}
