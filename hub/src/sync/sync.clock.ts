import { compareHlc, hlcAfter, parseHlc, type DeviceClockReport, type HybridLogicalClock } from '@bazaar/shared';

/** A device's raw clock further off than this (either way) is flagged for a manager to fix. */
export const CLOCK_FLAG_MS = 5 * 60_000;
/** A movement stamped further than this in the hub's future is flagged (it was re-stamped anyway). */
export const FUTURE_FLAG_MS = 2_000;

export interface OrderedStamp {
  /** The stamp the hub orders the movement by. */
  hlc: string;
  /** The corrected time date reports file it under. */
  occurredAt: string;
  /** How far the device's stamp was in the hub's future (0 when it was not). */
  aheadMs: number;
}

/**
 * The hub's rule for device stamps (DESIGN §5 "Clocks"). A movement cannot have happened after
 * the hub received it, so a stamp in the hub's future is replaced by the hub's own stamp at
 * receipt: one device's fast clock never orders other devices' movements, and the hub's HLC only
 * merges stamps at or before its physical time (it is never dragged ahead). A device's movements
 * stay in seq order: each stamp is after the device's previous one.
 */
export class DeviceStampIntake {
  private last: string | null;
  /** The furthest ahead of hub time a stamp of this push was. */
  maxAheadMs = 0;
  aheadHlc: string | null = null;
  aheadMovementId: string | null = null;
  restamped = 0;

  constructor(
    private readonly hubHlc: HybridLogicalClock,
    private readonly nowMs: number,
    lastDeviceHlc: string | null,
  ) {
    // A last stamp in the hub's future was stored before this rule: it must not hold the device there.
    this.last = lastDeviceHlc !== null && parseHlc(lastDeviceHlc).wall <= nowMs ? lastDeviceHlc : null;
  }

  /** The device's current clock (push `deviceHlc`): merged when plausible, never ordering anything. */
  observe(hlc: string): void {
    const ahead = parseHlc(hlc).wall - this.nowMs;
    if (ahead > 0) this.noteAhead(ahead, hlc, null);
    else this.hubHlc.receive(hlc);
  }

  order(movementId: string, hlc: string, occurredAt: string): OrderedStamp {
    const stamp = parseHlc(hlc);
    const aheadMs = Math.max(0, stamp.wall - this.nowMs);
    let ordered: string;
    if (aheadMs > 0) {
      this.noteAhead(aheadMs, hlc, movementId);
      this.restamped += 1;
      ordered = this.hubHlc.now();
    } else {
      this.hubHlc.receive(hlc);
      ordered = hlc;
    }
    if (this.last !== null && compareHlc(ordered, this.last) <= 0) ordered = hlcAfter(this.last, stamp.node);
    this.last = ordered;
    const at = Date.parse(occurredAt);
    return { hlc: ordered, occurredAt: at > this.nowMs ? new Date(this.nowMs).toISOString() : occurredAt, aheadMs };
  }

  /** The device's highest ordering stamp so far (devices.last_hlc). */
  lastHlc(): string | null {
    return this.last;
  }

  private noteAhead(ms: number, hlc: string, movementId: string | null): void {
    if (ms > this.maxAheadMs) {
      this.maxAheadMs = ms;
      this.aheadHlc = hlc;
      this.aheadMovementId = movementId;
    }
  }
}

export interface ClockVerdict {
  /** The device's raw clock error (ms, + fast), stored on the device row. */
  errorMs: number | null;
  /** Set when the clock just went off by more than CLOCK_FLAG_MS (or is off at its first report). */
  flag: { direction: 'fast' | 'slow'; errorMs: number; correctedErrorMs: number } | null;
}

/**
 * Slow clocks are flagged as well as fast ones, once when the clock goes wrong (edge-triggered on
 * the error stored at the previous push), not on every push of a PC whose battery is dead.
 */
export function judgeDeviceClock(report: DeviceClockReport | undefined, nowMs: number, previousErrorMs: number | null): ClockVerdict {
  if (!report) return { errorMs: previousErrorMs, flag: null };
  const errorMs = report.deviceTime - nowMs;
  const wasOff = previousErrorMs !== null && Math.abs(previousErrorMs) > CLOCK_FLAG_MS;
  const isOff = Math.abs(errorMs) > CLOCK_FLAG_MS;
  const flag = isOff && !wasOff ? { direction: errorMs > 0 ? ('fast' as const) : ('slow' as const), errorMs, correctedErrorMs: errorMs + report.offsetMs } : null;
  return { errorMs, flag };
}
