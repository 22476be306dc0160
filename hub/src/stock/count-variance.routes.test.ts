import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';

/*
 * Issue 16: which counts head office must look at depends on how the product is sold. Pieces keep
 * the store's piece threshold; loose goods are judged by a share of their stock, so 300 g off on
 * 37 kg of atta is no conflict while 2 kg off on 5 kg is.
 */
let t: TestApp;
let admin: TestUser;
let staff: TestUser;
let store: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  store = await t.makeStore('CV1');
  admin = await t.makeUser('admin', []);
  staff = await t.makeUser('staff', [store.id]);
});
afterAll(async () => {
  await t?.close();
});

const move = (productId: string, kind: 'IN' | 'COUNT', qty: number) => t.call('POST', '/stock-movements', staff.token, { storeId: store.id, productId, kind, qty, ...(kind === 'IN' ? { unitCostMinor: 100 } : {}) });
const varianceConflicts = async (productId: string) =>
  t.db.db.selectFrom('conflicts').select('details').where('store_id', '=', store.id).where('product_id', '=', productId).where('kind', '=', 'COUNT_VARIANCE').execute();

describe('count variance per unit kind', () => {
  it('a store answers its rule, 10 pieces and 2 % by default, and an admin changes it within bounds', async () => {
    const got = await t.call('GET', `/stores/${store.id}`, admin.token);
    expect(got.body).toMatchObject({ varianceThreshold: 10, varianceLoosePercent: 2 });
    expect((await t.call('PATCH', `/stores/${store.id}`, admin.token, { varianceLoosePercent: 101 })).status).toBe(400);
    expect((await t.call('PATCH', `/stores/${store.id}`, admin.token, { varianceLoosePercent: -1 })).status).toBe(400);
    expect((await t.call('PATCH', `/stores/${store.id}`, staff.token, { varianceLoosePercent: 5 })).status).toBe(403);
    const changed = await t.call('PATCH', `/stores/${store.id}`, admin.token, { varianceLoosePercent: 2.5 });
    expect(changed.status).toBe(200);
    expect(changed.body.varianceLoosePercent).toBe(2.5);
    await t.call('PATCH', `/stores/${store.id}`, admin.token, { varianceLoosePercent: 2 });
  });

  it('loose goods: a small share of a big sack passes, a big share is flagged with the limit it crossed', async () => {
    const atta = await t.makeProduct({ sku: 'ATTA-LOOSE', unit: 'g' });
    await move(atta.id, 'IN', 37_000);
    expect((await move(atta.id, 'COUNT', 36_700)).status).toBe(201);
    expect(await varianceConflicts(atta.id)).toHaveLength(0);

    const sugar = await t.makeProduct({ sku: 'SUGAR-LOOSE', unit: 'g' });
    await move(sugar.id, 'IN', 5_000);
    await move(sugar.id, 'COUNT', 3_000);
    const flagged = await varianceConflicts(sugar.id);
    expect(flagged).toHaveLength(1);
    // 2 % of the larger of 5 kg expected and 3 kg counted.
    expect(flagged[0]!.details).toMatchObject({ counted: 3_000, variance: -2_000, threshold: 100 });
  });

  it('pieces: off by more than the store’s pieces is flagged, within it is not', async () => {
    const soap = await t.makeProduct({ sku: 'SOAP-PC', unit: 'pc' });
    await move(soap.id, 'IN', 100);
    await move(soap.id, 'COUNT', 90);
    expect(await varianceConflicts(soap.id)).toHaveLength(0);
    await move(soap.id, 'COUNT', 79);
    expect((await varianceConflicts(soap.id)).map((c) => c.details)).toEqual([{ counted: 79, variance: -11, threshold: 10 }]);
  });
});
