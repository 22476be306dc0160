import { stockListItemSchema, type StockListItem } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

/**
 * What a product's split across the chain must show, written apart from the route: the stores
 * that hold a row with its quantity, and every active store without one at 0.
 */
async function expectedSplit(productId: string, storeIds: string[] | null): Promise<Record<string, number>> {
  const scope = storeIds === null ? sql`TRUE` : sql`s.id = ANY(${storeIds}::uuid[])`;
  const held = await sql<{ id: string; qty: number }>`SELECT k.store_id AS id, k.qty FROM stock k JOIN stores s ON s.id = k.store_id WHERE k.product_id = ${productId} AND ${scope}`.execute(t.db.db);
  const carried = await sql<{ id: string }>`SELECT s.id FROM stores s WHERE NOT s.archived AND ${scope} AND s.id NOT IN (SELECT store_id FROM stock WHERE product_id = ${productId})`.execute(t.db.db);
  return { ...Object.fromEntries(carried.rows.map((r) => [r.id, 0])), ...Object.fromEntries(held.rows.map((r) => [r.id, r.qty])) };
}

/** Every page of GET /stocks?productId=…&everyStore=true, two stores a page. */
async function splitOf(token: string, productId: string, extra = ''): Promise<StockListItem[]> {
  const out: StockListItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const q = new URLSearchParams({ productId, everyStore: 'true', limit: '2', ...(cursor ? { cursor } : {}) });
    const res = await t.call('GET', `/stocks?${q.toString()}${extra}`, token);
    expect(res.status).toBe(200);
    const body = res.body as { items: unknown[]; nextCursor: string | null };
    out.push(...body.items.map((x) => stockListItemSchema.parse(x)));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return out;
}

describe("a product's stock across the chain (GET /stocks?productId&everyStore=true)", () => {
  it('shows every store that carries it, those without a row at 0 (out); archived stores only with a row; in scope', async () => {
    const [sold, low, never, gone, goneHeld] = await Promise.all(['EV-SOLD', 'EV-LOW', 'EV-NEVER', 'EV-GONE', 'EV-GONE-HELD'].map((c) => t.makeStore(c)));
    const product = await t.makeProduct({ reorderLevel: 5 });
    const move = async (storeId: string, kind: 'IN' | 'SALE', qty: number) => expect((await t.call('POST', '/stock-movements', admin.token, { storeId, productId: product.id, kind, qty })).status).toBe(201);
    await move(sold!.id, 'IN', 4);
    await move(sold!.id, 'SALE', -4);
    await move(low!.id, 'IN', 3);
    await move(goneHeld!.id, 'IN', 9);
    await t.db.db.updateTable('stores').set({ archived: true }).where('id', 'in', [gone!.id, goneHeld!.id]).execute();

    // The plain list shows only the stores that hold a row.
    const plain = await t.call('GET', `/stocks?productId=${product.id}&limit=500`, admin.token);
    expect((plain.body as { items: StockListItem[] }).items.map((r) => r.storeCode).sort()).toEqual(['EV-GONE-HELD', 'EV-LOW', 'EV-SOLD']);

    const all = await splitOf(admin.token, product.id);
    const expected = await expectedSplit(product.id, null);
    expect(Object.fromEntries(all.map((r) => [r.storeId, r.qty]))).toEqual(expected);
    expect(all).toHaveLength(Object.keys(expected).length);
    expect(all.map((r) => r.storeId)).toEqual([...all.map((r) => r.storeId)].sort());
    const byCode = Object.fromEntries(all.map((r) => [r.storeCode, r]));
    expect(byCode['EV-GONE']).toBeUndefined();
    expect(byCode['EV-NEVER']).toMatchObject({ qty: 0, status: 'out', reorderLevel: 5, productId: product.id, storeName: 'Store EV-NEVER', lastCountQty: null });
    expect([byCode['EV-SOLD']?.status, byCode['EV-LOW']?.status, byCode['EV-GONE-HELD']?.qty]).toEqual(['out', 'low', 9]);

    // Out means both: the store that sold its last and the one that never had it.
    const out = await splitOf(admin.token, product.id, '&status=out');
    expect(out.map((r) => r.storeId).sort()).toEqual(Object.entries(expected).filter(([, q]) => q <= 0).map(([id]) => id).sort());
    expect(out.map((r) => r.storeCode)).toEqual(expect.arrayContaining(['EV-SOLD', 'EV-NEVER']));

    // A manager of two stores sees exactly those two.
    const manager = await t.makeUser('manager', [never!.id, low!.id]);
    const mine = await splitOf(manager.token, product.id);
    expect(Object.fromEntries(mine.map((r) => [r.storeId, r.qty]))).toEqual(await expectedSplit(product.id, [never!.id, low!.id]));
    expect(mine.map((r) => r.storeCode).sort()).toEqual(['EV-LOW', 'EV-NEVER']);

    expect((await t.call('GET', '/stocks?everyStore=true', admin.token)).status).toBe(400);
  });
});
