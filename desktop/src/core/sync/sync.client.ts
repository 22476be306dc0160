import { DomainError } from '@bazaar/shared';
import type { CoreContext } from '../core.context';
import type { SyncProgress, SyncRunResult } from '../core.api';
import { HubError, type HubTarget } from './sync.http';
import { pushOnce } from './sync.push';
import { pullAll } from './sync.pull';
import { pullPurchases } from '../purchases/purchases.sync';
import { syncStatus } from './sync.status';
import { pullTransfers } from '../transfers/transfers.sync';
import { pullCustomers } from '../credit/credit.sync';
import { pullStoreBills } from '../bills/bills.store-pull';

export function hubTarget(ctx: CoreContext): HubTarget {
  const { hub_url, device_token } = ctx.settings;
  if (!hub_url || !device_token) {
    throw new DomainError('BAD_REQUEST', 'this store is not enrolled to a hub: run `bazaar-store enroll <hubUrl> <deviceToken>` first');
  }
  return { hubUrl: hub_url, token: device_token, now: () => ctx.clock.rawMs() };
}

/**
 * One full sync: push until the queue is empty, then pull until the hub has no more.
 * Each batch and page commits on its own, so a crash or a dropped connection resumes
 * where it stopped; the outcome (success or the error) is recorded for the status view.
 */
export async function runSync(ctx: CoreContext, onProgress?: (p: SyncProgress) => void): Promise<SyncRunResult> {
  const target = hubTarget(ctx);
  const started = new Date(ctx.clock.nowMs()).toISOString();
  await ctx.db.updateTable('sync_state').set({ last_attempt_at: started }).where('id', '=', 1).execute();
  const result: Omit<SyncRunResult, 'status'> = { pushedMovements: 0, pushBatches: 0, rejected: 0, remaps: 0, pulledPages: 0, pulledProducts: 0, pulledStockRows: 0 };
  try {
    await pushAll(ctx, target, result, onProgress);
    let pulled = await pullAll(ctx, target, (pages) => onProgress?.({ phase: 'pull', done: pages, total: null }));
    if (pulled.hubBehind) {
      // The hub was restored from an older backup and lost some of this device's movements: send them again, then pull the result.
      await pushAll(ctx, target, result, onProgress);
      const again = await pullAll(ctx, target, (pages) => onProgress?.({ phase: 'pull', done: pulled.pages + pages, total: null }));
      pulled = { pages: pulled.pages + again.pages, products: pulled.products + again.products, stockRows: pulled.stockRows + again.stockRows, hubBehind: true };
    }
    await pullPurchases(ctx, target);
    // Transfers to dispatch or receive here, with the other store's side as the hub knows it.
    await pullTransfers(ctx, target);
    await pullCustomers(ctx, target);
    // Other counters' bills, so goods can come back at this counter too.
    await pullStoreBills(ctx, target);
    result.pulledPages = pulled.pages;
    result.pulledProducts = pulled.products;
    result.pulledStockRows = pulled.stockRows;
    const at = new Date(ctx.clock.nowMs()).toISOString();
    await ctx.db.updateTable('sync_state').set({ last_success_at: at, consecutive_failures: 0, halted: null }).where('id', '=', 1).execute();
  } catch (err) {
    await recordFailure(ctx, err);
    throw err;
  }
  return { ...result, status: await syncStatus(ctx.db, ctx.settings) };
}

/** Push until the queue is empty; every acknowledged batch is reported as progress. */
async function pushAll(ctx: CoreContext, target: HubTarget, result: Omit<SyncRunResult, 'status'>, onProgress?: (p: SyncProgress) => void): Promise<void> {
  const before = await syncStatus(ctx.db, ctx.settings);
  const total = before.pendingMovements;
  onProgress?.({ phase: 'push', done: result.pushedMovements, total });
  for (;;) {
    const ackedBefore = (await syncStatus(ctx.db, ctx.settings)).ackedSeq;
    const out = await pushOnce(ctx, target);
    if (out.idle) break;
    result.pushBatches += 1;
    result.pushedMovements += out.movements;
    result.rejected += out.rejected;
    result.remaps += out.remaps;
    // A batch the hub took without moving its acknowledgement would make this loop spin: stop and report.
    const ackedAfter = (await syncStatus(ctx.db, ctx.settings)).ackedSeq;
    if (out.movements > 0 && ackedAfter <= ackedBefore) {
      throw new HubError(`the hub did not acknowledge the batch after seq ${ackedBefore}; will retry`, 200, 'SEQ_GAP', null);
    }
    // Reported only once acknowledged: this is what the loop counts as progress.
    onProgress?.({ phase: 'push', done: result.pushedMovements, total });
  }
}

async function recordFailure(ctx: CoreContext, err: unknown): Promise<void> {
  const at = new Date(ctx.clock.nowMs()).toISOString();
  const message = err instanceof Error ? err.message : String(err);
  const halted = err instanceof HubError && err.needsPerson ? haltReason(err) : null;
  await ctx.db
    .updateTable('sync_state')
    .set((eb) => ({ last_error: message, last_error_at: at, consecutive_failures: eb('consecutive_failures', '+', 1), ...(halted ? { halted } : {}) }))
    .where('id', '=', 1)
    .execute();
}

