import { randomBytes } from 'node:crypto';

/** Seeded PRNG (mulberry32): the same seed builds the same world shape, run after run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Pick by weight: [value, weight][]. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1]![0];
  }
}

/**
 * Zipf-like popularity over n ranks: a few staples (atta, rice, milk, sugar) sell all day,
 * the long tail rarely. Sampling is a binary search over the cumulative weights.
 */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(
    n: number,
    readonly exponent = 1.0,
  ) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < n; i++) this.cdf[i]! /= sum;
  }

  sample(rng: Rng): number {
    const r = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

let pool = '';
let poolPos = 0;

/** Random hex from a pooled buffer: the generator needs tens of millions of ids. */
function randomHex(n: number): string {
  if (poolPos + n > pool.length) {
    pool = randomBytes(1 << 16).toString('hex');
    poolPos = 0;
  }
  const s = pool.slice(poolPos, poolPos + n);
  poolPos += n;
  return s;
}

const VARIANT = ['8', '9', 'a', 'b'];

/**
 * A UUIDv7 for a given past instant. The shared uuidv7() is monotonic per process (right for
 * live devices) and would stamp a simulated history with "now"; here each id carries the
 * time of the movement it names, as the device that recorded it would have.
 */
export function uuidv7At(ms: number): string {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const r = randomHex(19);
  const variant = VARIANT[parseInt(r[3]!, 16) & 3]!;
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}
