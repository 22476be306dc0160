import {
  HybridLogicalClock,
  projectStock,
  uuidv7,
  type DeviceMovementInput,
  type MovementKind,
  type OfflineProduct,
  type PullResponse,
  type PushResponse,
} from '@bazaar/shared';
import type { TestApp } from '../test/test-db';

/** Test-only: a counter as the hub sees it, with the desktop's local-view rule (baseline + own unpulled movements). */
export class SimDevice {
  readonly log: (DeviceMovementInput & { seq: number; hlc: string; qty: number; productId: string; kind: MovementKind })[] = [];
  acked = 0;
  cursor: string | null = null;
  offsetMs = 0;
  readonly rejected = new Set<string>();
  readonly remaps = new Map<string, string>();
  readonly baseline = new Map<string, { qty: number; lastCountHlc: string | null; includesSeq: number }>();
  /** Products created on this device while offline; sent with every push until the hub has them (replays are harmless). */
  readonly offline: OfflineProduct[] = [];
  private readonly clock: HybridLogicalClock;

  constructor(
    readonly t: TestApp,
    readonly id: string,
    readonly storeId: string,
    readonly token: string,
    node: string,
    /** How far this PC's clock is off (a dead CMOS battery), before the hub offset corrects it. */
    readonly skewMs = 0,
  ) {
    this.clock = new HybridLogicalClock({ node, now: () => Date.now() + this.skewMs + this.offsetMs });
  }

  static async enroll(t: TestApp, managerToken: string, storeId: string, name: string, skewMs = 0): Promise<SimDevice> {
    const res = await t.call('POST', '/devices', managerToken, { storeId, name });
    if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${res.text}`);
    return new SimDevice(t, res.body.device.id, storeId, res.body.token, res.body.device.node, skewMs);
  }

  record(kind: MovementKind, productId: string, qty: number) {
    const m = {
      id: uuidv7(),
      seq: this.log.length + 1,
      hlc: this.clock.now(),
      kind,
      productId,
      qty,
      reason: kind === 'REMOVE' ? ('damage' as const) : null,
      occurredAt: new Date(Date.now() + this.skewMs + this.offsetMs).toISOString(),
    };
    this.log.push(m);
    return m;
  }

  createProduct(sku: string): string {
    const id = uuidv7();
    this.offline.push({ id, sku, name: `Offline ${sku}`, unit: 'pc', pricePaise: 1000, costPaise: 0, reorderLevel: 0 });
    return id;
  }

  /** The id the hub knows a product by (after a SKU merge). */
  canonical(productId: string): string {
    return this.remaps.get(productId) ?? productId;
  }

  /** Movements from seq `from` to `to` inclusive, exactly as first recorded (retries resend identical content). */
  slice(from: number, to: number) {
    return this.log.slice(Math.max(0, from - 1), Math.max(0, to));
  }

  async push(movements: DeviceMovementInput[], products: OfflineProduct[] = this.offline, opts: { dropResponse?: boolean } = {}) {
    const res = await this.t.call('POST', '/sync/push', this.token, { movements, products, deviceHlc: this.clock.current() });
    if (opts.dropResponse) return res;
    if (res.status === 200) this.learn(res.body as PushResponse);
    else if (res.body?.error?.code === 'SEQ_GAP') this.acked = (res.body.error.details.expectedSeq as number) - 1;
    return res;
  }

  private learn(body: PushResponse) {
    this.acked = Math.max(this.acked, body.ackedSeq);
    for (const r of body.results) if (r.status === 'rejected') this.rejected.add(r.id);
    for (const r of body.remaps) this.remaps.set(r.fromProductId, r.toProductId);
    this.offsetMs = body.serverTime - (Date.now() + this.skewMs);
    this.clock.receive(body.hubHlc);
  }

  /** Push everything not yet acknowledged, in batches of `size`. */
  async pushAll(size = 1000) {
    for (let guard = 0; this.acked < this.log.length; guard++) {
      if (guard > 1000) throw new Error('pushAll: no progress');
      const res = await this.push(this.slice(this.acked + 1, this.acked + size));
      if (res.status !== 200 && res.body?.error?.code !== 'SEQ_GAP') throw new Error(`push failed: ${res.status} ${res.text}`);
    }
  }

  async pullPage(limit = 1000): Promise<PullResponse> {
    const qs = new URLSearchParams({ limit: String(limit) });
    if (this.cursor) qs.set('cursor', this.cursor);
    const res = await this.t.call('GET', `/sync/pull?${qs.toString()}`, this.token);
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${res.text}`);
    const page = res.body as PullResponse;
    for (const s of page.stock) this.baseline.set(s.productId, { qty: s.qty, lastCountHlc: s.lastCountHlc, includesSeq: page.includesSeq });
    for (const r of page.remaps) this.remaps.set(r.fromProductId, r.toProductId);
    this.cursor = page.cursor;
    this.offsetMs = page.serverTime - (Date.now() + this.skewMs);
    this.clock.receive(page.hubHlc);
    return page;
  }

  async pullAll(limit = 1000): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    for (;;) {
      const page = await this.pullPage(limit);
      pages.push(page);
      if (!page.hasMore) return pages;
    }
  }

  /** The device's local view of a product: hub stock as of the last pull plus its own movements the pull did not include. */
  view(productId: string): number {
    const base = this.baseline.get(productId);
    const includes = base?.includesSeq ?? 0;
    const pending = this.log.filter(
      (m) => m.seq > includes && !this.rejected.has(m.id) && (this.remaps.get(m.productId) ?? m.productId) === productId,
    );
    return projectStock({ qty: base?.qty ?? 0, lastCountHlc: base?.lastCountHlc ?? null }, pending);
  }
}

/** Mulberry32: a tiny seeded PRNG, so a failing run is reproduced from its seed alone. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
