import { SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '@bazaar/shared';
import { Rng } from '../src/dev/world/random';
import type { FleetCounter } from './fleet.counter';
import { quantile } from './lib/stats';

export interface LoadTargets {
  /** One or more hub nodes; pushes, pulls and reads go round-robin over them. */
  hubUrls: string[];
  adminToken: string;
  /** The i-th head-office read (distinct URLs, so no response cache can answer them). */
  readPath: (i: number) => string;
}

export interface StepPlan {
  label: string;
  /** Offered pushes per second (Poisson arrivals). */
  rate: number;
  seconds: number;
  readsPerSecond: number;
  /** A client gives up on a request after this long (counted as a timeout). */
  timeoutMs: number;
  seed: number;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StepOutcome {
  plan: StepPlan;
  /** Arrivals scheduled; pushes actually sent (an arrival finds no idle counter when every counter is mid-sync). */
  scheduled: number;
  sent: number;
  noIdleCounter: number;
  ok: number;
  /** Pushes answered 200 within the step's window, per second. */
  achievedPerSecond: number;
  /** Latency of successful pushes from their scheduled time (queueing in the generator counts). */
  okLatency: LatencySummary;
  /** Every answer (200, 503, others) from its scheduled time. */
  allLatency: LatencySummary;
  byStatus: Record<string, number>;
  shedWithRetryAfter: number;
  /** Pushes that succeeded within 1 s or were shed with 503 + Retry-After within 1 s, of those sent. */
  goodWithin1s: number;
  pulls: { ok: number; failed: number; latency: LatencySummary };
  reads: { sent: number; ok: number; byStatus: Record<string, number>; cacheHits: number; latency: LatencySummary };
  /** Wall time after the last arrival until every request of the step had its answer. */
  drainMs: number;
}

export function summarise(values: number[]): LatencySummary {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.length ? s[s.length - 1]! : NaN };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why the hub shed a push (queue_full, wait_timeout, lock_timeout from the admission gate), or what else answered 503. */
function shedReason(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; details?: { reason?: string } } };
    return body.error?.details?.reason ?? body.error?.code ?? 'unknown';
  } catch {
    return 'not json';
  }
}

function statusOf(err: unknown): string {
  const name = (err as { name?: string }).name ?? '';
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = (err as { cause?: { code?: string } }).cause?.code;
  return code ? `net ${code}` : 'net error';
}

/**
 * Open-loop load: arrivals follow the schedule whatever the hub does, and each latency runs
 * from the arrival's scheduled time, so a hub that falls behind shows it as queueing instead of
 * slowing the generator down (closed-loop generators hide collapse). Each arrival takes an idle
 * counter; the counter pushes what it sold since its last push, pulls after a 200, and is idle
 * again; a 503 keeps it away for its Retry-After with jitter, as the desktop sync loop does.
 */
export class FleetLoad {
  private readonly idle: FleetCounter[];
  private rr = 0;
  private readCount = 0;

  constructor(
    counters: readonly FleetCounter[],
    private readonly targets: LoadTargets,
  ) {
    this.idle = [...counters];
  }

  private node(): string {
    const urls = this.targets.hubUrls;
    return urls[this.rr++ % urls.length]!;
  }

