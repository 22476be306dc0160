import type { MovementKind } from '../domain/movements.schema';

/** What the merge rule needs of a movement. */
export interface MergeMovement {
  readonly id: string;
  readonly kind: MovementKind;
  /** Signed delta; for COUNT the counted absolute quantity. */
  readonly qty: number;
  readonly hlc: string;
}

export interface MergeResult {
  /** The stock quantity: latest COUNT by HLC plus every delta with a later HLC. */
  qty: number;
  lastCount: { id: string; hlc: string; qty: number } | null;
  /** Counted minus what the log says was there just before the latest count. */
  variance: number | null;
  /** Deltas that happened before the latest count: they moved the variance, not the stock. */
  absorbed: number;
  /** Distinct movements considered (duplicates by id collapse). */
  movements: number;
}

/** Total order of the log: HLC, then id (HLCs of distinct movements never tie in practice). */
export function compareMovements(a: MergeMovement, b: MergeMovement): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * THE merge rule, for the movements of one (store, product). Pure and total: the answer
 * does not depend on arrival order, duplication or batching of its input. Every other
 * implementation (SQL on the hub, the local view on a device) is tested against this one.
 */
export function mergeStock(movements: Iterable<MergeMovement>): MergeResult {
  const unique = new Map<string, MergeMovement>();
  for (const m of movements) if (!unique.has(m.id)) unique.set(m.id, m);
  const ordered = [...unique.values()].sort(compareMovements);

  let qty = 0;
  let lastCount: MergeResult['lastCount'] = null;
  let variance: number | null = null;
  let absorbed = 0;
  let deltasSinceCount = 0;
  for (const m of ordered) {
    if (m.kind === 'COUNT') {
      variance = m.qty - qty;
      qty = m.qty;
      lastCount = { id: m.id, hlc: m.hlc, qty: m.qty };
      absorbed += deltasSinceCount;
      deltasSinceCount = 0;
    } else {
      qty += m.qty;
      deltasSinceCount += 1;
    }
  }
  return { qty, lastCount, variance, absorbed, movements: ordered.length };
}

/** A stock position known to a device from its last pull. */
export interface StockBaseline {
  qty: number;
  lastCountHlc: string | null;
}

/**
 * The local view on a device: the hub's stock as of the last pull plus this device's
 * movements that pull did not include, folded with the same rule (a pending count
 * resets; a pending delta older than the known count is absorbed).
 */
export function projectStock(base: StockBaseline, pending: Iterable<MergeMovement>): number {
  const ordered = [...pending].sort(compareMovements);
  let qty = base.qty;
  let countHlc = base.lastCountHlc;
  for (const m of ordered) {
    const afterCount = countHlc === null || m.hlc > countHlc;
    if (m.kind === 'COUNT') {
      if (afterCount) {
        qty = m.qty;
        countHlc = m.hlc;
      }
    } else if (afterCount) {
      qty += m.qty;
    }
  }
  return qty;
}
