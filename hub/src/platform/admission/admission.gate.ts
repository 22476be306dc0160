/** How many requests of one kind a node works on at once, and how many may wait, for how long. */
export interface GateLimits {
  /** Requests worked on at once; 0 = no bound (the gate admits everything). */
  maxInFlight: number;
  /** Requests that may wait for a slot; beyond that a request is refused at once. */
  maxQueued: number;
  /** The longest a request waits for a slot before it is refused. */
  maxWaitMs: number;
}

export type Refusal = 'queue_full' | 'wait_timeout';
export type Ticket = { admitted: true; release: () => void; waitedMs: number } | { admitted: false; reason: Refusal; waitedMs: number };

interface Waiter {
  since: number;
  timer: ReturnType<typeof setTimeout> | null;
  grant: () => void;
}

export interface GateSnapshot {
  inFlight: number;
  queued: number;
  maxInFlight: number;
  maxQueued: number;
  admitted: number;
  shed: Record<Refusal, number>;
}

/**
 * A counting semaphore with a short FIFO queue. Past capacity a request is refused instead of
 * queued without end: the queue is bounded in length and in time, so a refused client learns
 * it at once (or after at most maxWaitMs) and retries later, while the ones admitted keep their
 * latency. The queue absorbs bursts of arrivals that would otherwise be refused below capacity.
 */
export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  private admitted = 0;
  private readonly shed: Record<Refusal, number> = { queue_full: 0, wait_timeout: 0 };

  constructor(
    readonly name: string,
    private readonly limits: GateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  enter(): Promise<Ticket> | Ticket {
    if (this.limits.maxInFlight <= 0 || this.inFlight < this.limits.maxInFlight) return this.grant(0);
    if (this.waiting.length >= this.limits.maxQueued || this.limits.maxWaitMs <= 0) return this.refuse('queue_full', 0);
    return new Promise<Ticket>((resolve) => {
      const waiter: Waiter = {
        since: this.now(),
        timer: null,
        grant: () => resolve(this.grant(this.now() - waiter.since)),
      };
      waiter.timer = setTimeout(() => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(this.refuse('wait_timeout', this.now() - waiter.since));
      }, this.limits.maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  snapshot(): GateSnapshot {
    return {
      inFlight: this.inFlight,
      queued: this.waiting.length,
      maxInFlight: this.limits.maxInFlight,
      maxQueued: this.limits.maxQueued,
      admitted: this.admitted,
      shed: { ...this.shed },
    };
  }

  private grant(waitedMs: number): Ticket {
    this.inFlight += 1;
    this.admitted += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      const next = this.waiting.shift();
      if (next) {
        if (next.timer) clearTimeout(next.timer);
        next.grant();
      }
    };
    return { admitted: true, release, waitedMs };
  }

  private refuse(reason: Refusal, waitedMs: number): Ticket {
    this.shed[reason] += 1;
    return { admitted: false, reason, waitedMs };
  }
}
