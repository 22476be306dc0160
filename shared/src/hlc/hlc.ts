import { z } from 'zod';

/**
 * Hybrid logical clock. A timestamp is (wall ms, counter, node) and its string form
 * `WWWWWWWWWWWWWWW-CCCCCC-node` sorts lexicographically in the same total order as
 * compareHlc, so SQL `ORDER BY hlc` and JS agree.
 */
export interface HlcTimestamp {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
/** Counter is base-36 in 6 chars; past this we borrow the next millisecond instead of failing. */
export const HLC_MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
/** Default bound on how far ahead of our physical clock a remote timestamp may pull us. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

const nodeRe = /^[0-9a-z]{1,16}$/;
export const hlcNodeSchema = z.string().regex(nodeRe, 'HLC node id must be 1-16 chars of [0-9a-z]');
export const hlcStringSchema = z
  .string()
  .regex(/^\d{15}-[0-9a-z]{6}-[0-9a-z]{1,16}$/, 'must be an HLC timestamp like 000001732400000-000000-node');

export function formatHlc(ts: HlcTimestamp): string {
  return `${String(ts.wall).padStart(WALL_DIGITS, '0')}-${ts.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${ts.node}`;
}

export function parseHlc(s: string): HlcTimestamp {
  const parsed = hlcStringSchema.safeParse(s);
  if (!parsed.success) throw new Error(`invalid HLC timestamp "${s}"`);
  const [wall, counter, node] = s.split('-') as [string, string, string];
  return { wall: Number(wall), counter: parseInt(counter, 36), node };
}

export function compareHlc(a: HlcTimestamp | string, b: HlcTimestamp | string): number {
  const as = typeof a === 'string' ? a : formatHlc(a);
  const bs = typeof b === 'string' ? b : formatHlc(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}

export interface ReceiveResult {
  /** The clock's new timestamp after taking the remote one into account. */
  readonly timestamp: string;
  /** How far the remote wall time was ahead of our physical clock (ms; 0 when behind). */
  readonly driftMs: number;
  /** True when the remote was beyond maxDriftMs: we did not advance to it; the caller should flag it. */
  readonly driftExceeded: boolean;
}

export interface HlcOptions {
  node: string;
  /** Physical time source. Devices pass Date.now() corrected by the hub offset. */
  now?: () => number;
  maxDriftMs?: number;
  /** Resume from a persisted timestamp so a restarted process never goes backwards. */
  last?: string;
}

export class HybridLogicalClock {
  private wall: number;
  private counter: number;
  readonly node: string;
  private readonly physical: () => number;
  readonly maxDriftMs: number;

  constructor(opts: HlcOptions) {
    this.node = hlcNodeSchema.parse(opts.node);
    this.physical = opts.now ?? (() => Date.now());
    this.maxDriftMs = opts.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
    const last = opts.last ? parseHlc(opts.last) : undefined;
    this.wall = last?.wall ?? 0;
    this.counter = last?.counter ?? 0;
  }

  /** A new timestamp strictly greater than every one this clock issued or received. */
  now(): string {
    const pt = Math.floor(this.physical());
    if (pt > this.wall) {
      this.wall = pt;
      this.counter = 0;
    } else {
      this.tick();
    }
    return this.current();
  }

  /**
   * Merge a remote timestamp. A remote far ahead of our physical clock is not adopted
   * (one bad device must not drag every clock into the future); it is reported instead.
   */
  receive(remote: string): ReceiveResult {
    const r = parseHlc(remote);
    const pt = Math.floor(this.physical());
    const driftMs = Math.max(0, r.wall - pt);
    if (driftMs > this.maxDriftMs) {
      return { timestamp: this.now(), driftMs, driftExceeded: true };
    }
    const wall = Math.max(this.wall, r.wall, pt);
    if (wall === this.wall && wall === r.wall) {
      this.counter = Math.max(this.counter, r.counter);
      this.tick();
    } else if (wall === this.wall) {
      this.tick();
    } else if (wall === r.wall) {
      this.wall = wall;
      this.counter = r.counter;
      this.tick();
    } else {
      this.wall = wall;
      this.counter = 0;
    }
    return { timestamp: this.current(), driftMs, driftExceeded: false };
  }

  /** The last issued timestamp (for persisting). */
  current(): string {
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  private tick(): void {
    if (this.counter >= HLC_MAX_COUNTER) {
      // Over 2 billion events in one ms: borrow the next millisecond rather than fail.
      this.wall += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}

/**
 * The offset a device adds to its own clock so that its timestamps follow the hub's time.
 * Uses the midpoint of the request's round trip (NTP-style). An offset within half the round
 * trip cannot be told apart from a correct clock, so it is 0: re-estimating noise on every
 * sync would make counters on good clocks disagree by the network's jitter.
 */
export function clockOffset(sentAt: number, receivedAt: number, serverTime: number): number {
  const offset = Math.round(serverTime - (sentAt + receivedAt) / 2);
  const uncertainty = Math.abs(receivedAt - sentAt) / 2;
  return Math.abs(offset) <= uncertainty ? 0 : offset;
}
