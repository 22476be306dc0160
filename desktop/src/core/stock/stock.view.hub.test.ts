import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStock, type MergeMovement, type MovementKind, type Product, type Store } from '@bazaar/shared';
import { DeviceClock } from '../clock/device-clock';
import type { CoreContext } from '../core.context';
import { openStoreDb } from '../db/open-db';
import { getSyncState, requireSettings } from '../settings/settings.repository';
import { hubTarget } from '../sync/sync.client';
import { pullAll } from '../sync/sync.pull';
import { useTestHub } from '../testing/test-hub';
import type { StoreCore } from '../store-core';

/**
 * README: the device's local view is tested against mergeStock. Here the pull pages come from
 * the real hub process, and the expectation is computed from first principles: mergeStock over
 * the movements the hub held when the device last pulled (read back over the hub's REST API)
 * plus the device's own movements the hub did not hold then. Neither the device's pending
 * filter nor projectStock is used to compute what is expected.
 */

type HubMovement = MergeMovement & { productId: string; status: string };
type Op =
  | { t: 'local'; dev: 0 | 1; kind: 'sale' | 'in' | 'count' | 'adjust'; p: number; n: number }
  | { t: 'sync'; dev: 0 | 1 }
  | { t: 'pull' }
  | { t: 'web'; p: number; n: number };

const P = 2;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('local' as const), dev: fc.constantFrom<0 | 1>(0, 1), kind: fc.constantFrom('sale' as const, 'in' as const, 'count' as const, 'adjust' as const), p: fc.integer({ min: 0, max: P - 1 }), n: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('sync' as const), dev: fc.constantFrom<0 | 1>(0, 1) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('pull' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('web' as const), p: fc.integer({ min: 0, max: P - 1 }), n: fc.integer({ min: 1, max: 30 }) }) },
);

const t = useTestHub();

