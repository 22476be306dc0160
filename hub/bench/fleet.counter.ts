import { formatHlc, type DeviceMovementInput } from '@bazaar/shared';
import { Rng, uuidv7At, type Zipf } from '../src/dev/world/random';

export interface FleetProduct {
  id: string;
  priceMinor: number;
  costMinor: number;
  supplierId: string | null;
}

/** One enrolled counter of the fleet as the load generator drives it. */
export interface CounterState {
  deviceId: string;
  storeId: string;
  node: string;
  token: string;
  /** The seq the hub acknowledged before the run (the generated history of Counter 1, 0 for Counter 2). */
  startSeq: number;
  /** HLC wall of the device's last stamp: new stamps never go below it. */
  lastWall: number;
  /** Pull cursor: the hub's change versions as of the run's start, so the first pull is a small delta. */
  cursor: string;
}

/**
 * A counter between syncs: it sells 1–6 lines since its last push (Zipf popularity, mostly
 * sales, some stock-ins and removals), stamped with a gap-free seq and a rising HLC. What the
 * hub has not acknowledged stays pending and rides on the next push, as the desktop client
 * resends its queue: a shed or timed-out push loses nothing and duplicates nothing.
 */
export class FleetCounter {
  private seq: number;
  private acked: number;
  private wall: number;
  private counter = 0;
  private pendingMovements: DeviceMovementInput[] = [];
  private readonly rng: Rng;
  cursor: string;

  constructor(
    readonly state: CounterState,
    private readonly products: readonly FleetProduct[],
    private readonly zipf: Zipf,
    seed: number,
  ) {
    this.seq = state.startSeq;
    this.acked = state.startSeq;
    this.wall = state.lastWall;
    this.cursor = state.cursor;
    this.rng = new Rng(seed);
  }

  /** Record the lines sold since the last push and answer the body of the next push (pending included). */
  nextPush(nowMs: number): { movements: DeviceMovementInput[] } {
    const lines = this.rng.int(1, 6);
    for (let i = 0; i < lines; i++) this.pendingMovements.push(this.movement(nowMs));
    return { movements: [...this.pendingMovements] };
  }

  /** The hub acknowledged up to seq: those movements are stored, the rest stay pending. */
  ack(seq: number): void {
    this.acked = Math.max(this.acked, seq);
    this.pendingMovements = this.pendingMovements.filter((m) => m.seq > this.acked);
  }

  get pending(): number {
    return this.pendingMovements.length;
  }

  /** Movements made during the run (stored once each when the run is verified). */
  get made(): number {
    return this.seq - this.state.startSeq;
  }

  get ackedSeq(): number {
    return this.acked;
  }

  /** The queue alone (for the final flush: no new sales). */
  pendingBody(): { movements: DeviceMovementInput[] } {
    return { movements: [...this.pendingMovements] };
  }

  private movement(nowMs: number): DeviceMovementInput {
    const at = Math.max(Math.floor(nowMs), this.wall);
    if (at > this.wall) {
      this.wall = at;
      this.counter = 0;
    } else this.counter += 1;
    const p = this.products[this.zipf.sample(this.rng)]!;
    const roll = this.rng.next();
    const kind = roll < 0.92 ? 'SALE' : roll < 0.98 ? 'IN' : 'REMOVE';
    return {
      id: uuidv7At(at),
      seq: ++this.seq,
      hlc: formatHlc({ wall: this.wall, counter: this.counter, node: this.state.node }),
      kind,
      productId: p.id,
      qty: kind === 'SALE' ? -this.rng.int(1, 3) : kind === 'IN' ? 12 : -1,
      unitPriceMinor: kind === 'SALE' ? p.priceMinor : null,
      unitCostMinor: p.costMinor,
      reason: kind === 'REMOVE' ? 'damage' : null,
      supplierId: kind === 'IN' ? p.supplierId : null,
      occurredAt: new Date(at).toISOString(),
    };
  }
}
