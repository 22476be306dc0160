/**
 * Reorder suggestions for one store × product from its sales (issue 18).
 *
 * Velocity is weekday-aware: the last 28 store days hold each weekday exactly 4 times, and a
 * future day is forecast as the average of its own weekday (a kiryana sells more on Sunday).
 * The forecast over a span is Σ weekday sums / 4, kept in quarter units so nothing rounds
 * until the end. Safety stock is `safetyDays` of average sales, never below the product's
 * reorder level. Walking forward from today with the stock on hand plus what is on order, the
 * order day is the first day whose stock, less what sells during the supplier's lead time,
 * reaches the safety stock. When that day falls within the review period (the days until the
 * next chance to order), the suggestion is to order enough, in whole packs, to cover the lead
 * time and the review period after that day plus the safety stock.
 */
export const REORDER_WINDOW_DAYS = 28;
const WEEKS = REORDER_WINDOW_DAYS / 7;
/** How far ahead an order day is looked for (beyond it: "not needed soon"). */
export const REORDER_HORIZON_DAYS = 90;

export interface ReorderInput {
  /** The store's today (its own calendar): the history is the 28 days before it. */
  today: string;
  /** Quantities sold (positive, base units) by store day; days outside the window are ignored. */
  sales: readonly { day: string; qty: number }[];
  onHandQty: number;
  /** Still to come on open purchase orders. */
  onOrderQty: number;
  leadTimeDays: number;
  /** Days until the next chance to order (how long an order must last after it arrives). */
  reviewDays: number;
  safetyDays: number;
  /** Base units in the pack the supplier sells (1: loose). */
  packQty: number;
  reorderLevel: number;
}

export type ReorderReason = 'no_sales' | 'below_safety' | 'cover_short' | 'reorder_level' | 'on_order' | 'negative_stock';

export interface ReorderSuggestion {
  soldQty: number;
  /** Sold per weekday over the window, Sunday first. */
  weekdaySoldQty: number[];
  /** Average sold per day over the window (for reading; the forecast uses the weekdays). */
  velocityPerDay: number;
  /** Days the stock on hand lasts at that velocity, to 0.1 day (floor); null with no sales. */
  daysOfCover: number | null;
  safetyQty: number;
  /** Forecast sales during the lead time from the order day (whole units, up). */
  leadDemandQty: number;
  /** null: no order needed within the horizon. */
  orderDay: string | null;
  /** Whether the order day is within the review period: it belongs on the "to order" list. */
  due: boolean;
  suggestedQty: number;
  packs: number;
  reasons: ReorderReason[];
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const ceilDiv = (a: number, b: number) => (a <= 0 ? -Math.floor(-a / b) : Math.ceil(a / b));

export function suggestReorder(input: ReorderInput): ReorderSuggestion {
  const first = addDays(input.today, -REORDER_WINDOW_DAYS);
  const weekdaySoldQty = [0, 0, 0, 0, 0, 0, 0];
  for (const s of input.sales) {
    if (s.day < first || s.day >= input.today || s.qty <= 0) continue;
    weekdaySoldQty[weekdayOf(s.day)]! += s.qty;
  }
  const soldQty = weekdaySoldQty.reduce((a, b) => a + b, 0);
  const todayWd = weekdayOf(input.today);
  /** Quarter units sold on day `today + k` by the forecast. */
  const q = (k: number) => weekdaySoldQty[(todayWd + k) % 7]!;
  const span = (from: number, days: number) => {
    let s = 0;
    for (let k = from; k < from + days; k++) s += q(k);
    return s;
  };
  const velocityPerDay = soldQty / REORDER_WINDOW_DAYS;
  const bySafety = Math.ceil((input.safetyDays * soldQty) / REORDER_WINDOW_DAYS);
  const safetyQty = Math.max(bySafety, input.reorderLevel);

  const available4 = 4 * (input.onHandQty + input.onOrderQty);
  let sold4 = 0;
  let orderK: number | null = null;
  for (let k = 0; k <= REORDER_HORIZON_DAYS; k++) {
    if (available4 - sold4 - span(k, input.leadTimeDays) <= 4 * safetyQty) {
      orderK = k;
      break;
    }
    sold4 += q(k);
  }
  const due = orderK !== null && orderK <= input.reviewDays;
  let suggestedQty = 0;
  let packs = 0;
  let leadDemandQty = 0;
  if (orderK !== null) {
    leadDemandQty = ceilDiv(span(orderK, input.leadTimeDays), WEEKS);
    if (due) {
      const need4 = span(orderK, input.leadTimeDays + input.reviewDays) + 4 * safetyQty - (available4 - sold4);
      const need = Math.max(0, ceilDiv(need4, WEEKS));
      packs = ceilDiv(need, input.packQty);
      suggestedQty = packs * input.packQty;
    }
  }
  const daysOfCover = soldQty === 0 ? null : Math.floor((Math.max(0, input.onHandQty) * REORDER_WINDOW_DAYS * 10) / soldQty) / 10;
  const reasons: ReorderReason[] = [];
  if (soldQty === 0) reasons.push('no_sales');
  if (input.onHandQty < 0) reasons.push('negative_stock');
  if (input.onHandQty <= safetyQty) reasons.push('below_safety');
  if (daysOfCover !== null && daysOfCover < input.leadTimeDays + input.reviewDays) reasons.push('cover_short');
  if (input.reorderLevel > 0 && input.reorderLevel >= bySafety) reasons.push('reorder_level');
  if (input.onOrderQty > 0) reasons.push('on_order');
  return { soldQty, weekdaySoldQty, velocityPerDay, daysOfCover, safetyQty, leadDemandQty, orderDay: orderK === null ? null : addDays(input.today, orderK), due, suggestedQty, packs, reasons };
}
