import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

/**
 * Issue 16: audit search for "RICE-BAS" or "Basmati" missed the product's movements, which name
 * their product by id only. The search now also finds the entries of the products whose SKU or
 * name contains the words, or whose barcode they are, within what the searcher may see.
 */
let t: TestApp;
let admin: TestUser;
let managerB: TestUser;
let movementId: string;
useTestApp(async (ctx) => {
  ({ t, admin } = ctx);
  const A = await t.makeStore('SRCH-A');
  const B = await t.makeStore('SRCH-B');
  managerB = await t.makeUser('manager', [B.id]);
  const rice = await t.call('POST', '/products', admin.token, { sku: 'RICE-BAS', name: 'Basmati Rice 5 kg', unit: 'pc', priceMinor: 90000, barcode: '8901234567895' });
  expect(rice.status, rice.text).toBe(201);
  await t.call('POST', '/products', admin.token, { sku: 'SUGAR-1', name: 'Sugar', unit: 'g', priceMinor: 5000 });
  const moved = await t.call('POST', '/stock-movements', admin.token, { storeId: A.id, productId: rice.body.id, kind: 'IN', qty: 12 });
  expect(moved.status, moved.text).toBe(201);
  movementId = moved.body.movement.id;
});

const actionsFor = async (q: string, token = admin.token) => {
  const res = await t.call('GET', `/logs?q=${encodeURIComponent(q)}`, token);
  expect(res.status, res.text).toBe(200);
  return res.body.items as { action: string; entityId: string | null }[];
};

describe('audit search by product', () => {
  it('finds the movement of a product by SKU, by a word of its name and by its barcode', async () => {
    for (const q of ['RICE-BAS', 'basmati', '8901234567895']) {
      const items = await actionsFor(q);
      expect(items.find((i) => i.action === 'movement.create')?.entityId, q).toBe(movementId);
      expect(items.some((i) => i.action === 'product.create'), q).toBe(true);
    }
  });

  it('finds nothing of other products, and nothing for words that match no entry', async () => {
    expect((await actionsFor('SUGAR-1')).some((i) => i.action === 'movement.create')).toBe(false);
    expect(await actionsFor('zzqxv')).toEqual([]);
  });

  it('keeps to the searcher’s stores: a manager of another store sees the product but not store A’s movement', async () => {
    const items = await actionsFor('RICE-BAS', managerB.token);
    expect(items.some((i) => i.action === 'product.create')).toBe(true);
    expect(items.some((i) => i.action === 'movement.create')).toBe(false);
  });
});
