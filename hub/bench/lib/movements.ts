import { formatHlc, type DeviceMovementInput } from '@bazaar/shared';
import { Rng, uuidv7At, Zipf } from '../../src/dev/world/random';
import type { StoreInfo } from './world-info';

/** A device's clock and sequence for synthetic pushes: HLC, seq and UUIDv7 as the desktop core would stamp them. */
export class SyntheticDevice {
  private seq = 0;
  private wall = 0;
  private counter = 0;
  private readonly rng: Rng;
  private readonly zipf: Zipf;
  constructor(
    readonly node: string,
    readonly store: StoreInfo,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.zipf = new Zipf(store.products.length, 1.05);
  }

  /** n movements at times from startMs, stepMs apart: mostly sales, some stock-ins and removals. */
  batch(n: number, startMs: number, stepMs: number): DeviceMovementInput[] {
    const out: DeviceMovementInput[] = [];
    for (let i = 0; i < n; i++) {
      const at = Math.floor(startMs + i * stepMs);
      if (at > this.wall) {
        this.wall = at;
        this.counter = 0;
      } else this.counter++;
      const p = this.store.products[this.zipf.sample(this.rng)]!;
      const roll = this.rng.next();
      const kind = roll < 0.9 ? 'SALE' : roll < 0.98 ? 'IN' : 'REMOVE';
      out.push({
        id: uuidv7At(at),
        seq: ++this.seq,
        hlc: formatHlc({ wall: this.wall, counter: this.counter, node: this.node }),
        kind,
        productId: p.id,
        qty: kind === 'SALE' ? -this.rng.int(1, 3) : kind === 'IN' ? 24 : -1,
        unitPriceMinor: kind === 'SALE' ? p.priceMinor : null,
        unitCostMinor: p.costMinor,
        reason: kind === 'REMOVE' ? 'damage' : null,
        supplierId: kind === 'IN' ? p.supplierId : null,
        occurredAt: new Date(at).toISOString(),
      });
    }
    return out;
  }
}
