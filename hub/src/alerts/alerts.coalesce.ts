/** Products of one store to re-evaluate: a set, or null for all of them. */
type Scope = Set<string> | null;

interface StoreState {
  running: boolean;
  /** Products asked for since the running evaluation started (undefined: nothing pending). */
  pending: Scope | undefined;
  /** Callers waiting for an evaluation that covers what they asked for. */
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

/**
 * Alert re-evaluations of one hub node, coalesced per store and bounded in number. At most one
 * evaluation of a store runs at a time (single-flight); what is asked for meanwhile is merged
 * into ONE follow-up (the union of the products, or the whole store), so a burst of pushes to a
 * store costs one evaluation after the running one rather than one each. At most `maxConcurrent`
 * stores are evaluated at once; the others wait their turn in arrival order. A request resolves
 * when an evaluation that started after it (and so saw its commit) has finished, and rejects with
 * that evaluation's error (the job queue then retries it).
 *
 * Per node: two nodes may evaluate one store at once, which the evaluation tolerates (it is
 * idempotent: alerts_one_live_key allows one live alert per kind).
 */
export class AlertCoalescer {
  private readonly stores = new Map<string, StoreState>();
  private readonly ready: string[] = [];
  private active = 0;

  constructor(
    private readonly evaluate: (storeId: string, productIds: readonly string[] | null) => Promise<void>,
    private readonly maxConcurrent = 2,
  ) {}

  /** Re-evaluate these products of the store (null or empty: every product of it). */
  request(storeId: string, productIds: readonly string[] | null): Promise<void> {
    const state = this.stores.get(storeId) ?? { running: false, pending: undefined, waiters: [] };
    this.stores.set(storeId, state);
    const asked = productIds && productIds.length ? productIds : null;
    if (state.pending === undefined) {
      state.pending = asked ? new Set(asked) : null;
      if (!state.running) this.ready.push(storeId);
    } else if (state.pending !== null) {
      if (asked) for (const p of asked) state.pending.add(p);
      else state.pending = null;
    }
    const done = new Promise<void>((resolve, reject) => state.waiters.push({ resolve, reject }));
    this.pump();
    return done;
  }

  /** Evaluations running now and stores waiting for a slot (for tests and metrics). */
  load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.ready.length };
  }

  private pump(): void {
    while (this.active < this.maxConcurrent && this.ready.length) {
      const storeId = this.ready.shift()!;
      const state = this.stores.get(storeId)!;
      const scope = state.pending!;
      const waiters = state.waiters.splice(0);
      state.pending = undefined;
      state.running = true;
      this.active += 1;
      void this.evaluate(storeId, scope ? [...scope] : null)
        .then(
          () => waiters.forEach((w) => w.resolve()),
          (err: unknown) => waiters.forEach((w) => w.reject(err)),
        )
        .finally(() => {
          this.active -= 1;
          state.running = false;
          if (state.pending !== undefined) this.ready.push(storeId);
          else this.stores.delete(storeId);
          this.pump();
        });
    }
  }
}
