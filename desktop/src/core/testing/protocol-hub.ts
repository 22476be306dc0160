import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HybridLogicalClock,
  mergeStock,
  pushRequestSchema,
  SYNC_PROTOCOL_HEADER,
  uuidv7,
  type Bill,
  type SyncMovement,
  type OfflineProduct,
  type Product,
  type PullResponse,
  type PushResponse,
  type StaffMember,
} from '@bazaar/shared';

/**
 * A protocol-level stand-in for the hub's sync endpoints (DESIGN §5, shared sync.protocol),
 * for testing the device's client behaviour (batching, acks, retries, remaps, rejections)
 * while the real hub's endpoints are built in parallel. It is deliberately simple: the
 * end-to-end test against the real hub process is the judge of the real thing.
 */
export class ProtocolHub {
  readonly storeId = uuidv7();
  readonly products = new Map<string, Product>();
  readonly staff: StaffMember[] = [];
  readonly movements = new Map<string, SyncMovement & { deviceToken: string; status: 'applied' | 'rejected' }>();
  readonly pushBatchSizes: number[] = [];
  /** Bills by id as the hub keeps them: once, and only a void changes one. */
  readonly bills = new Map<string, Bill>();
  /** Bill copies received in pushes, replays included. */
  billCopies = 0;
  /** Movements inserted (a replayed one is answered 'duplicate' and not counted). */
  appliedCount = 0;
  requests = 0;
  private readonly lastSeq = new Map<string, number>();
  private readonly remaps: { fromProductId: string; toProductId: string; sku: string }[] = [];
  private readonly clock = new HybridLogicalClock({ node: 'hub' });
  private server: Server | null = null;
  /** Fail the next N requests with 503 before touching anything. */
  failNext = 0;
  /** Apply the next N pushes, then answer 503 as if the response was lost. */
  dropNextResponses = 0;
  tokens = new Set<string>();
  /** The highest sync protocol this stand-in speaks (1: a hub from before protocol 2). */
  speaks = 2;
  /** The Bazaar-Sync-Protocol header of each push, as sent ('' when none). */
  readonly pushProtocols: string[] = [];
  /** Products per pull page (stock and the rest come with the last page). */
  pullPageSize = Number.MAX_SAFE_INTEGER;

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addProduct(p: Partial<Product> & { sku: string; name: string }): Product {
    const at = new Date().toISOString();
    const product: Product = { id: uuidv7(), barcode: null, unit: 'pc', category: null, supplierId: null, priceMinor: 1000, costMinor: 0, reorderLevel: 0, packs: [], archived: false, createdAt: at, updatedAt: at, ...p };
    this.products.set(product.id, product);
    return product;
  }

