import {
  HybridLogicalClock,
  clockOffset,
  correctStamps,
  projectStock,
  resumeAfterCorrection,
  uuidv7,
  type DeviceMovementInput,
  type MovementKind,
  type OfflineProduct,
  type PullResponse,
  type PushResponse,
  type SyncMovementInput,
  type TimeResponse,
} from '@bazaar/shared';
import type { TestApp } from '../test/test-db';

/** What the test knows of a movement beyond what the device sends. */
export interface SimStampFacts {
  /** True (simulated real) time it happened. */
  trueTime: number;
  /** The device's raw clock reading then, and the offset it applied. */
  deviceTime: number;
  offsetUsed: number;
  /** Finalised by an exchange with the hub after it (hlc.correction.ts): only then is it sent. */
  final: boolean;
}

export type SimMovement = DeviceMovementInput & Pick<SyncMovementInput, 'stampedHlc' | 'deviceTime'> & { seq: number; hlc: string; qty: number; productId: string; kind: MovementKind };

/**
 * Test-only: a counter as the hub sees it, with the desktop's local-view rule (baseline + own
 * unpulled movements) and the desktop's clock rule: stamps use the offset to hub time learned at
 * the last exchange; a stamp made before any exchange in this session (or after a clock jump)
 * is final only after the next one, which re-derives it from the raw clock (correctStamps), and
 * only final movements are pushed.
 */
export class SimDevice {
  readonly log: SimMovement[] = [];
  readonly facts = new Map<string, SimStampFacts>();
  acked = 0;
  cursor: string | null = null;
  offsetMs = 0;
  /** The offset was measured since the last start or clock jump. */
  verified = false;
  /** Exchanges whose answers this device read (for tests of the probe). */
  probes = 0;
  /** True time; Date.now() unless the test simulates time. */
  trueNow: () => number = () => Date.now();
  readonly rejected = new Set<string>();
  readonly remaps = new Map<string, string>();
  readonly baseline = new Map<string, { qty: number; lastCountHlc: string | null; includesSeq: number }>();
  /** Products created on this device while offline; sent with every push until the hub has them (replays are harmless). */
  readonly offline: OfflineProduct[] = [];
  private clock: HybridLogicalClock;

  constructor(
    readonly t: TestApp,
    readonly id: string,
    readonly storeId: string,
    readonly token: string,
    node: string,
    /** How far this PC's clock is off (a dead CMOS battery), before the hub offset corrects it. */
    public skewMs = 0,
  ) {
    this.node = node;
    this.clock = new HybridLogicalClock({ node, now: () => this.raw() + this.offsetMs });
  }

  readonly node: string;

  /** The PC's own clock. */
  raw(): number {
    return this.trueNow() + this.skewMs;
  }

  /**
   * Someone sets the PC's clock: the desktop notices on its monotonic clock, so its next stamps
   * wait for an exchange and the raw readings of those already waiting move with the clock.
   */
  jumpClock(toSkewMs: number): void {
    const jump = toSkewMs - this.skewMs;
    // Each waiting stamp is re-expressed in the new time base: the same wall time, raw + offset.
    for (const f of this.facts.values()) {
      if (f.final) continue;
      f.deviceTime += jump;
      f.offsetUsed -= jump;
    }
    this.skewMs = toSkewMs;
    this.verified = false;
  }