  async step(plan: StepPlan): Promise<StepOutcome> {
    const rng = new Rng(plan.seed);
    const inflight = new Set<Promise<void>>();
    const okLat: number[] = [];
    const allLat: number[] = [];
    const pullLat: number[] = [];
    const readLat: number[] = [];
    const byStatus: Record<string, number> = {};
    const readStatus: Record<string, number> = {};
    const o = { sent: 0, noIdle: 0, ok: 0, okInWindow: 0, shedRA: 0, good: 0, pullsOk: 0, pullsFailed: 0, readsSent: 0, readsOk: 0, cacheHits: 0 };
    const t0 = performance.now() + 20;
    const tEnd = t0 + plan.seconds * 1000;
    const track = (p: Promise<void>) => {
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    };

    const push = async (c: FleetCounter, scheduled: number) => {
      const url = this.node();
      let coolMs = 0;
      try {
        const res = await fetch(`${url}/api/v1/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${c.state.token}`, 'content-type': 'application/json', [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
          body: JSON.stringify(c.nextPush(Date.now())),
          signal: AbortSignal.timeout(plan.timeoutMs),
        });
        const text = await res.text();
        const done = performance.now();
        const ms = done - scheduled;
        allLat.push(ms);
        const key = res.status === 503 ? `503 ${shedReason(text)}` : String(res.status);
        byStatus[key] = (byStatus[key] ?? 0) + 1;
        if (res.status === 200) {
          o.ok += 1;
          if (done <= tEnd) o.okInWindow += 1;
          okLat.push(ms);
          if (ms <= 1000) o.good += 1;
          c.ack((JSON.parse(text) as { ackedSeq: number }).ackedSeq);
          await this.pull(c, url, plan.timeoutMs, pullLat, o);
        } else if (res.status === 503 && res.headers.get('retry-after')) {
          o.shedRA += 1;
          if (ms <= 1000) o.good += 1;
          const ra = Number(res.headers.get('retry-after')) * 1000;
          coolMs = ra + rng.next() * (ra / 2);
        }
      } catch (err) {
        const s = statusOf(err);
        byStatus[s] = (byStatus[s] ?? 0) + 1;
        allLat.push(performance.now() - scheduled);
      } finally {
        if (coolMs > 0) setTimeout(() => this.idle.push(c), coolMs);
        else this.idle.push(c);
      }
    };

    const read = async (i: number, scheduled: number) => {
      try {
        const res = await fetch(`${this.node()}/api/v1${this.targets.readPath(i)}`, {
          headers: { authorization: `Bearer ${this.targets.adminToken}` },
          signal: AbortSignal.timeout(plan.timeoutMs),
        });
        await res.arrayBuffer();
        readLat.push(performance.now() - scheduled);
        readStatus[String(res.status)] = (readStatus[String(res.status)] ?? 0) + 1;
        if (res.ok) o.readsOk += 1;
        if (res.headers.get('x-cache') === 'hit') o.cacheHits += 1;
      } catch (err) {
        readLat.push(performance.now() - scheduled);
        const s = statusOf(err);
        readStatus[s] = (readStatus[s] ?? 0) + 1;
      }
    };

    // Poisson arrivals for pushes; reads evenly spaced.
    let nextPush = t0 - Math.log(1 - rng.next()) * (1000 / plan.rate);
    let nextRead = plan.readsPerSecond > 0 ? t0 : Infinity;
    let scheduled = 0;
    while (nextPush < tEnd || nextRead < tEnd) {
      const now = performance.now();
      while (nextPush < tEnd && nextPush <= now) {
        scheduled += 1;
        const c = this.idle.shift();
        if (c) {
          o.sent += 1;
          track(push(c, nextPush));
        } else o.noIdle += 1;
        nextPush += -Math.log(1 - rng.next()) * (1000 / plan.rate);
      }
      while (nextRead < tEnd && nextRead <= now) {
        o.readsSent += 1;
        track(read(this.readCount++, nextRead));
        nextRead += 1000 / plan.readsPerSecond;
      }
      const wait = Math.min(nextPush, nextRead) - performance.now();
      if (wait > 0) await sleep(Math.min(wait, 10));
    }
    const drainStart = performance.now();
    await Promise.all([...inflight]);
    return {
      plan,
      scheduled,
      sent: o.sent,
      noIdleCounter: o.noIdle,
      ok: o.ok,
      achievedPerSecond: o.okInWindow / plan.seconds,
      okLatency: summarise(okLat),
      allLatency: summarise(allLat),
      byStatus,
      shedWithRetryAfter: o.shedRA,
      goodWithin1s: o.sent ? o.good / o.sent : NaN,
      pulls: { ok: o.pullsOk, failed: o.pullsFailed, latency: summarise(pullLat) },
      reads: { sent: o.readsSent, ok: o.readsOk, byStatus: readStatus, cacheHits: o.cacheHits, latency: summarise(readLat) },
      drainMs: performance.now() - drainStart,
    };
  }

  /** After a push: pull until the hub has no more (one page, normally), on the node that took the push. */
  private async pull(c: FleetCounter, url: string, timeoutMs: number, lat: number[], o: { pullsOk: number; pullsFailed: number }): Promise<void> {
    const started = performance.now();
    try {
      for (let page = 0; page < 5; page++) {
        const res = await fetch(`${url}/api/v1/sync/pull?limit=1000&cursor=${c.cursor}`, {
          headers: { authorization: `Bearer ${c.state.token}`, [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await res.text();
        if (res.status !== 200) {
          o.pullsFailed += 1;
          return;
        }
        const body = JSON.parse(text) as { cursor: string; hasMore: boolean };
        c.cursor = body.cursor;
        if (!body.hasMore) break;
      }
      o.pullsOk += 1;
      lat.push(performance.now() - started);
    } catch {
      o.pullsFailed += 1;
    }
  }
}
