import { z } from 'zod';

/**
 * A live event for dashboards. Every event is scoped: to a store (those who may see the store),
 * or with `storeId` null to admins only; `userId` narrows it further to one user (an export's
 * progress goes to whoever asked for it).
 */
export interface HubEvent {
  /** "<ms>-<seq>": ordered, and the SSE id a client sends back as Last-Event-ID. */
  id: string;
  type: string;
  storeId: string | null;
  userId?: string | null;
  at: string;
  data: unknown;
}

export type NewHubEvent = Omit<HubEvent, 'id' | 'at'>;

export const eventIdSchema = z.string().regex(/^\d{1,15}-\d{1,15}$/, 'must be an event id like 1732400000000-0');

export interface EventBus {
  /** Fan out to every node's subscribers and keep for replay. Never throws. */
  publish(event: NewHubEvent): Promise<void>;
  /** This node's live feed; returns the unsubscribe function. */
  subscribe(listener: (e: HubEvent) => void): () => void;
  /** Events after `afterId`, oldest first (as many as are still kept). */
  replay(afterId: string, limit: number): Promise<HubEvent[]>;
  mode(): 'redis' | 'memory';
  close(): Promise<void>;
}

export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am !== bm ? am - bm : as - bs;
}

/** Stream-style ids from this process: strictly increasing even when the clock repeats or steps back. */
export class EventIdGenerator {
  private lastMs = 0;
  private seq = 0;
  constructor(private readonly now: () => number = () => Date.now()) {}
  next(): string {
    const ms = this.now();
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.seq = 0;
    } else {
      this.seq += 1;
    }
    return `${this.lastMs}-${this.seq}`;
  }
}

/**
 * The single-node bus: listeners in this process and a bounded ring for Last-Event-ID replay
 * (a client away longer than the ring holds reloads its view instead of replaying).
 */
export class MemoryEventBus implements EventBus {
  private readonly listeners = new Set<(e: HubEvent) => void>();
  private readonly ring: HubEvent[] = [];
  private readonly ids: EventIdGenerator;

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.ids = new EventIdGenerator(now);
  }

  mode() {
    return 'memory' as const;
  }

  async publish(event: NewHubEvent): Promise<void> {
    this.deliver({ ...event, id: this.ids.next(), at: new Date(this.now()).toISOString() });
  }

  /** Also used by the Redis bus to deliver locally while Redis is down. */
  deliver(e: HubEvent): void {
    this.ring.push(e);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // one broken subscriber must not stop the others
      }
    }
  }

  subscribe(listener: (e: HubEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async replay(afterId: string, limit: number): Promise<HubEvent[]> {
    return this.ring.filter((e) => compareEventIds(e.id, afterId) > 0).slice(0, limit);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
