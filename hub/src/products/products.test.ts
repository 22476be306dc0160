import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const body = (sku: string, extra: Record<string, unknown> = {}) => ({ sku, name: `Item ${sku}`, unit: 'pc', priceMinor: 2500, ...extra });

describe('products', () => {
  it('two concurrent creations with one SKU give one 201 and one 409', async () => {
    const [a, b] = await Promise.all([t.call('POST', '/products', admin.token, body('SOAP-1')), t.call('POST', '/products', admin.token, body('SOAP-1'))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'DUPLICATE_SKU' });
    expect(loser.body.error.message).toContain('sku');
    const rows = await t.db.db.selectFrom('products').select('id').where('sku', '=', 'SOAP-1').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a duplicate barcode and an unknown supplier', async () => {
    expect((await t.call('POST', '/products', admin.token, body('TEA-1', { barcode: '8901234567890' }))).status).toBe(201);
    const dup = await t.call('POST', '/products', admin.token, body('TEA-2', { barcode: '8901234567890' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_BARCODE');
    const sup = await t.call('POST', '/products', admin.token, body('TEA-3', { supplierId: '0190f0f0-0000-7000-8000-000000000000' }));
    expect(sup.status).toBe(422);
    expect(sup.body.error.message).toContain('supplierId');
  });

  it('filters and pages the catalog', async () => {
    const supplier = await t.call('POST', '/suppliers', admin.token, { name: 'Agro Traders', phone: '+91 98765 43210' });
    expect(supplier.status).toBe(201);
    for (let i = 0; i < 12; i++) {
      const r = await t.call('POST', '/products', admin.token, body(`RICE-${i}`, { category: 'grains', supplierId: supplier.body.id, unit: 'g', priceMinor: 6000 + i }));
      expect(r.status).toBe(201);
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `/products?category=grains&limit=5${cursor ? `&cursor=${cursor}` : ''}`, admin.token);
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(12);
    const bySupplier = await t.call('GET', `/products?supplierId=${supplier.body.id}&q=rice-1`, admin.token);
    expect(bySupplier.body.items.map((p: { sku: string }) => p.sku).sort()).toEqual(['RICE-1', 'RICE-10', 'RICE-11']);
    const bySku = await t.call('GET', '/products?sku=RICE-3', admin.token);
    expect(bySku.body.items).toHaveLength(1);
  });

  it('deleting a product with history archives it; without history removes it', async () => {
    const store = await t.makeStore('DEL1');
    const used = await t.call('POST', '/products', admin.token, body('USED-1'));
    const mv = await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: used.body.id, kind: 'IN', qty: 5 });
    expect(mv.status).toBe(201);
    const del = await t.call('DELETE', `/products/${used.body.id}`, admin.token);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id: used.body.id, archived: true });
    expect((await t.call('GET', `/products/${used.body.id}`, admin.token)).body.archived).toBe(true);

    const unused = await t.call('POST', '/products', admin.token, body('UNUSED-1'));
    expect((await t.call('DELETE', `/products/${unused.body.id}`, admin.token)).status).toBe(204);
    expect((await t.call('GET', `/products/${unused.body.id}`, admin.token)).status).toBe(404);
  });

  it('PUT replaces, PATCH changes only what is sent, and reorder level reaches stock rows', async () => {
    const store = await t.makeStore('PUT1');
    const p = await t.call('POST', '/products', admin.token, body('PUT-1', { category: 'x', reorderLevel: 3 }));
    await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: p.body.id, kind: 'IN', qty: 5 });
    const patched = await t.call('PATCH', `/products/${p.body.id}`, admin.token, { reorderLevel: 8 });
    expect(patched.body).toMatchObject({ reorderLevel: 8, category: 'x' });
    const stock = await t.call('GET', `/stocks?productId=${p.body.id}`, admin.token);
    expect(stock.body.items[0]).toMatchObject({ reorderLevel: 8, status: 'low' });
    const put = await t.call('PUT', `/products/${p.body.id}`, admin.token, { sku: 'PUT-1', name: 'Replaced', unit: 'pc', priceMinor: 100 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Replaced', category: null, reorderLevel: 0 });
    const unit = await t.call('PATCH', `/products/${p.body.id}`, admin.token, { unit: 'g' });
    expect(unit.status).toBe(422);
  });

  it('stores: unique code, archive on delete when used', async () => {
    const a = await t.call('POST', '/stores', admin.token, { code: 'BLR-01', name: 'Bengaluru 1', region: 'South' });
    expect(a.status).toBe(201);
    const dup = await t.call('POST', '/stores', admin.token, { code: 'blr-01', name: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_CODE');
    const list = await t.call('GET', '/stores?region=South', admin.token);
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual(['BLR-01']);
  });
});
