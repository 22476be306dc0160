import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';

/** Issue 13 item 4: ids typed upper-case are stored and hashed the same (lower-case); the chain stays whole. */
describe('audit chain over mixed-case ids', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.makeUser('admin');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('POST /devices, POST /stock-movements and PATCH /stores/:ID with upper-case ids keep GET /logs/verify ok', async () => {
    const store = await t.makeStore();
    const product = await t.makeProduct();
    const upper = (id: string) => id.toUpperCase();
    const mixed = (id: string) => id.split('').map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join('');

    const device = await t.call('POST', '/devices', admin.token, { storeId: upper(store.id), name: 'Counter' });
    expect(device.status).toBe(201);
    expect(device.body.device.storeId).toBe(store.id);
    const moved = await t.call('POST', '/stock-movements', admin.token, { storeId: mixed(store.id), productId: upper(product.id), kind: 'IN', qty: 4 });
    expect(moved.status).toBe(201);
    expect(moved.body.movement.storeId).toBe(store.id);
    expect((await t.call('PATCH', `/stores/${upper(store.id)}`, admin.token, { region: 'North' })).status).toBe(200);

    const rows = await t.db.db.selectFrom('audit_log').select(['entity_id', 'store_id', 'after']).execute();
    for (const r of rows) {
      expect(r.entity_id ?? '').toBe((r.entity_id ?? '').toLowerCase());
      expect(JSON.stringify(r.after ?? null)).not.toContain(upper(store.id));
    }
    const verify = await t.call('GET', '/logs/verify', admin.token);
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
  });
});