async function hubMovements(storeId: string): Promise<HubMovement[]> {
  const out: HubMovement[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `/stock-movements?storeId=${storeId}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: { id: string; kind: MovementKind; qty: number; hlc: string; productId: string; status: string }[]; nextCursor: string | null } = await t.hub.api('GET', q, undefined, t.admin);
    out.push(...page.items.map((m) => ({ id: m.id, kind: m.kind, qty: m.qty, hlc: m.hlc, productId: m.productId, status: m.status })));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function localMovements(core: StoreCore) {
  const out: (MergeMovement & { productId: string })[] = [];
  let cursor: string | undefined;
  do {
    const page = await core.history({ limit: 1000, cursor });
    out.push(...page.items.map((m) => ({ id: m.id, kind: m.kind, qty: m.qty, hlc: m.hlc, productId: m.productId })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** A pull on its own (the device's real pull code, its own connection to the store file), with no push before it. */
async function pullOnly(path: string): Promise<void> {
  const { db, raw } = await openStoreDb(path);
  try {
    const settings = await requireSettings(db);
    const state = await getSyncState(db);
    const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, state.clock_offset_ms), settings, session: null };
    await pullAll(ctx, hubTarget(ctx));
  } finally {
    await db.destroy();
  }
}

describe('the local view after pulls from a real hub equals mergeStock over the hub movements plus the pending ones', () => {
  it('random sales, stock-ins, counts and adjustments on two counters and the web, synced and pulled in random order', async () => {
    let checks = 0;
    let withPending = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), async (ops) => {
        const code = `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
        const store = await t.hub.api<Store>('POST', '/stores', { code, name: `View ${code}` }, t.admin);
        const products: Product[] = [];
        for (let i = 0; i < P; i++) products.push(await t.hub.api<Product>('POST', '/products', { sku: `${code}-${i}`, name: `Item ${i}`, unit: 'pc', priceMinor: 100 }, t.admin));
        const devs: { core: StoreCore; path: string }[] = [];
        for (const name of ['Counter A', 'Counter B']) {
          const enrolled = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name }, t.admin);
          const s = await t.counter();
          await s.core.enroll({ hubUrl: t.hub.url, token: enrolled.token });
          await s.core.syncNow();
          devs.push({ core: s.core, path: s.path });
        }
        const a = devs[0]!;
        let snapshot = await hubMovements(store.id);

        const check = async () => {
          const held = new Set(snapshot.map((m) => m.id));
          const pending = (await localMovements(a.core)).filter((m) => !held.has(m.id));
          if (pending.length) withPending++;
          const view = new Map((await a.core.listStock({ limit: 100 })).items.map((i) => [i.productId, i.qty]));
          for (const product of products) {
            const expected = mergeStock([...snapshot.filter((m) => m.status !== 'rejected'), ...pending].filter((m) => m.productId === product.id)).qty;
            expect({ sku: product.sku, qty: view.get(product.id) ?? 0 }).toEqual({ sku: product.sku, qty: expected });
          }
          checks++;
        };

        for (const op of ops) {
          const sku = (p: number) => products[p]!.sku;
          if (op.t === 'local') {
            const core = devs[op.dev]!.core;
            if (op.kind === 'sale') await core.sell({ lines: [{ product: sku(op.p), qty: op.n }] });
            else if (op.kind === 'in') await core.stockIn({ product: sku(op.p), qty: op.n });
            else if (op.kind === 'count') await core.count({ lines: [{ product: sku(op.p), counted: op.n }] });
            else await core.adjust({ product: sku(op.p), delta: op.n % 2 ? op.n : -op.n, note: 'found a box' });
          } else if (op.t === 'sync') {
            await devs[op.dev]!.core.syncNow();
            if (op.dev === 0) snapshot = await hubMovements(store.id);
          } else if (op.t === 'pull') {
            // A pull with this counter's movements still unpushed. Not with an unpushed count: the
            // view cannot place a pending count before movements the pull brought (next test).
            const onHub = new Set((await hubMovements(store.id)).map((m) => m.id));
            const unpushedCount = (await localMovements(a.core)).some((m) => m.kind === 'COUNT' && !onHub.has(m.id));
            if (unpushedCount) await a.core.syncNow();
            else await pullOnly(a.path);
            snapshot = await hubMovements(store.id);
          } else {
            await t.hub.api('POST', '/stock-movements', { storeId: store.id, productId: products[op.p]!.id, kind: op.n % 2 ? 'IN' : 'SALE', qty: op.n % 2 ? op.n : -op.n }, t.admin);
          }
          await check();
        }
        await t.cleanUpNow();
      }),
      { numRuns: 12, endOnFailure: true },
    );
    expect(checks).toBeGreaterThan(12 * 4);
    expect(withPending).toBeGreaterThan(0);
  }, 600_000);

  /**
   * The limit of the (qty, last count) baseline: a count still pending on this counter that is
   * older than a delta the pull brought replaces the baseline, delta included, until the next
   * sync sends the count and the hub folds it (runSync pushes before it pulls, so only a count
   * made while a sync runs can be in this position).
   */
  it('a pending count older than a sale another counter pushed before this pull shows the count until the next sync', async () => {
    const code = `VX${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const store = await t.hub.api<Store>('POST', '/stores', { code, name: `View ${code}` }, t.admin);
    const product = await t.hub.api<Product>('POST', '/products', { sku: `${code}-0`, name: 'Item', unit: 'pc', priceMinor: 100 }, t.admin);
    const devs: { core: StoreCore; path: string }[] = [];
    for (const name of ['Counter A', 'Counter B']) {
      const enrolled = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name }, t.admin);
      const s = await t.counter();
      await s.core.enroll({ hubUrl: t.hub.url, token: enrolled.token });
      await s.core.syncNow();
      devs.push({ core: s.core, path: s.path });
    }
    const [a, b] = devs as [{ core: StoreCore; path: string }, { core: StoreCore; path: string }];
    await b.core.stockIn({ product: product.sku, qty: 20 });
    await b.core.syncNow();
    await a.core.count({ lines: [{ product: product.sku, counted: 10 }] });
    // The sale must carry a later clock than the count: within one millisecond the two
    // counters' HLCs tie on time and the device ids decide, which orders them at random.
    await new Promise((r) => setTimeout(r, 5));
    await b.core.sell({ lines: [{ product: product.sku, qty: 3 }] });
    await b.core.syncNow();
    await pullOnly(a.path);
    const snapshot = await hubMovements(store.id);
    const held = new Set(snapshot.map((m) => m.id));
    const pending = (await localMovements(a.core)).filter((m) => !held.has(m.id));
    const expected = mergeStock([...snapshot, ...pending]).qty;
    const view = (await a.core.listStock({ limit: 10 })).items.find((i) => i.productId === product.id)?.qty;
    expect({ expected, view, hub: mergeStock(snapshot).qty }).toEqual({ expected: 7, view: 10, hub: 17 });
    await a.core.syncNow();
    const after = await hubMovements(store.id);
    expect(mergeStock(after).qty).toBe(7);
    expect((await a.core.listStock({ limit: 10 })).items.find((i) => i.productId === product.id)?.qty).toBe(7);
  });
});