  static async enroll(t: TestApp, managerToken: string, storeId: string, name: string, skewMs = 0): Promise<SimDevice> {
    const res = await t.call('POST', '/devices', managerToken, { storeId, name });
    if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${res.text}`);
    return new SimDevice(t, res.body.device.id, storeId, res.body.token, res.body.device.node, skewMs);
  }

  record(kind: MovementKind, productId: string, qty: number): SimMovement {
    const deviceTime = this.raw();
    const m: SimMovement = {
      id: uuidv7(),
      seq: this.log.length + 1,
      hlc: this.clock.now(),
      kind,
      productId,
      qty,
      reason: kind === 'REMOVE' ? ('damage' as const) : null,
      occurredAt: new Date(deviceTime + this.offsetMs).toISOString(),
      deviceTime: new Date(deviceTime).toISOString(),
    };
    this.log.push(m);
    this.facts.set(m.id, { trueTime: this.trueNow(), deviceTime, offsetUsed: this.offsetMs, final: this.verified });
    return m;
  }

  /** Whether every movement up to seq `to` is final (sendable). */
  finalUpTo(to: number): boolean {
    return this.log.slice(0, to).every((m) => this.facts.get(m.id)?.final !== false);
  }

  /** What the hub's answer teaches: the offset (exact here, no time passes in a request), then finalise and merge its clock. */
  private adopt(serverTime: number, hubHlc: string, sentAt: number, receivedAt: number) {
    this.probes += 1;
    this.offsetMs = clockOffset(sentAt, receivedAt, serverTime);
    const pending = this.log.filter((m) => this.facts.get(m.id)?.final === false);
    if (pending.length) {
      const first = pending[0]!.seq;
      const prev = first > 1 ? this.log[first - 2]!.hlc : null;
      const out = correctStamps(
        prev,
        this.node,
        this.offsetMs,
        pending.map((m) => ({ hlc: m.hlc, deviceTimeMs: this.facts.get(m.id)!.deviceTime, offsetMs: this.facts.get(m.id)!.offsetUsed })),
      );
      pending.forEach((m, i) => {
        const c = out[i]!;
        if (c.changed) {
          m.stampedHlc = m.hlc;
          m.hlc = c.hlc;
          m.occurredAt = new Date(c.occurredAtMs).toISOString();
        }
        this.facts.get(m.id)!.final = true;
      });
      const last = this.log[this.log.length - 1]?.hlc ?? null;
      const resume = resumeAfterCorrection(this.clock.current(), last, this.raw() + this.offsetMs);
      this.clock = new HybridLogicalClock({ node: this.node, now: () => this.raw() + this.offsetMs, ...(resume ? { last: resume } : {}) });
    }
    this.verified = true;
    this.clock.receive(hubHlc);
  }

  /** GET /sync/time: learn hub time (and the hub's acked seq) before sending provisional stamps. */
  async probe(opts: { dropResponse?: boolean } = {}) {
    const sentAt = this.raw();
    const res = await this.t.call('GET', '/sync/time', this.token);
    if (res.status !== 200) throw new Error(`time failed: ${res.status} ${res.text}`);
    if (opts.dropResponse) return res;
    const body = res.body as TimeResponse;
    this.adopt(body.serverTime, body.hubHlc, sentAt, this.raw());
    return res;
  }

  createProduct(sku: string): string {
    const id = uuidv7();
    this.offline.push({ id, sku, name: `Offline ${sku}`, unit: 'pc', priceMinor: 1000, costMinor: 0, reorderLevel: 0, packs: [] });
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

  /** A push as the desktop makes it: provisional stamps are finalised first (a time probe), then sent as they are from then on. */
  /** `extra`: more of the push body (customers and ledger entries, documents that ride along). */
  async push(movements: DeviceMovementInput[], products: OfflineProduct[] = this.offline, opts: { dropResponse?: boolean; extra?: Record<string, unknown> } = {}) {
    const top = movements.reduce((a, m) => Math.max(a, m.seq), 0);
    if (!this.finalUpTo(top)) {
      await this.probe();
      // Send the finalised content of the same seqs (a test that hand-crafts movements keeps its own).
      movements = movements.map((m) => this.log.find((l) => l.id === m.id) ?? m);
    }
    const sentAt = this.raw();
    const res = await this.t.call('POST', '/sync/push', this.token, { ...opts.extra, movements, products, deviceHlc: this.clock.current(), clock: { deviceTime: sentAt, offsetMs: this.offsetMs } });
    if (opts.dropResponse) return res;
    if (res.status === 200) this.learn(res.body as PushResponse, sentAt, movements);
    else if (res.body?.error?.code === 'SEQ_GAP') this.acked = (res.body.error.details.expectedSeq as number) - 1;
    return res;
  }

  private learn(body: PushResponse, sentAt: number, sent: DeviceMovementInput[]) {
    // Acknowledged means "results seen": a push that skipped seqs (their answer was lost) does not
    // move past them, so they are sent again and their rejections come back. Below what the device
    // holds, the hub lost movements (a restore): send again from there.
    const seqs = sent.map((m) => m.seq);
    const from = seqs.length ? Math.min(...seqs) : Infinity;
    const top = seqs.length ? Math.max(...seqs) : 0;
    if (body.ackedSeq < this.acked) this.acked = body.ackedSeq;
    else if (from <= this.acked + 1) this.acked = Math.max(this.acked, Math.min(body.ackedSeq, top));
    for (const r of body.results) if (r.status === 'rejected') this.rejected.add(r.id);
    for (const r of body.remaps) this.remaps.set(r.fromProductId, r.toProductId);
    this.adopt(body.serverTime, body.hubHlc, sentAt, this.raw());
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
    const sentAt = this.raw();
    const res = await this.t.call('GET', `/sync/pull?${qs.toString()}`, this.token);
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${res.text}`);
    const page = res.body as PullResponse;
    for (const s of page.stock) this.baseline.set(s.productId, { qty: s.qty, lastCountHlc: s.lastCountHlc, includesSeq: page.includesSeq });
    for (const r of page.remaps) this.remaps.set(r.fromProductId, r.toProductId);
    this.cursor = page.cursor;
    // The hub holds less of this device than it acknowledged (restored from a backup): send again from there.
    if (page.ackedSeq !== undefined && page.ackedSeq < this.acked) this.acked = page.ackedSeq;
    this.adopt(page.serverTime, page.hubHlc, sentAt, this.raw());
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
