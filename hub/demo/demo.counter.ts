import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { StoreCore } from '../../desktop/src/core/store-core';
import { Rng } from '../src/dev/world/random';

export interface CounterOptions {
  hubUrl: string;
  dir: string;
  storeCode: string;
  deviceToken: string;
  username: string;
  pin: string;
  seed: number;
  log: (msg: string) => void;
}

/**
 * A store's counter, simulated on the REAL desktop core (its own SQLite file): it sells on a
 * shopkeeper's rhythm, restocks what runs low, counts now and then, and drops off the network
 * for a while before syncing its backlog, as counters in these shops do.
 */
export class SimulatedCounter {
  private core: StoreCore | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private offlineUntil = 0;
  private lastSync = 0;
  readonly stats = { sales: 0, stockIns: 0, counts: 0, removals: 0, syncs: 0, pushed: 0, errors: 0, lastError: '' };
  private readonly rng: Rng;

  constructor(private readonly o: CounterOptions) {
    this.rng = new Rng(o.seed);
  }

  get code(): string {
    return this.o.storeCode;
  }

  async start(): Promise<void> {
    mkdirSync(this.o.dir, { recursive: true });
    this.core = await StoreCore.open(path.join(this.o.dir, `${this.o.storeCode}.db`));
    const info = await this.core.info();
    if (!info.initialised) await this.core.initStore({ code: this.o.storeCode, name: `Counter of ${this.o.storeCode}` });
    if (!info.enrolled) await this.core.enroll({ hubUrl: this.o.hubUrl, token: this.o.deviceToken });
    await this.core.syncNow();
    await this.core.signIn({ username: this.o.username, pin: this.o.pin });
    this.lastSync = Date.now();
  }

  offline(): boolean {
    return Date.now() < this.offlineUntil;
  }

  async status(): Promise<string> {
    if (!this.core) return `${this.o.storeCode}: starting`;
    const s = await this.core.syncStatus();
    const net = this.offline() ? `OFFLINE ${Math.ceil((this.offlineUntil - Date.now()) / 1000)} s more` : s.state;
    return `${this.o.storeCode}: ${this.stats.sales} sales, ${this.stats.stockIns} stock-ins, ${this.stats.counts} counts | ${net}, ${s.pendingMovements} pending, acked seq ${s.ackedSeq}`;
  }

  /** Run until stop(): one customer every 1-4 s, a sync every ~5 s while online. */
  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (err) {
        this.stats.errors++;
        this.stats.lastError = err instanceof Error ? err.message : String(err);
        this.o.log(`${this.o.storeCode}: ${this.stats.lastError}`);
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, 1000 + this.rng.int(0, 3000));
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
    }
  }

  private async tick(): Promise<void> {
    const core = this.core!;
    const roll = this.rng.next();
    const stock = await core.listStock({ limit: 300 });
    const items = stock.items.filter((i) => !i.archived);
    if (items.length === 0) return;
    const popular = items.slice(0, 60);
    if (roll < 0.8) {
      const lines = Array.from({ length: this.rng.weighted([[1, 40], [2, 30], [3, 20], [4, 10]] as const) }, () => {
        const p = popular[this.rng.int(0, popular.length - 1)]!;
        const qty = p.unit === 'pc' ? this.rng.int(1, 2) : p.unit === 'g' ? this.rng.pick([250, 500, 1000]) : this.rng.pick([500, 1000]);
        return { product: p.barcode ?? p.sku, qty };
      });
      await core.sell({ lines });
      this.stats.sales++;
    } else if (roll < 0.9) {
      const low = items.filter((i) => i.status !== 'ok');
      const p = low.length ? low[this.rng.int(0, low.length - 1)]! : popular[this.rng.int(0, popular.length - 1)]!;
      await core.stockIn({ product: p.sku, qty: p.unit === 'pc' ? 24 : p.unit === 'g' ? 25_000 : 15_000 });
      this.stats.stockIns++;
    } else if (roll < 0.96) {
      const p = popular[this.rng.int(0, popular.length - 1)]!;
      await core.count({ lines: [{ product: p.sku, counted: Math.max(0, p.qty - this.rng.int(0, 2)) }], note: 'shelf check' });
      this.stats.counts++;
    } else {
      const p = popular.find((i) => i.qty > 0);
      if (p) {
        await core.remove({ product: p.sku, qty: 1, reason: this.rng.pick(['damage', 'expiry'] as const), note: 'found on shelf' });
        this.stats.removals++;
      }
    }

    // The network: now and then the line drops for 20-60 s; the counter keeps selling.
    if (!this.offline() && this.rng.chance(0.02)) {
      this.offlineUntil = Date.now() + this.rng.int(20, 60) * 1000;
      this.o.log(`${this.o.storeCode}: network down, selling offline`);
      return;
    }
    if (!this.offline() && Date.now() - this.lastSync > 5000) {
      const r = await core.syncNow();
      this.lastSync = Date.now();
      this.stats.syncs++;
      this.stats.pushed += r.pushedMovements;
      if (r.pushBatches > 0 && r.pushedMovements > 10) this.o.log(`${this.o.storeCode}: back online, pushed a backlog of ${r.pushedMovements} movements`);
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.core?.close();
    this.core = null;
  }
}
