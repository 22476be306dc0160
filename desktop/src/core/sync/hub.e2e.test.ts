import { describe, expect, it } from 'vitest';
import { compareHlc, mergeStock, type Product, type Store } from '@bazaar/shared';
import { useTestHub } from '../testing/test-hub';
import type { StoreCore } from '../store-core';

const t = useTestHub();

/**
 * `later` has heard from `earlier` (as one counter hears of another's sales through the hub or
 * a person walking over): HLC's receive rule, applied to the persisted clock every stamp
 * starts from, so `later`'s next timestamp sorts after everything `earlier` has stamped.
 */
function happensAfter(later: StoreCore, earlier: StoreCore): void {
  const last = (core: StoreCore) => (core.connection.prepare('select hlc_last from settings where id = 1').get() as { hlc_last: string | null }).hlc_last;
  const [seen, own] = [last(earlier), last(later)];
  if (seen && (!own || compareHlc(seen, own) > 0)) later.connection.prepare('update settings set hlc_last = ? where id = 1').run(seen);
}

async function device(): Promise<StoreCore> {
  const s = await t.counter();
  return s.core;
}

async function allLocal(core: StoreCore) {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await core.history({ limit: 1000, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function hubMovements(storeId: string) {
  const out: { id: string; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `/stock-movements?storeId=${storeId}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: { id: string; status: string }[]; nextCursor: string | null } = await t.hub.api('GET', q, undefined, t.admin);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('end to end with the real hub process', () => {
  it('two counters of one store sell offline, sync in any order, and converge with the hub per the merge rule', async () => {
    const store = await t.hub.api<Store>('POST', '/stores', { code: 'BLR-042', name: 'Sharma Kirana' }, t.admin);
    const atta = await t.hub.api<Product>('POST', '/products', { sku: 'ATTA-5', barcode: '8901000000001', name: 'Aashirvaad Atta 5kg', unit: 'pc', priceMinor: 26500, reorderLevel: 5 }, t.admin);
    const rice = await t.hub.api<Product>('POST', '/products', { sku: 'RICE', name: 'Sona Masoori Rice', unit: 'g', priceMinor: 6000 }, t.admin);
    await t.hub.api('POST', '/users', { username: 'ravi', name: 'Ravi', password: 'ravi-password-1', role: 'staff', storeIds: [store.id], pin: '2468' }, t.admin);
    const devA = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Counter 1' }, t.admin);
    const devB = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Counter 2' }, t.admin);

    // Counter A ran stand-alone for a day before the hub existed: its own RICE (same SKU) and a pickle.
    const a = await device();
    await a.addProduct({ sku: 'RICE', name: 'Rice (typed at the counter)', unit: 'g', priceMinor: 5800 });
    await a.addProduct({ sku: 'PICKLE', name: 'Mango pickle', unit: 'pc', priceMinor: 9000, reorderLevel: 2 });
    await a.stockIn({ product: 'RICE', qty: 50_000 });
    await a.stockIn({ product: 'PICKLE', qty: 12 });
    await a.sell({ lines: [{ product: 'RICE', qty: 2500 }, { product: 'PICKLE', qty: 2 }] });

    const b = await device();
    await b.enroll({ hubUrl: t.hub.url, token: devB.token });
    await b.syncNow();
    // Staff PIN hashes came from the hub: offline sign-in works with the hub's hash format.
    await b.signIn({ username: 'ravi', pin: '2468' });
    expect((await b.findProduct({ code: '8901000000001' })).id).toBe(atta.id);

    await a.enroll({ hubUrl: t.hub.url, token: devA.token });
    const first = await a.syncNow();
    expect(first.remaps).toBeGreaterThanOrEqual(1);
    expect((await a.findProduct({ code: 'RICE' })).id).toBe(rice.id);
    await b.syncNow();
    // Once the hub's staff are here, every change needs a signed-in user.
    await expect(a.stockIn({ product: 'ATTA-5', qty: 1 })).rejects.toThrow(/sign in/);
    await a.signIn({ username: 'ravi', pin: '2468' });

    // Both go offline (no syncs) and keep selling; B counts atta in the middle.
    await a.stockIn({ product: 'ATTA-5', qty: 40 });
    await a.sell({ lines: [{ product: 'ATTA-5', qty: 3 }, { product: 'RICE', qty: 1000 }] });
    await b.sell({ lines: [{ product: '8901000000001', qty: 1 }] });
    // Each counter stamps with its own hub-corrected clock, which may differ from the other's
    // by half a round trip or more: wall time alone cannot say "before/after the count". The
    // clocks carry the order instead: B counts after hearing of A's sales, and A sells on
    // after hearing of the count. (The equality with mergeStock below holds whatever the order.)
    happensAfter(b, a);
    await b.count({ lines: [{ product: 'ATTA-5', counted: 30 }] });
    happensAfter(a, b);
    await b.sell({ lines: [{ product: 'ATTA-5', qty: 2 }, { product: 'PICKLE', qty: 1 }] });
    await a.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
    await a.remove({ product: 'PICKLE', qty: 1, reason: 'damage' });

    // Back online, in an awkward order, with repeats.
    await b.syncNow();
    await a.syncNow();
    await b.syncNow();
    await a.syncNow();

    const localA = await allLocal(a);
    const localB = await allLocal(b);
    const onHub = await hubMovements(store.id);
    // Everything arrived exactly once.
    expect(onHub.length).toBe(localA.length + localB.length);
    expect(new Set(onHub.map((m) => m.id))).toEqual(new Set([...localA, ...localB].map((m) => m.id)));
    expect((await a.syncStatus()).pendingMovements).toBe(0);
    expect((await b.syncStatus()).pendingMovements).toBe(0);

    const stocks = await t.hub.api<{ items: { productId: string; sku: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}&limit=500`, undefined, t.admin);
    for (const row of stocks.items) {
      const merged = mergeStock([...localA, ...localB].filter((m) => m.productId === row.productId)).qty;
      expect({ sku: row.sku, hub: row.qty }).toEqual({ sku: row.sku, hub: merged });
      expect({ sku: row.sku, a: (await a.findProduct({ code: row.productId })).qty }).toEqual({ sku: row.sku, a: row.qty });
      expect({ sku: row.sku, b: (await b.findProduct({ code: row.productId })).qty }).toEqual({ sku: row.sku, b: row.qty });
    }
    const bySku = new Map(stocks.items.map((r) => [r.sku, r.qty]));
    // B counted 30 after A's stock-in and A's first atta sale; later: B −2, A −1.
    expect(bySku.get('ATTA-5')).toBe(27);
    expect(bySku.get('RICE')).toBe(50_000 - 2500 - 1000);

    // Replaying everything (as after restoring an old backup) changes nothing on the hub.
    a.connection.prepare('update sync_state set acked_seq = 0').run();
    await a.syncNow();
    expect((await hubMovements(store.id)).length).toBe(onHub.length);
    expect((await a.findProduct({ code: 'ATTA-5' })).qty).toBe(27);
    expect((await a.verifyAudit()).ok).toBe(true);
  }, 300_000);
});
