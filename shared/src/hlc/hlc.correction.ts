import { compareHlc, formatHlc, HLC_MAX_COUNTER, parseHlc } from './hlc';

/**
 * Clock correction (DESIGN §5 "Clocks"). A device stamps each movement with its own clock plus
 * the offset to hub time it knew then, and records its raw clock reading beside the stamp. A
 * stamp is only final once the device has exchanged with the hub after making it: the offset
 * learned then is the best estimate of the error its clock had at the stamp, so the stamp is
 * re-derived from the raw reading with that offset. Only then is the movement sent, so its
 * content never changes between first send and any retry.
 */

/** Offset changes within this are measurement noise: the stamp is kept as it was issued. */
export const CLOCK_CORRECTION_THRESHOLD_MS = 1000;

/** One stamp waiting for the next exchange with the hub. */
export interface ProvisionalStamp {
  /** The stamp as first issued. */
  readonly hlc: string;
  /** The device's raw clock reading when it was issued (ms). */
  readonly deviceTimeMs: number;
  /** The offset to hub time the device applied then (ms). */
  readonly offsetMs: number;
}

export interface CorrectedStamp {
  /** The stamp the movement is ordered by from now on. */
  readonly hlc: string;
  /** Corrected wall time of the movement (ms), for occurred_at. */
  readonly occurredAtMs: number;
  /** Whether the stamp changed. */
  readonly changed: boolean;
}

/** The smallest stamp of `node` after `prev` (same millisecond, next counter). */
export function hlcAfter(prev: string, node: string): string {
  const p = parseHlc(prev);
  return p.counter >= HLC_MAX_COUNTER ? formatHlc({ wall: p.wall + 1, counter: 0, node }) : formatHlc({ wall: p.wall, counter: p.counter + 1, node });
}

/**
 * Finalise a device's provisional stamps (in seq order) with the offset learned at the exchange
 * that follows them. A stamp whose offset was off by more than the threshold is re-derived from
 * the raw reading: corrected wall = device time + learned offset. Every result stays after
 * `prev` (the device's previous final stamp) and after the one before it, so the device's own
 * order is kept whatever the clock did. Pure: the desktop core and the test devices share it.
 */
export function correctStamps(prev: string | null, node: string, learnedOffsetMs: number, stamps: readonly ProvisionalStamp[]): CorrectedStamp[] {
  const out: CorrectedStamp[] = [];
  let last = prev;
  for (const s of stamps) {
    const wrong = Math.abs(learnedOffsetMs - s.offsetMs) > CLOCK_CORRECTION_THRESHOLD_MS;
    const occurredAtMs = wrong ? s.deviceTimeMs + learnedOffsetMs : s.deviceTimeMs + s.offsetMs;
    let hlc = wrong ? formatHlc({ wall: Math.floor(occurredAtMs), counter: 0, node }) : s.hlc;
    if (last !== null && compareHlc(hlc, last) <= 0) hlc = hlcAfter(last, node);
    out.push({ hlc, occurredAtMs, changed: hlc !== s.hlc });
    last = hlc;
  }
  return out;
}

/**
 * Where a device's clock resumes after a correction: after its last final stamp and after the
 * persisted last stamp only when that one is not ahead of corrected time (a stamp issued under
 * a wrong offset days ahead must not hold the clock there: the bug of issue 14).
 */
export function resumeAfterCorrection(persisted: string | null, lastFinal: string | null, correctedNowMs: number): string | null {
  const plausible = persisted !== null && parseHlc(persisted).wall <= correctedNowMs + CLOCK_CORRECTION_THRESHOLD_MS ? persisted : null;
  if (plausible === null) return lastFinal;
  if (lastFinal === null) return plausible;
  return compareHlc(plausible, lastFinal) >= 0 ? plausible : lastFinal;
}
