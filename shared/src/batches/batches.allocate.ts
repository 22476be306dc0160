/**
 * Stock per batch, derived (DESIGN §9: never stored). The merge rule stays the one definition of
 * a product's stock; batches only say where that stock sits. Sales take the first-expiring goods
 * first (FEFO), so what is left on the shelf is the latest-expiring goods received: the stock is
 * laid over the batches from the latest expiry back, each holding at most what came in with it.
 * Stock the dated batches cannot hold is "without a batch" (goods received with no date): the
 * undated goods count as sold first, so the expiry report never shows less expiring stock than
 * there can be.
 */
export interface BatchReceipt {
  lot: string | null;
  /** YYYY-MM-DD. */
  expiresOn: string;
  /** Base units received in this batch (all its stock-ins together); a removal of the batch is negative. */
  qty: number;
}

export interface BatchAllocation {
  /** The batches holding stock, earliest expiry first; batches sold out are left out. */
  batches: BatchReceipt[];
  /** Stock no dated batch holds (negative when the product's stock is below zero). */
  unbatched: number;
}

/** Latest expiry first; one expiry day's lots in a fixed order (by lot) so the answer never depends on input order. */
function latestFirst(a: BatchReceipt, b: BatchReceipt): number {
  if (a.expiresOn !== b.expiresOn) return a.expiresOn < b.expiresOn ? 1 : -1;
  return (b.lot ?? '').localeCompare(a.lot ?? '');
}

/** Where `stock` (the merge rule's figure for one product in one store) sits among its batches. */
export function allocateBatches(stock: number, receipts: readonly BatchReceipt[]): BatchAllocation {
  const merged = new Map<string, BatchReceipt>();
  for (const r of receipts) {
    const key = `${r.expiresOn}\u0000${r.lot ?? ''}`;
    const had = merged.get(key);
    merged.set(key, { lot: r.lot, expiresOn: r.expiresOn, qty: (had?.qty ?? 0) + r.qty });
  }
  let left = Math.max(0, stock);
  const held: BatchReceipt[] = [];
  // A batch written off (removals tagged with it, negative qty) holds only what is left of it.
  for (const b of [...merged.values()].filter((b) => b.qty > 0).sort(latestFirst)) {
    if (left <= 0) break;
    const qty = Math.min(left, b.qty);
    held.push({ ...b, qty });
    left -= qty;
  }
  return { batches: held.reverse(), unbatched: stock < 0 ? stock : left };
}

/** Days from `today` to `expiresOn` (both YYYY-MM-DD, the store's calendar): 0 = expires today, negative = expired. */
export function daysUntil(expiresOn: string, today: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
