/**
 * Moving-average cost (perpetual weighted average) in integer minor units per piece, kg or L.
 *
 * Rule: a receipt of q at cost c onto stock s at average a makes the average
 *   a' = round_half_up((s·a + q·c) / (s + q))   when s > 0,
 *   a' = c                                      when s ≤ 0 (nothing on hand to weigh: the new cost is the cost);
 * sales, removals and adjustments change the stock, never the average; a count sets the stock.
 * The average is rounded to the paisa after each receipt (what the shop sees is what the next
 * receipt weighs), computed in BigInt because s·a can pass 2^53 (10^8 g × 10^9 minor units).
 */
export interface AverageState {
  onHandQty: number;
  costMinor: number;
}

/** One receipt onto a state whose stock is `onHandBefore` (the counter's view at that moment). */
export function receiveAtAverage(costMinor: number, onHandBefore: number, qty: number, receiptCostMinor: number): number {
  if (onHandBefore <= 0) return receiptCostMinor;
  const num = BigInt(onHandBefore) * BigInt(costMinor) + BigInt(qty) * BigInt(receiptCostMinor);
  const den = BigInt(onHandBefore + qty);
  return Number((2n * num + den) / (2n * den));
}

/** A stock event in the order the merge rule puts it (HLC): a receipt, a signed delta or a count. */
export type CostEvent =
  | { id: string; at: string; kind: 'receipt'; qty: number; costMinor: number }
  | { id: string; at: string; kind: 'delta'; qty: number }
  | { id: string; at: string; kind: 'count'; qty: number };

/**
 * The average after a history of events, whatever order or duplication they arrive in (ordered by
 * `at`, then id; one per id), from an opening average (the catalog's cost) and stock.
 */
export function movingAverageCost(events: readonly CostEvent[], opening: AverageState = { onHandQty: 0, costMinor: 0 }): AverageState {
  const ordered = [...new Map(events.map((e) => [e.id, e])).values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let { onHandQty, costMinor } = opening;
  for (const e of ordered) {
    if (e.kind === 'receipt') {
      costMinor = receiveAtAverage(costMinor, onHandQty, e.qty, e.costMinor);
      onHandQty += e.qty;
    } else if (e.kind === 'delta') onHandQty += e.qty;
    else onHandQty = e.qty;
  }
  return { onHandQty, costMinor };
}

/**
 * The average from receipt lines alone, each carrying the stock its counter saw before it
 * (goodsReceiptLineSchema.onHandBeforeQty), oldest first: how a counter or the hub reads a
 * product's current cost without replaying every sale. Equal to movingAverageCost when the
 * recorded stock is the stock the events give (moving-average.test.ts).
 */
export function averageOverReceipts(openingCostMinor: number, receipts: readonly { onHandBeforeQty: number; qty: number; costMinor: number }[]): number {
  let cost = openingCostMinor;
  for (const r of receipts) cost = receiveAtAverage(cost, r.onHandBeforeQty, r.qty, r.costMinor);
  return cost;
}
