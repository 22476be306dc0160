import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc, uuidv7, type Product, type PullResponse, type StaffMember, type StockRow } from '@bazaar/shared';
import { DeviceClock } from '../clock/device-clock';
import type { CoreContext } from '../core.context';
import { openStoreDb } from '../db/open-db';
import { writeTx } from '../db/write-tx';
import { requireSettings } from '../settings/settings.repository';
import { StoreCore } from '../store-core';
import { hashPin } from '../users/pin-hash';
import { applyPullPage } from './sync.pull';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = new Date().toISOString();
const storeId = uuidv7();

function hubProduct(p: Partial<Product> & { sku: string; name: string }): Product {
  return { id: uuidv7(), barcode: null, unit: 'pc', category: null, supplierId: null, priceMinor: 1000, costMinor: 0, reorderLevel: 0, packs: [], archived: false, createdAt: at, updatedAt: at, ...p };
}

function stockRow(productId: string, qty: number): StockRow {
  return { storeId, productId, qty, reorderLevel: 0, status: 'ok', lastCountHlc: null, lastCountQty: null, lastCountVariance: null, updatedAt: at };
}

function page(cursor: string, parts: Partial<Pick<PullResponse, 'products' | 'staff' | 'stock'>>): PullResponse {
  const now = Date.now();
  return {
    serverTime: now,
    hubHlc: formatHlc({ wall: now, counter: 0, node: 'hub' }),
    cursor,
    hasMore: false,
    includesSeq: 0,
    store: { id: storeId, code: 'HUB-1', name: 'Hub store', region: null, location: null, varianceThreshold: 10, varianceLoosePercent: 2, timeZone: 'Asia/Kolkata', defaultLocale: null, archived: false, createdAt: at, updatedAt: at },
    products: [],
    suppliers: [],
    staff: [],
    stock: [],
    remaps: [],
    ...parts,
  };
}

