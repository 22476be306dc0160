import type { StockValueRow } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../platform/platform.test-kit';
import { usePlatformTestApp, type PlatformTestApp } from '../test/platform-app';

/** A write that moves stock rebuilds the moving-average cost of what it touched, in the background. */
let t: PlatformTestApp;
usePlatformTestApp((made) => (t = made));

async function costOf(storeId: string, productId: string): Promise<number | null> {
  const r = await t.deps.db.selectFrom('product_costs').select('cost_minor').where('store_id', '=', storeId).where('product_id', '=', productId).executeTakeFirst();
  return r ? Number(r.cost_minor) : null;
}

describe('moving-average cost after a write', () => {
  it('weighs each receipt against the stock before it, and stock value reads it', async () => {
    const admin = await t.makeUser('admin');
    const store = await t.makeStore();
    const tea = await t.makeProduct(); // catalog cost ₹7.00
    const post = async (body: Record<string, unknown>) => expect((await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: tea.id, ...body })).status).toBe(201);
    await post({ kind: 'COUNT', qty: 10 });
    await post({ kind: 'IN', qty: 10, unitCostMinor: 900 });
    // 10 at ₹7.00 and 10 at ₹9.00.
    await waitFor('the first average', async () => (await costOf(store.id, tea.id)) === 800);
    await post({ kind: 'SALE', qty: -4, unitPriceMinor: 1000 });
    await post({ kind: 'IN', qty: 24, unitCostMinor: 500 });
    // 16 at ₹8.00 and 24 at ₹5.00: ₹6.20.
    await waitFor('the second average', async () => (await costOf(store.id, tea.id)) === 620);
    const value = await t.call('GET', `/reports/stock-value?storeId=${store.id}`, admin.token);
    expect(value.body.items as StockValueRow[]).toEqual([expect.objectContaining({ storeId: store.id, products: 1, costMinor: 40 * 620, retailMinor: 40 * 1000 })]);
  });
});