  stockOf(productId: string): number {
    return mergeStock([...this.movements.values()].filter((m) => m.productId === productId && m.status === 'applied')).qty;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    this.requests += 1;
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.tokens.has(token)) return send(401, { error: { code: 'UNAUTHENTICATED', message: 'unknown device token' } });
    if (this.failNext > 0) {
      this.failNext -= 1;
      return send(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'try later' } });
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/api/v1/sync/push') {
      let text = '';
      for await (const chunk of req) text += String(chunk);
      const parsed = pushRequestSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return send(400, { error: { code: 'VALIDATION_FAILED', message: parsed.error.message } });
      const asked = String(req.headers[SYNC_PROTOCOL_HEADER.toLowerCase()] ?? '');
      this.pushProtocols.push(asked);
      const full = this.push(token, parsed.data.movements, parsed.data.products);
      if (!('gap' in full)) this.storeBills(parsed.data.bills);
      const answer = 'gap' in full || Math.min(this.speaks, Number(asked) || 1) < 2 ? full : { ...full, protocol: 2, applied: full.results.filter((r) => r.status === 'applied').length, results: full.results.filter((r) => r.status !== 'applied') };
      if ('gap' in answer) return send(409, { error: { code: 'SEQ_GAP', message: `expected seq ${answer.gap}`, details: { expectedSeq: answer.gap } } });
      if (this.dropNextResponses > 0) {
        this.dropNextResponses -= 1;
        return send(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'response lost' } });
      }
      return send(200, answer);
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/sync/pull') return send(200, this.pull(token, url.searchParams.get('cursor')));
    if (req.method === 'GET' && url.pathname === '/api/v1/sync/time') return send(200, { serverTime: Date.now(), hubHlc: this.clock.now(), ackedSeq: this.lastSeq.get(token) ?? 0 });
    return send(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }

  private storeBills(bills: Bill[]): void {
    for (const b of bills) {
      this.billCopies += 1;
      const held = this.bills.get(b.id);
      if (!held || (held.status === 'completed' && b.status === 'voided')) this.bills.set(b.id, b);
    }
  }

  private push(token: string, movements: SyncMovement[], products: OfflineProduct[]): PushResponse | { gap: number } {
    const newRemaps: PushResponse['remaps'] = [];
    for (const p of products) {
      if (this.products.has(p.id)) continue;
      const same = [...this.products.values()].find((x) => x.sku === p.sku);
      if (same) {
        const r = { fromProductId: p.id, toProductId: same.id, sku: p.sku };
        this.remaps.push(r);
        newRemaps.push(r);
      } else this.addProduct({ ...p, barcode: p.barcode ?? null, category: p.category ?? null, supplierId: p.supplierId ?? null });
    }
    const last = this.lastSeq.get(token) ?? 0;
    const first = movements[0];
    if (first && first.seq > last + 1) return { gap: last + 1 };
    this.pushBatchSizes.push(movements.length);
    const results: PushResponse['results'] = [];
    let acked = last;
    for (const m of movements) {
      if (m.seq <= acked) {
        results.push({ id: m.id, seq: m.seq, status: 'duplicate', reason: null });
        continue;
      }
      const productId = this.remaps.find((r) => r.fromProductId === m.productId)?.toProductId ?? m.productId;
      const p = this.products.get(productId);
      const status = p && !p.archived ? 'applied' : 'rejected';
      this.movements.set(m.id, { ...m, productId, deviceToken: token, status });
      this.appliedCount += 1;
      this.clock.receive(m.hlc);
      results.push({ id: m.id, seq: m.seq, status, reason: status === 'rejected' ? 'unknown or archived product' : null });
      acked = m.seq;
    }
    this.lastSeq.set(token, acked);
    return { ackedSeq: acked, results, remaps: newRemaps, serverTime: Date.now(), hubHlc: this.clock.now() };
  }

  private pull(token: string, cursor: string | null): PullResponse {
    const at = new Date().toISOString();
    const offset = cursor?.startsWith('page:') ? Number(cursor.slice(5)) : 0;
    const all = [...this.products.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const products = all.slice(offset, offset + this.pullPageSize);
    const hasMore = offset + products.length < all.length;
    const stock = [...this.products.values()].map((p) => {
      const r = mergeStock([...this.movements.values()].filter((m) => m.productId === p.id && m.status === 'applied'));
      return { storeId: this.storeId, productId: p.id, qty: r.qty, reorderLevel: p.reorderLevel, status: 'ok' as const, lastCountHlc: r.lastCount?.hlc ?? null, lastCountQty: r.lastCount?.qty ?? null, lastCountVariance: r.variance, updatedAt: at };
    });
    return {
      serverTime: Date.now(),
      hubHlc: this.clock.now(),
      cursor: hasMore ? `page:${offset + products.length}` : `done:${Date.now()}`,
      hasMore,
      includesSeq: this.lastSeq.get(token) ?? 0,
      ackedSeq: this.lastSeq.get(token) ?? 0,
      store: { id: this.storeId, code: 'HUB-1', name: 'Hub Store', region: null, location: null, varianceThreshold: 10, varianceLoosePercent: 2, timeZone: 'Asia/Kolkata', defaultLocale: null, archived: false, createdAt: at, updatedAt: at },
      products,
      suppliers: [],
      staff: hasMore ? [] : this.staff,
      stock: hasMore ? [] : stock,
      remaps: hasMore ? [] : this.remaps,
    };
  }
}
