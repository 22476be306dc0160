import type { Transfer, TransferLine, TransferStatus } from './transfer.schema';

/**
 * What a transfer's documents say about stock, derived every time (never stored twice, DESIGN
 * §9). Stock itself is the merge rule over movements: TRANSFER_OUT at the source when the
 * sender dispatches, TRANSFER_IN at the destination for what was counted in. What is neither
 * store's is in transit; what was settled short, damaged or over is written off. For every
 * product, at every moment and whatever reached the hub first:
 *
 *   source + destination + in transit + written off = what the two stores held before.
 *
 * A receipt known before its dispatch (two offline counters) shows as negative in transit
 * until the dispatch arrives: the destination already holds the goods, the source still does.
 */

/** A line's difference between what was sent and what was counted in (all zero until settled). */
export interface LineDiscrepancy {
  short: number;
  over: number;
  damaged: number;
}

export const isDispatched = (t: Pick<Transfer, 'dispatchedAt'>): boolean => t.dispatchedAt !== null;

/** Counted in, or closed by the receiving store (the rest is short). */
export const isSettled = (t: Pick<Transfer, 'closedAt'>, l: Pick<TransferLine, 'qtyReceived'>): boolean => l.qtyReceived !== null || t.closedAt !== null;

/** Short, over and damaged of a settled line of a dispatched transfer; zeros otherwise. */
export function lineDiscrepancy(t: Pick<Transfer, 'dispatchedAt' | 'closedAt'>, l: Pick<TransferLine, 'qtySent' | 'qtyReceived' | 'qtyDamaged'>): LineDiscrepancy {
  if (!isDispatched(t) || !isSettled(t, l)) return { short: 0, over: 0, damaged: 0 };
  const arrived = (l.qtyReceived ?? 0) + l.qtyDamaged;
  return { short: Math.max(0, l.qtySent - arrived), over: Math.max(0, arrived - l.qtySent), damaged: l.qtyDamaged };
}

export const hasDiscrepancy = (d: LineDiscrepancy): boolean => d.short + d.over + d.damaged > 0;

/** The lines with a difference, as a discrepancy conflict lists them. */
export function transferDiscrepancies(t: Transfer): (Pick<TransferLine, 'productId' | 'sku' | 'name' | 'unit' | 'qtySent' | 'qtyReceived' | 'qtyDamaged'> & LineDiscrepancy)[] {
  return t.lines
    .map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, qtySent: l.qtySent, qtyReceived: l.qtyReceived, qtyDamaged: l.qtyDamaged, ...lineDiscrepancy(t, l) }))
    .filter(hasDiscrepancy);
}

/** A line's stock outside both stores: in transit, and written off once settled (negative when more arrived than was sent). */
export function lineFlow(t: Pick<Transfer, 'dispatchedAt' | 'closedAt'>, l: Pick<TransferLine, 'qtySent' | 'qtyReceived'>): { inTransit: number; writtenOff: number } {
  const out = isDispatched(t) ? l.qtySent : 0;
  const received = l.qtyReceived ?? 0;
  const writtenOff = isDispatched(t) && isSettled(t, l) ? l.qtySent - received : 0;
  return { inTransit: out - received - writtenOff, writtenOff };
}

/** Every line counted in (or the receiving store closed it). */
export const isFullyReceived = (t: Transfer): boolean => t.closedAt !== null || t.lines.every((l) => l.qtyReceived !== null);

/** The status the two sides add up to. */
export function transferStatusOf(t: Pick<Transfer, 'cancelledAt' | 'closedAt' | 'dispatchedAt' | 'lines'>): TransferStatus {
  if (t.cancelledAt !== null) return 'cancelled';
  if (t.closedAt !== null) return 'closed';
  const counted = t.lines.filter((l) => l.qtyReceived !== null).length;
  if (counted === t.lines.length) return 'received';
  if (counted > 0) return 'partly_received';
  return t.dispatchedAt !== null ? 'dispatched' : 'draft';
}

export interface TransitFlow {
  fromStoreId: string;
  toStoreId: string;
  productId: string;
  inTransit: number;
  writtenOff: number;
}

/** In transit and written off per (from store, to store, product), over any set of transfers. */
export function inTransitOf(transfers: readonly Transfer[]): TransitFlow[] {
  const rows = new Map<string, TransitFlow>();
  for (const t of transfers) {
    if (t.cancelledAt !== null) continue;
    for (const l of t.lines) {
      const f = lineFlow(t, l);
      const key = `${t.fromStoreId}/${t.toStoreId}/${l.productId}`;
      const row = rows.get(key) ?? { fromStoreId: t.fromStoreId, toStoreId: t.toStoreId, productId: l.productId, inTransit: 0, writtenOff: 0 };
      row.inTransit += f.inTransit;
      row.writtenOff += f.writtenOff;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}
