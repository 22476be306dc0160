import { HybridLogicalClock, compareHlc } from '@bazaar/shared';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { Executor } from '../db/db.types';
import { prepared } from '../db/prepared';

/** The PC's clocks: wall time (may be days off) and a monotonic one (never set by anyone). */
export interface ClockSource {
  raw: () => number;
  mono: () => number;
}

export const systemClockSource: ClockSource = { raw: () => Date.now(), mono: () => performance.now() };

/** A wall clock that moved this much more (or less) than the monotonic one was set or jumped. */
export const CLOCK_JUMP_MS = 1000;

/** What a movement records of the clock that stamped it (hlc.correction.ts). */
export interface StampFacts {
  /** The PC's raw clock reading. */
  deviceTime: number;
  /** The offset to hub time applied. */
  offsetMs: number;
  /** The offset was measured in this process with no clock jump since: the stamp is final at once. */
  final: boolean;
  /**
   * How far the wall clock jumped since the previous stamp of this process (0 when it kept pace
   * with the monotonic clock). Provisional stamps made before it are moved by it (shiftProvisional),
   * so the offset the next exchange measures applies to all of them.
   */
  jumpMs: number;
}

/**
 * The device's HLC. The last issued timestamp is persisted in the same transaction as
 * the movement it stamps, and re-read on each stamp, so neither a restart nor a second
 * process on the same file (CLI beside the counter app) can ever issue a smaller one.
 * Physical time is the local clock corrected by the hub's offset.
 */
export class DeviceClock {
  private last: string | null = null;
  /** Raw and monotonic readings when the offset was last measured; null = not measured in this process. */
  private anchor: { raw: number; mono: number } | null = null;
  /** Raw and monotonic readings at the previous stamp of this process. */
  private previous: { raw: number; mono: number } | null = null;
  constructor(
    private readonly node: string,
    private offsetMs: number,
    private readonly source: ClockSource = systemClockSource,
  ) {}

  /** Corrected wall time in ms. */
  nowMs(): number {
    return this.source.raw() + this.offsetMs;
  }

  /** The PC's own clock (requests measure the offset on it). */
  rawMs(): number {
    return this.source.raw();
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Follow the hub's time from now on (measured by the sync client on each exchange). */
  setOffset(ms: number): void {
    this.offsetMs = ms;
    this.anchor = { raw: this.source.raw(), mono: this.source.mono() };
  }

  /**
   * The facts a movement stamped now records. A stamp is final at once only when the offset was
   * measured in this process and the wall clock has kept pace with the monotonic one since; after
   * a restart (a dead CMOS battery resets the clock at boot) or a jump it waits for the next exchange.
   */
  stampFacts(): StampFacts {
    const deviceTime = this.source.raw();
    const mono = this.source.mono();
    if (this.anchor) {
      const drift = deviceTime - this.anchor.raw - (mono - this.anchor.mono);
      if (Math.abs(drift) > CLOCK_JUMP_MS) this.anchor = null;
    }
    let jumpMs = 0;
    if (this.previous) {
      const since = deviceTime - this.previous.raw - (mono - this.previous.mono);
      if (Math.abs(since) > CLOCK_JUMP_MS) jumpMs = Math.round(since);
    }
    this.previous = { raw: deviceTime, mono };
    return { deviceTime, offsetMs: this.offsetMs, final: this.anchor !== null, jumpMs };
  }

  /** Move the raw readings of provisional stamps into the clock's new time base after a jump (call inside the write transaction). */
  static shiftProvisional(raw: Database.Database, jumpMs: number): void {
    // The same wall time in the new base (raw + offset): the next exchange then re-derives exactly those whose offset was wrong.
    if (jumpMs !== 0) {
      prepared(raw, 'UPDATE movements SET device_time = device_time + ?, stamp_offset_ms = stamp_offset_ms - ? WHERE clock_final = 0 AND device_time IS NOT NULL').run(jumpMs, jumpMs);
    }
  }

  /** After a correction: resume from `ts` (lower than the persisted stamp when that one was days ahead). */
  resetTo(raw: Database.Database, ts: string | null): void {
    this.last = ts;
    prepared(raw, 'UPDATE settings SET hlc_last = ? WHERE id = 1').run(ts);
  }

  /** A fresh timestamp, persisted through `db` (call inside the write transaction). */
  async stamp(db: Executor): Promise<string> {
    const clock = await this.load(db);
    const ts = clock.now();
    await this.save(db, ts);
    return ts;
  }

  /** Merge the hub's clock (from a push or pull answer) so later local stamps sort after it. */
  async receive(db: Executor, remote: string): Promise<{ driftExceeded: boolean }> {
    const clock = await this.load(db);
    const r = clock.receive(remote);
    await this.save(db, r.timestamp);
    return { driftExceeded: r.driftExceeded };
  }

  /**
   * `n` fresh, increasing timestamps through a synchronous connection that already holds the
   * write transaction: one read and one write of the persisted clock for a whole cart.
   */
  stampManySync(raw: Database.Database, n: number): string[] {
    const row = prepared(raw, 'SELECT hlc_last FROM settings WHERE id = 1').get() as { hlc_last: string | null } | undefined;
    const clock = this.fromPersisted(row?.hlc_last ?? null);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(clock.now());
    const last = out[out.length - 1];
    if (last !== undefined) {
      prepared(raw, 'UPDATE settings SET hlc_last = ? WHERE id = 1').run(last);
      this.last = last;
    }
    return out;
  }

  private async load(db: Executor): Promise<HybridLogicalClock> {
    const row = await db.selectFrom('settings').select('hlc_last').where('id', '=', 1).executeTakeFirst();
    return this.fromPersisted(row?.hlc_last ?? null);
  }

  private fromPersisted(persisted: string | null): HybridLogicalClock {
    let last = this.last;
    if (persisted && (!last || compareHlc(persisted, last) > 0)) last = persisted;
    // A timestamp persisted under another node id (before enrollment) still bounds wall/counter.
    return new HybridLogicalClock({ node: this.node, now: () => this.nowMs(), last: last ? withNode(last, this.node) : undefined });
  }

  private async save(db: Executor, ts: string): Promise<void> {
    this.last = ts;
    await db.updateTable('settings').set({ hlc_last: ts }).where('id', '=', 1).execute();
  }
}

function withNode(ts: string, node: string): string {
  const [wall, counter] = ts.split('-');
  return `${wall}-${counter}-${node}`;
}
