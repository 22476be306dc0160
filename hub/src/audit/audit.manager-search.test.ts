import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
let manager: TestUser;
let mine: { id: string };
let other: { id: string };
useTestApp(async (ctx) => {
  ({ t, admin } = ctx);
  mine = await t.makeStore('AMS-1');
  other = await t.makeStore('AMS-2');
  manager = await t.makeUser('manager', [mine.id]);
  const rice = (await t.call('POST', '/products', admin.token, { sku: 'RICE-BAS', name: 'Basmati rice', unit: 'g', priceMinor: 12000, costMinor: 9000, reorderLevel: 100 })).body;
  await t.call('POST', '/stock-movements', admin.token, { storeId: mine.id, productId: rice.id, kind: 'IN', qty: 500 });
  await t.call('POST', '/stock-movements', admin.token, { storeId: other.id, productId: rice.id, kind: 'IN', qty: 700 });
  await t.call('PATCH', `/stores/${other.id}`, admin.token, { name: 'Basmati House' });
});

describe('a manager’s audit search', () => {
  it('finds the catalog’s entries and their own stores’, never another store’s', async () => {
    const res = await t.call('GET', '/logs?q=basmati', manager.token);
    expect(res.status).toBe(200);
    const rows = res.body.items as { action: string; storeId: string | null }[];
    expect(rows.map((r) => r.action)).toContain('product.create');
    expect(rows.every((r) => r.storeId === null || r.storeId === mine.id)).toBe(true);
    const all = await t.call('GET', '/logs?limit=200', manager.token);
    const stores = new Set((all.body.items as { storeId: string | null }[]).map((r) => r.storeId));
    expect(stores.has(other.id)).toBe(false);
    expect(stores.has(mine.id)).toBe(true);
  });

  it('finds their own stores’ movements of a product by a word of its SKU ("RICE"), not another store’s', async () => {
    const res = await t.call('GET', '/logs?q=RICE', manager.token);
    expect(res.status).toBe(200);
    const rows = res.body.items as { action: string; storeId: string | null }[];
    expect(rows.filter((r) => r.action === 'movement.create').map((r) => r.storeId)).toEqual([mine.id]);
    const everyone = await t.call('GET', '/logs?q=RICE', admin.token);
    const stores = (everyone.body.items as { action: string; storeId: string | null }[]).filter((r) => r.action === 'movement.create').map((r) => r.storeId);
    expect(stores.sort()).toEqual([mine.id, other.id].sort());
  });

  it('leaves chain verification to admins', async () => {
    expect((await t.call('GET', '/logs/verify', manager.token)).status).toBe(403);
  });
});