describe('applying a pull page', () => {
  it('handles the rows that clash (offline SKU merge, swapped hub SKU, stolen barcode, staff name) among plain rows, in page order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bazaar-pull-'));
    dirs.push(dir);
    const path = join(dir, 'store.db');
    const core = await StoreCore.open(path);
    await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
    await core.createUser({ username: 'ravi', name: 'Ravi (local)', role: 'manager', pin: '1357' });
    await core.signIn({ username: 'ravi', pin: '1357' });
    const localOil = await core.addProduct({ sku: 'OIL-1L', name: 'Oil typed offline', unit: 'ml', priceMinor: 15000, barcode: '8900000000001' });
    await core.stockIn({ product: 'OIL-1L', qty: 5 });
    const pickle = await core.addProduct({ sku: 'PICKLE', name: 'Local pickle', unit: 'pc', priceMinor: 5000, barcode: '8900000000002' });
    const localRavi = (await core.listUsers()).find((u) => u.username === 'ravi')!;
    await core.close();

    const { db, raw } = await openStoreDb(path);
    try {
      const settings = await requireSettings(db);
      const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0), settings, session: null };
      const apply = (p: PullResponse) => writeTx(db, (trx) => applyPullPage(ctx, trx, p, 0));

      const swapped = hubProduct({ sku: 'SWAP-A', name: 'Held SWAP-A first', barcode: '8900000000009' });
      const rice = hubProduct({ sku: 'RICE', name: 'Rice' });
      await apply(page('c1', { products: [swapped, rice] }));

      const plain = [1, 2, 3].map((i) => hubProduct({ sku: `PLAIN-${i}`, name: `Plain ${i}`, barcode: `890000000010${i}` }));
      const oil = hubProduct({ sku: 'OIL-1L', name: 'Oil 1L', unit: 'ml' });
      const swapA = hubProduct({ sku: 'SWAP-A', name: 'Now SWAP-A' });
      const stealer = hubProduct({ sku: 'BRAND-PICKLE', name: 'Branded pickle', barcode: '8900000000002' });
      const hubRavi: StaffMember = { id: uuidv7(), username: 'ravi', name: 'Ravi', role: 'staff', pinHash: await hashPin('2468'), active: true };
      const second = page('c2', {
        products: [plain[0]!, oil, plain[1]!, swapA, { ...rice, name: 'Rice 1kg' }, stealer, plain[2]!],
        staff: [hubRavi],
        stock: [stockRow(oil.id, 100), stockRow(plain[0]!.id, 7)],
      });
      await apply(second);

      const check = () => {
        const products = raw.prepare('SELECT id, sku, barcode, name, origin FROM products ORDER BY sku').all() as { id: string; sku: string; barcode: string | null; name: string; origin: string }[];
        const bySku = new Map(products.map((p) => [p.sku, p]));
        // The offline oil became the hub's: its stock-in now counts on the hub's id, over the hub's baseline.
        expect(products.some((p) => p.id === localOil.id)).toBe(false);
        expect(bySku.get('OIL-1L')).toMatchObject({ id: oil.id, name: 'Oil 1L', origin: 'hub', barcode: null });
        expect(raw.prepare('SELECT product_id FROM movements').all()).toEqual([{ product_id: oil.id }]);
        expect(raw.prepare('SELECT to_product_id FROM product_remaps WHERE from_product_id = ?').get(localOil.id)).toEqual({ to_product_id: oil.id });
        expect(raw.prepare('SELECT qty FROM stock WHERE product_id = ?').get(oil.id)).toEqual({ qty: 105 });
        // The store's clock comes with the page: receipts, held carts and shifts use it.
        expect(raw.prepare('SELECT time_zone FROM bill_settings WHERE id = 1').get()).toEqual({ time_zone: 'Asia/Kolkata' });
        // The hub gave SWAP-A to another product: the old holder is parked until its own row comes.
        expect(bySku.get('SWAP-A')?.id).toBe(swapA.id);
        expect(bySku.get(`SWAP-A~${swapped.id.slice(-8)}`)?.id).toBe(swapped.id);
        // The barcode moved to the hub's product; the local pickle keeps its row without it.
        expect(bySku.get('BRAND-PICKLE')?.barcode).toBe('8900000000002');
        expect(bySku.get('PICKLE')).toMatchObject({ id: pickle.id, barcode: null, origin: 'local' });
        expect(bySku.get('RICE')?.name).toBe('Rice 1kg');
        for (const p of plain) expect(bySku.get(p.sku)).toMatchObject({ id: p.id, barcode: p.barcode, origin: 'hub' });
        expect(raw.prepare('SELECT qty FROM stock WHERE product_id = ?').get(plain[0]!.id)).toEqual({ qty: 7 });
        expect(products).toHaveLength(9);
        // The hub's ravi takes the name; the local one is kept, renamed and disabled.
        const users = raw.prepare('SELECT id, username, active FROM users ORDER BY username').all();
        expect(users).toEqual([
          { id: hubRavi.id, username: 'ravi', active: 1 },
          { id: localRavi.id, username: `ravi.local-${localRavi.id.slice(-6)}`, active: 0 },
        ]);
        expect(raw.prepare('SELECT cursor FROM sync_state').get()).toEqual({ cursor: 'c2' });
      };
      check();
      // A page applied again (its commit lost, the hub asked again) changes nothing.
      await apply(second);
      check();
    } finally {
      await db.destroy();
    }
  });

  it("brings a product's packs; a scan of a pack barcode finds it, and a later page that changes the packs moves the barcode", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bazaar-pull-'));
    dirs.push(dir);
    const path = join(dir, 'store.db');
    const core = await StoreCore.open(path);
    await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
    await core.close();
    const { db, raw } = await openStoreDb(path);
    const biscuit = hubProduct({ sku: 'PARLE-G', name: 'Parle-G', packs: [{ name: 'carton', qty: 24, barcode: '18901063000241', priceMinor: 55_000 }] });
    try {
      const settings = await requireSettings(db);
      const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0), settings, session: null };
      await writeTx(db, (trx) => applyPullPage(ctx, trx, page('p1', { products: [biscuit] }), 0));
      await writeTx(db, (trx) => applyPullPage(ctx, trx, page('p2', { products: [{ ...biscuit, packs: [{ name: 'carton', qty: 24, barcode: '18901063000999', priceMinor: null }] }] }), 0));
    } finally {
      await db.destroy();
    }
    const again = await StoreCore.open(path);
    try {
      expect(await again.scanCode({ code: '18901063000999' })).toMatchObject({ product: { sku: 'PARLE-G' }, qty: 24, pack: { name: 'carton', priceMinor: null } });
      await expect(again.scanCode({ code: '18901063000241' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await again.close();
    }
  });
});