function haltReason(err: HubError): string {
  if (err.code === 'SEQ_CONTENT_MISMATCH') return 'the hub holds different content for movements this device already sent: enroll this device again (bazaar-store enroll --force)';
  return 'the hub refused this device token (revoked or wrong): get a new token from the hub and run `bazaar-store enroll --force`';
}

export interface SyncLoopOptions {
  /** Pause between syncs while all is well. */
  intervalMs?: number;
  /** First retry delay after a failure; doubles per failure up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Retry delay after a cycle that failed but made progress (acknowledged a batch or applied a page). */
  afterProgressMs?: number;
  random?: () => number;
  /** Timer (tests pass their own to run cycles by hand). */
  setTimer?: (fn: () => void, ms: number) => () => void;
  onResult?: (r: SyncRunResult | Error) => void;
}

/** How a cycle ended, for the retry rhythm. */
export type CycleOutcome = { ok: true } | { ok: false; error: unknown; progressed: boolean };

/**
 * The loop's rhythm: progress resets the back-off, so an upload over a lossy link that gets some
 * batches through carries on at once; only a cycle that moved nothing backs off (with jitter, and
 * never sooner than a Retry-After the hub named).
 */
export function nextAttempt(
  failures: number,
  outcome: CycleOutcome,
  opts: Required<Pick<SyncLoopOptions, 'intervalMs' | 'baseBackoffMs' | 'maxBackoffMs' | 'afterProgressMs' | 'random'>>,
): { failures: number; delayMs: number } {
  if (outcome.ok) return { failures: 0, delayMs: opts.intervalMs };
  if (outcome.progressed) {
    const asked = outcome.error instanceof HubError ? outcome.error.retryAfterMs : null;
    return { failures: 0, delayMs: asked === null ? opts.afterProgressMs : retryDelay(outcome.error, 1, opts) };
  }
  return { failures: failures + 1, delayMs: retryDelay(outcome.error, failures + 1, opts) };
}

/** Delay before the next attempt: exponential with full jitter, so a thousand shops coming back online don't hit the hub in step. */
export function backoffDelay(failures: number, opts: Required<Pick<SyncLoopOptions, 'baseBackoffMs' | 'maxBackoffMs' | 'random'>>): number {
  const cap = Math.min(opts.maxBackoffMs, opts.baseBackoffMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(cap / 2 + (opts.random() * cap) / 2);
}

/**
 * Delay after a failed sync. When the hub said how long to stay away (503 at capacity, 429), at
 * least that, spread over up to half as much again so the counters it refused do not all come
 * back in the same second; otherwise (and when the back-off is already longer) the back-off.
 */
export function retryDelay(err: unknown, failures: number, opts: Required<Pick<SyncLoopOptions, 'baseBackoffMs' | 'maxBackoffMs' | 'random'>>): number {
  const backoff = backoffDelay(failures, opts);
  if (!(err instanceof HubError) || err.retryAfterMs === null) return backoff;
  const asked = Math.min(err.retryAfterMs, opts.maxBackoffMs);
  return Math.max(backoff, Math.round(asked + (opts.random() * asked) / 2));
}

function defaultTimer(fn: () => void, ms: number): () => void {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
}

/** Background push/pull loop. State lives in SQLite, so a restarted app simply continues. */
export class SyncLoop {
  private cancel: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private readonly opts: Required<Omit<SyncLoopOptions, 'onResult'>> & Pick<SyncLoopOptions, 'onResult'>;

  constructor(
    private readonly run: (hooks: { onProgress: (p: SyncProgress) => void }) => Promise<SyncRunResult>,
    private readonly isHalted: () => Promise<boolean>,
    opts: SyncLoopOptions = {},
  ) {
    this.opts = {
      intervalMs: opts.intervalMs ?? 30_000,
      baseBackoffMs: opts.baseBackoffMs ?? 2_000,
      maxBackoffMs: opts.maxBackoffMs ?? 300_000,
      afterProgressMs: opts.afterProgressMs ?? 50,
      random: opts.random ?? Math.random,
      setTimer: opts.setTimer ?? defaultTimer,
      onResult: opts.onResult,
    };
  }

  /** Failed cycles in a row that moved nothing (what the back-off grows with). */
  get failuresWithoutProgress(): number {
    return this.failures;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Run a cycle now (the "sync now" button), then keep the normal rhythm. */
  trigger(): void {
    if (this.stopped) return;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    await this.running;
  }

  private schedule(ms: number): void {
    this.cancel?.();
    this.cancel = this.opts.setTimer(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.cancel = null;
    if (this.stopped || this.running) return;
    this.running = (async () => {
      if (await this.isHalted()) {
        this.schedule(this.opts.maxBackoffMs);
        return;
      }
      let progressed = false;
      const onProgress = (p: SyncProgress) => {
        if (p.done > 0) progressed = true;
      };
      let outcome: CycleOutcome;
      try {
        const r = await this.run({ onProgress });
        outcome = { ok: true };
        this.opts.onResult?.(r);
      } catch (err) {
        outcome = { ok: false, error: err, progressed };
        this.opts.onResult?.(err instanceof Error ? err : new Error(String(err)));
      }
      const next = nextAttempt(this.failures, outcome, this.opts);
      this.failures = next.failures;
      if (!this.stopped) this.schedule(next.delayMs);
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}
