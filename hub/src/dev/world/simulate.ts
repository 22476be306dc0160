import { countVarianceLimit, DEFAULT_VARIANCE_LOOSE_PERCENT, formatHlc, type RemovalReason } from '@bazaar/shared';
import type { GenProduct, GenStore } from './catalog.build';
import type { Rng, Zipf } from './random';
import { uuidv7At } from './random';
import type { Cell } from './sink';

export const DAY_MS = 86_400_000;
/** India Standard Time, UTC+5:30: the shop's day, not the server's. */
export const IST_OFFSET_MS = 5.5 * 3600_000;

/** Column order of a movement row, as the generator writes it. */
export const MOVEMENT_COLUMNS = [
  ['store_id', 'uuid'],
  ['id', 'uuid'],
  ['device_id', 'uuid'],
  ['seq', 'bigint'],
  ['hlc', 'text'],
  ['kind', 'text'],
  ['product_id', 'uuid'],
  ['qty', 'bigint'],
  ['unit_price_minor', 'bigint'],
  ['unit_cost_minor', 'bigint'],
  ['reason', 'text'],
  ['note', 'text'],
  ['supplier_id', 'uuid'],
  ['batch_id', 'uuid'],
  ['user_id', 'uuid'],
  ['occurred_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['status', 'text'],
] as const;

export const STOCK_COLUMNS = [
  ['store_id', 'uuid'],
  ['product_id', 'uuid'],
  ['qty', 'bigint'],
  ['reorder_level', 'bigint'],
  ['last_count_hlc', 'text'],
  ['last_count_movement_id', 'uuid'],
  ['last_count_qty', 'bigint'],
  ['last_count_variance', 'bigint'],
  ['version', 'bigint'],
  ['updated_at', 'timestamptz'],
] as const;

export interface StoreDaySummary {
  /** Local (IST) date, YYYY-MM-DD. */
  date: string;
  /** Wall time the device pushed this day's movements. */
  pushedAt: number;
  movements: number;
  sales: number;
  salesMinor: number;
  ackedSeq: number;
  offline: boolean;
}

export interface StoreSimResult {
  movements: number;
  lastSeq: number;
  lastHlc: string;
  days: StoreDaySummary[];
  /** Counts whose variance is over the store's threshold (the hub flags these as COUNT_VARIANCE). */
  bigVariances: { productId: string; sku: string; counted: number; variance: number; threshold: number; movementId: string; at: number }[];
  /** Movements that took stock below zero (the hub flags these as NEGATIVE_STOCK). */
  negative: { productId: string; sku: string; qty: number; previousQty: number; movementId: string; at: number }[];
}

export interface SimulateInput {
  store: GenStore;
  products: readonly GenProduct[];
  zipf: Zipf;
  /** Movements beyond the opening count. */
  activity: number;
  days: number;
  /** Local (IST) midnight of the first simulated day as a "local epoch" ms (Date.UTC of the local date); subtract IST_OFFSET_MS for the instant. */
  firstDayMs: number;
  rng: Rng;
  emitMovement: (row: readonly Cell[]) => Promise<void> | void;
  emitStock: (row: readonly Cell[]) => Promise<void> | void;
  /** Wall time of the run: nothing is received in the future. */
  nowMs: number;
  /** Per-store change version of the stock rows (1..P). */
  stockVersionBase: number;
}

const REMOVE_REASONS: readonly (readonly [RemovalReason, number])[] = [['expiry', 40], ['damage', 40], ['theft', 8], ['other', 12]];
const REMOVE_NOTES: Record<RemovalReason, readonly string[]> = {
  expiry: ['past best-before date', 'expired on shelf', 'returned by customer, expired'],
  damage: ['packet torn', 'rats got into the sack', 'leaking tin', 'crushed in delivery'],
  theft: ['missing after rush hour', 'shoplifting seen on CCTV'],
  other: ['used in the shop', 'given as sample'],
};
const CART_SIZES = [[1, 35], [2, 30], [3, 20], [4, 10], [6, 5]] as const;
const WEEKDAY_WEIGHT = [1.3, 0.95, 0.95, 0.95, 1.0, 1.05, 1.2]; // Sunday first

/**
 * One store's counter over `days` days, in time order: an opening count of every product,
 * then carts of sales, restocks when low, cycle counts, removals and corrections. Stock is
 * folded with the merge rule as the movements are made (a count resets; its variance is
 * counted minus what the log expected), so the stock rows are consistent with the log.
 */
export async function simulateStore(input: SimulateInput): Promise<StoreSimResult> {
  const { store, products, zipf, rng, days, firstDayMs } = input;
  const P = products.length;
  const qty = new Float64Array(P);
  const countHlc: (string | null)[] = new Array<string | null>(P).fill(null);
  const countId: (string | null)[] = new Array<string | null>(P).fill(null);
  const countQty = new Float64Array(P);
  const variance = new Float64Array(P);
  const updated = new Float64Array(P);
  const lowPos = new Int32Array(P).fill(-1);
  const low: number[] = [];

  let seq = 0;
  let wall = 0;
  let counter = 0;
  let lastHlc = '';
  const stamp = (ms: number): string => {
    if (ms > wall) {
      wall = ms;
      counter = 0;
    } else counter++;
    lastHlc = formatHlc({ wall, counter, node: store.deviceNode });
    return lastHlc;
  };
  const markLow = (i: number) => {
    const isLow = qty[i]! <= products[i]!.reorderLevel;
    if (isLow && lowPos[i] === -1) {
      lowPos[i] = low.length;
      low.push(i);
    } else if (!isLow && lowPos[i]! >= 0) {
      const at = lowPos[i]!;
      const last = low.pop()!;
      if (last !== i) {
        low[at] = last;
        lowPos[last] = at;
      }
      lowPos[i] = -1;
    }
  };

  const result: StoreSimResult = { movements: 0, lastSeq: 0, lastHlc: '', days: [], bigVariances: [], negative: [] };
  let receivedLag = 60_000;
  const emit = async (
    kind: string,
    i: number,
    q: number,
    at: number,
    extra: { price?: number | null; cost?: number | null; reason?: string | null; note?: string | null; supplier?: string | null; batch?: string | null; opening?: boolean },
  ) => {
    const p = products[i]!;
    const hlc = stamp(at);
    const id = uuidv7At(at);
    seq++;
    if (kind === 'COUNT') {
      variance[i] = q - qty[i]!;
      qty[i] = q;
      countHlc[i] = hlc;
      countId[i] = id;
      countQty[i] = q;
      // The opening count at go-live is the starting point, not a variance anyone must review.
      const limit = countVarianceLimit(p.unit, q, variance[i]!, { varianceThreshold: store.varianceThreshold, varianceLoosePercent: DEFAULT_VARIANCE_LOOSE_PERCENT });
      if (!extra.opening && Math.abs(variance[i]!) > limit) {
        result.bigVariances.push({ productId: p.id, sku: p.sku, counted: q, variance: variance[i]!, threshold: limit, movementId: id, at });
      }
    } else {
      const before = qty[i]!;
      qty[i] = before + q;
      if (before >= 0 && qty[i]! < 0) result.negative.push({ productId: p.id, sku: p.sku, qty: qty[i]!, previousQty: before, movementId: id, at });
    }
    updated[i] = at;
    markLow(i);
    result.movements++;
    await input.emitMovement([
      store.id, id, store.deviceId, seq, hlc, kind, p.id, q,
      extra.price ?? null, extra.cost ?? null, extra.reason ?? null, extra.note ?? null,
      extra.supplier ?? null, extra.batch ?? null, store.staffUserId,
      new Date(at).toISOString(), new Date(Math.min(at + receivedLag, input.nowMs)).toISOString(), 'applied',
    ]);
  };

  // Opening count the evening before the first day: the day the store went live.
  const openingAt = firstDayMs - DAY_MS + 20 * 3600_000 - IST_OFFSET_MS;
  const openingBatch = uuidv7At(openingAt);
  for (let i = 0; i < P; i++) {
    const p = products[i]!;
    const r = rng.next();
    // ~3% out, ~9% already at or under the reorder level, the rest 1.5-6× it.
    const counted = r < 0.03 ? 0 : r < 0.12 ? Math.max(1, Math.round(p.reorderLevel * rng.next())) : Math.round(p.reorderLevel * (1.5 + rng.next() * 4.5));
    await emit('COUNT', i, counted, openingAt, { note: 'opening stock count', batch: openingBatch, opening: true });
  }

  let remaining = input.activity;
  const weights = Array.from({ length: days }, (_, d) => WEEKDAY_WEIGHT[new Date(firstDayMs + d * DAY_MS).getUTCDay()]!);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickInStock = () => {
    for (let t = 0; t < 6; t++) {
      const i = zipf.sample(rng);
      if (qty[i]! > 0) return i;
    }
    return zipf.sample(rng);
  };

  for (let d = 0; d < days && remaining > 0; d++) {
    const dayStart = firstDayMs + d * DAY_MS; // local midnight, as UTC ms
    const target = d === days - 1 ? remaining : Math.min(remaining, Math.round((input.activity * weights[d]!) / weightSum));
    const offline = rng.chance(0.05);
    receivedLag = offline ? DAY_MS / 2 : rng.int(2, 180) * 1000;
    // Shop hours 07:00-22:00 IST; event times sorted so HLC, seq and time agree.
    const times: number[] = [];
    let budget = target;
    const summary: StoreDaySummary = { date: new Date(dayStart).toISOString().slice(0, 10), pushedAt: 0, movements: 0, sales: 0, salesMinor: 0, ackedSeq: 0, offline };
    // Roughly one event per 1.8 movements (carts have several lines).
    const events = Math.max(1, Math.round(budget / 1.8));
    for (let e = 0; e < events; e++) times.push(dayStart + 7 * 3600_000 + Math.floor(rng.next() * 15 * 3600_000));
    times.sort((a, b) => a - b);
    // A shop reorders a couple of what ran low each morning; most of the low list waits for the distributor's visit.
    const morningRestocks = Math.min(low.length, 2);
    let restocked = 0;
    for (const local of times) {
      if (budget <= 0) break;
      const at = local - IST_OFFSET_MS;
      const before = result.movements;
      const kindRoll = rng.next();
      if (restocked < morningRestocks && local < dayStart + 11 * 3600_000 && low.length > 0) {
        restocked++;
        await restock(low[Math.floor(rng.next() * low.length)]!, at);
      } else if (kindRoll < 0.86) {
        const lines = Math.min(budget, rng.weighted(CART_SIZES));
        const batch = uuidv7At(at);
        for (let l = 0; l < lines; l++) {
          const i = pickInStock();
          const p = products[i]!;
          const q = saleQty(p);
          summary.sales++;
          summary.salesMinor += p.unit === 'pc' ? p.priceMinor * q : Math.round((p.priceMinor * q) / 1000);
          await emit('SALE', i, -q, at, { price: p.priceMinor, cost: p.costMinor, batch });
        }
      } else if (kindRoll < 0.93) {
        await restock(low.length > 0 && rng.chance(0.35) ? low[Math.floor(rng.next() * low.length)]! : zipf.sample(rng), at);
      } else if (kindRoll < 0.97) {
        const lines = Math.min(budget, rng.int(3, 12));
        const batch = uuidv7At(at);
        for (let l = 0; l < lines; l++) {
          const i = zipf.sample(rng);
          await emit('COUNT', i, countedQty(products[i]!, qty[i]!), at, { note: 'cycle count', batch });
        }
      } else if (kindRoll < 0.995) {
        const i = pickInStock();
        const p = products[i]!;
        const reason = rng.weighted(REMOVE_REASONS);
        const q = Math.max(1, Math.min(Math.max(1, qty[i]!), p.unit === 'pc' ? rng.int(1, 2) : rng.int(1, 4) * 250));
        await emit('REMOVE', i, -q, at, { reason, note: rng.pick(REMOVE_NOTES[reason]), cost: p.costMinor });
      } else {
        const i = zipf.sample(rng);
        const p = products[i]!;
        const mag = p.unit === 'pc' ? rng.int(1, 3) : rng.int(1, 5) * 100;
        await emit('ADJUST', i, rng.chance(0.5) ? mag : -mag, at, { note: rng.pick(['billing correction', 'wrong item scanned', 'found in back room']) });
      }
      budget -= result.movements - before;
    }
    // Any budget the day's events did not use goes to a closing cycle count.
    const closing = dayStart + 21.5 * 3600_000 - IST_OFFSET_MS;
    const closeBatch = budget > 0 ? uuidv7At(closing) : null;
    while (budget > 0) {
      const i = zipf.sample(rng);
      await emit('COUNT', i, countedQty(products[i]!, qty[i]!), closing, { note: 'closing count', batch: closeBatch });
      budget--;
    }
    summary.movements = target;
    summary.ackedSeq = seq;
    summary.pushedAt = offline ? dayStart + DAY_MS + 8 * 3600_000 - IST_OFFSET_MS : dayStart + 22 * 3600_000 - IST_OFFSET_MS;
    result.days.push(summary);
    remaining -= target;
  }

  for (let i = 0; i < P; i++) {
    const p = products[i]!;
    await input.emitStock([
      store.id, p.id, qty[i]!, p.reorderLevel, countHlc[i]!, countId[i]!, countHlc[i] ? countQty[i]! : null,
      countHlc[i] ? variance[i]! : null, input.stockVersionBase + i + 1, new Date(updated[i]!).toISOString(),
    ]);
  }
  result.lastSeq = seq;
  result.lastHlc = lastHlc;
  return result;

  async function restock(i: number, at: number) {
    const p = products[i]!;
    const want = p.reorderLevel * rng.int(3, 5) - qty[i]!;
    const pack = p.unit === 'pc' ? (p.priceMinor < 5000 ? 12 : 6) : p.unit === 'g' ? 25_000 : 15_000;
    const q = Math.max(pack, Math.ceil(Math.max(want, 1) / pack) * pack);
    await emit('IN', i, q, at, { cost: p.costMinor, supplier: p.supplierId, note: rng.chance(0.3) ? `bill ${rng.int(1000, 99999)}` : null });
  }

  function saleQty(p: GenProduct): number {
    if (p.unit === 'g') return rng.weighted([[250, 15], [500, 25], [1000, 35], [2000, 15], [5000, 10]] as const);
    if (p.unit === 'ml') return rng.weighted([[500, 40], [1000, 50], [2000, 10]] as const);
    return p.priceMinor > 20_000 ? 1 : rng.weighted([[1, 70], [2, 20], [3, 6], [5, 4]] as const);
  }

  function countedQty(p: GenProduct, expected: number): number {
    if (expected <= 0) return rng.chance(0.7) ? 0 : p.unit === 'pc' ? rng.int(1, 4) : rng.int(1, 4) * 500;
    const shrink = p.unit === 'pc' ? rng.weighted([[0, 75], [1, 15], [2, 6], [4, 3], [15, 1]] as const) : rng.int(0, 6) * 50;
    return Math.max(0, expected - shrink);
  }
}
