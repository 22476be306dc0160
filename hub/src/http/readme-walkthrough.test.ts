import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-db';

/**
 * The README's curl walkthrough ("Using it → The hub"), call for call with the same bodies, on
 * an empty hub: what the README shows as answers is what the hub answers.
 */
describe("the README's hub walkthrough", () => {
  let t: TestApp;
  let token = '';
  let storeId = '';
  let productId = '';
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field below

  it('the first account registered becomes the admin and gets a token', async () => {
    const r = await t.call('POST', '/auth/register', null, { username: 'owner', name: 'Shop Owner', password: 'choose-a-long-password' });
    const body = r.body as Body;
    expect(r.status).toBe(201);
    expect(body.token).toMatch(/^bzu_/);
    expect(body.user).toMatchObject({ username: 'owner', role: 'admin' });
    token = body.token;
  });

  it('a store, a supplier and a loose product priced per kg with quantities in grams', async () => {
    const store = await t.call('POST', '/stores', token, { code: 'BLR-01', name: 'Jayanagar Kirana', region: 'Bengaluru' });
    expect(store.status).toBe(201);
    storeId = (store.body as Body).id ?? (store.body as Body).store?.id;
    expect(await t.call('POST', '/suppliers', token, { name: 'Agro Traders' })).toMatchObject({ status: 201 });
    const product = await t.call('POST', '/products', token, { sku: 'RICE-SONA', name: 'Sona Masoori rice', unit: 'g', priceMinor: 6500, costMinor: 5200, reorderLevel: 5000 });
    expect(product.status).toBe(201);
    productId = (product.body as Body).id ?? (product.body as Body).product?.id;
    expect(storeId).toBeTruthy();
    expect(productId).toBeTruthy();
  });

  it('a stock-in of 25 kg, then a sale of 1.5 kg: 23.5 kg left', async () => {
    const stockIn = await t.call('POST', '/stock-movements', token, { storeId, productId, kind: 'IN', qty: 25000 });
    expect(stockIn.status).toBe(201);
    expect(stockIn.body).toMatchObject({ movement: { kind: 'IN', qty: 25000, status: 'applied' }, stock: { qty: 25000, status: 'ok' } });
    const sale = await t.call('POST', '/stock-movements', token, { storeId, productId, kind: 'SALE', qty: -1500, unitPriceMinor: 6500 });
    expect(sale.status).toBe(201);
    expect(sale.body).toMatchObject({ movement: { kind: 'SALE', qty: -1500 }, stock: { qty: 23500 } });
  });

  it('bad input names the field and writes nothing', async () => {
    const bad = await t.call('POST', '/stock-movements', token, { storeId, productId, kind: 'SALE', qty: 1500 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((bad.body as Body).error)).toContain('qty: SALE quantity must be negative (a signed delta)');
    const list = await t.call('GET', `/stock-movements?storeId=${storeId}`, token);
    expect((list.body as Body).items).toHaveLength(2);
  });

  it('stock, movements newest first, per-store counts, the audit rows and their verification', async () => {
    const stocks = await t.call('GET', `/stocks?storeId=${storeId}`, token);
    expect(stocks.body).toMatchObject({ items: [{ sku: 'RICE-SONA', qty: 23500, status: 'ok' }], nextCursor: null });
    const moves = await t.call('GET', `/stock-movements?storeId=${storeId}`, token);
    expect(((moves.body as Body).items as Body[]).map((m) => m.kind)).toEqual(['SALE', 'IN']);
    const counts = await t.call('GET', '/stocks/counts', token);
    expect(counts.status).toBe(200);
    expect(JSON.stringify(counts.body)).toContain('BLR-01');
    const logs = await t.call('GET', '/logs?q=RICE-SONA', token);
    expect(((logs.body as Body).items as unknown[]).length).toBeGreaterThan(0);
    const verify = await t.call('GET', '/logs/verify', token);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('the whole API is described at /api/v1/openapi.json', async () => {
    const doc = await t.call('GET', '/openapi.json', null);
    expect(doc.status).toBe(200);
    expect(doc.body).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) });
  });
});
