import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const body = (sku: string, extra: Record<string, unknown> = {}) => ({ sku, name: `Item ${sku}`, unit: 'pc', priceMinor: 2500, ...extra });
const carton = { name: 'carton', qty: 24, barcode: '18901063000241', priceMinor: 55_000 };

describe('product packs', () => {
  it('a product keeps its packs; they are found by barcode, listed, changed and cleared', async () => {
    const made = await t.call('POST', '/products', admin.token, body('PARLE-G', { barcode: '8901063000241', packs: [carton, { name: 'dozen', qty: 12 }] }));
    expect(made.status).toBe(201);
    expect(made.body.packs).toEqual([carton, { name: 'dozen', qty: 12, barcode: null, priceMinor: null }]);
    const found = await t.call('GET', `/products?barcode=${carton.barcode}`, admin.token);
    expect(found.body.items.map((p: { sku: string }) => p.sku)).toEqual(['PARLE-G']);
    const searched = await t.call('GET', `/products?q=${carton.barcode}`, admin.token);
    expect(searched.body.items.map((p: { sku: string }) => p.sku)).toEqual(['PARLE-G']);
    const changed = await t.call('PATCH', `/products/${made.body.id}`, admin.token, { packs: [{ ...carton, priceMinor: null }] });
    expect(changed.status).toBe(200);
    expect(changed.body.packs).toEqual([{ ...carton, priceMinor: null }]);
    const untouched = await t.call('PATCH', `/products/${made.body.id}`, admin.token, { name: 'Parle-G 70 g' });
    expect(untouched.body.packs).toHaveLength(1);
    const cleared = await t.call('PUT', `/products/${made.body.id}`, admin.token, body('PARLE-G'));
    expect(cleared.status).toBe(200);
    expect(cleared.body.packs).toEqual([]);
  });

  it("refuses a pack barcode that is another product's barcode or pack, or the product's own", async () => {
    expect((await t.call('POST', '/products', admin.token, body('A-1', { barcode: '8901000000011', packs: [{ name: 'box', qty: 10, barcode: '8901000000028' }] }))).status).toBe(201);
    const asProduct = await t.call('POST', '/products', admin.token, body('B-1', { packs: [{ name: 'box', qty: 10, barcode: '8901000000011' }] }));
    expect(asProduct.status).toBe(409);
    expect(asProduct.body.error).toMatchObject({ code: 'DUPLICATE_BARCODE' });
    expect(asProduct.body.error.message).toContain('A-1');
    const asPack = await t.call('POST', '/products', admin.token, body('B-2', { barcode: '8901000000028' }));
    expect(asPack.status).toBe(409);
    const ownCode = await t.call('POST', '/products', admin.token, body('B-3', { barcode: '8901000000035', packs: [{ name: 'box', qty: 10, barcode: '8901000000035' }] }));
    expect(ownCode.status).toBe(409);
    const b = await t.call('POST', '/products', admin.token, body('B-4'));
    const patched = await t.call('PATCH', `/products/${b.body.id}`, admin.token, { packs: [{ name: 'box', qty: 6, barcode: '8901000000028' }] });
    expect(patched.status).toBe(409);
    const rows = await t.db.db.selectFrom('products').select('sku').where('sku', 'like', 'B-%').execute();
    expect(rows.map((r) => r.sku)).toEqual(['B-4']);
  });

  it('refuses bad packs with the field named', async () => {
    const cases: [unknown, string][] = [
      [[{ name: 'carton', qty: 1 }], 'packs.0.qty'],
      [[{ name: 'carton', qty: 24 }, { name: 'Carton', qty: 12 }], 'packs.1.name'],
      [[{ name: 'a', qty: 24 }, { name: 'b', qty: 24 }], 'packs.1.qty'],
      [[{ name: 'carton', qty: 24, priceMinor: -1 }], 'packs.0.priceMinor'],
    ];
    for (const [packs, field] of cases) {
      const r = await t.call('POST', '/products', admin.token, body('BAD-1', { packs }));
      expect(r.status, JSON.stringify(packs)).toBe(400);
      expect(JSON.stringify(r.body.error), JSON.stringify(packs)).toContain(field.split('.').slice(1).join('.'));
    }
  });
});
