import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/use-test-app';
import type { TestApp, TestUser } from '../test/test-db';

/**
 * A PATCH changes what it names and nothing else. (zod applies defaults inside `.partial()`:
 * a product renamed by PATCH lost its cost and reorder level, a store its count threshold.)
 */
describe('PATCH leaves the fields it does not name as they were', () => {
  let t: TestApp;
  let admin: TestUser;
  useTestApp((ctx) => ({ t, admin } = ctx));
  type Body = Record<string, unknown>;

  it('a product renamed keeps its price, cost, reorder level and barcode', async () => {
    const created = await t.call('POST', '/products', admin.token, { sku: 'RICE-PATCH', name: 'Rice', unit: 'g', priceMinor: 6500, costMinor: 5200, reorderLevel: 5000, barcode: '8901234567890', category: 'Staples' });
    expect(created.status).toBe(201);
    const before = created.body as Body;
    const renamed = await t.call('PATCH', `/products/${String(before.id)}`, admin.token, { name: 'Sona Masoori rice' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...before, name: 'Sona Masoori rice', updatedAt: expect.any(String) });
  });

  it('a store renamed keeps its count threshold, region and time zone', async () => {
    const created = await t.call('POST', '/stores', admin.token, { code: 'LHR-PATCH', name: 'Lahore', region: 'Punjab', varianceThreshold: 500, timeZone: 'Asia/Karachi' });
    expect(created.status).toBe(201);
    const before = created.body as Body;
    expect(before).toMatchObject({ varianceThreshold: 500, timeZone: 'Asia/Karachi' });
    const renamed = await t.call('PATCH', `/stores/${String(before.id)}`, admin.token, { name: 'Lahore General Store' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...before, name: 'Lahore General Store', updatedAt: expect.any(String) });
  });

  it('a supplier renamed keeps its phone and address', async () => {
    const created = await t.call('POST', '/suppliers', admin.token, { name: 'Agro', phone: '+92 300 1234567', address: 'Akbari Mandi' });
    const before = created.body as Body;
    const renamed = await t.call('PATCH', `/suppliers/${String(before.id)}`, admin.token, { name: 'Agro Traders' });
    expect(renamed.body).toEqual({ ...before, name: 'Agro Traders', updatedAt: expect.any(String) });
  });
});

describe("a store's time zone", () => {
  let t: TestApp;
  let admin: TestUser;
  useTestApp((ctx) => ({ t, admin } = ctx));

  it('defaults to India’s, can be set and changed, and an unknown zone is refused naming the field', async () => {
    const plain = await t.call('POST', '/stores', admin.token, { code: 'DEL-TZ1', name: 'Delhi' });
    expect(plain.body).toMatchObject({ timeZone: 'Asia/Kolkata' });
    const moved = await t.call('PATCH', `/stores/${String((plain.body as { id: string }).id)}`, admin.token, { timeZone: 'Asia/Karachi' });
    expect(moved.body).toMatchObject({ timeZone: 'Asia/Karachi' });
    const bad = await t.call('POST', '/stores', admin.token, { code: 'BAD-TZ1', name: 'Nowhere', timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('timeZone');
  });
});
