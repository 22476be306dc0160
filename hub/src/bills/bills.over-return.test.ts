import { uuidv7, type Bill } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from '../sync/sync.test-kit';
import { billFor, returnOf } from './bills.test-docs';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

async function setup() {
  const store = await t.makeStore(`OR${uuidv7().slice(-8)}`);
  const product = await t.makeProduct({ sku: `OR-${uuidv7()}` });
  const a = await SimDevice.enroll(t, admin.token, store.id, 'till 1');
  const b = await SimDevice.enroll(t, admin.token, store.id, 'till 2');
  return { store, product, a, b };
}

/** Push one movement of `bill` from `device` with the bill beside it. */
async function pushBill(device: SimDevice, productId: string, bill: Bill, qty: number) {
  const m = device.record(qty < 0 ? 'SALE' : 'ADJUST', productId, qty);
  const res = await t.call('POST', '/sync/push', device.token, { movements: [{ ...device.slice(m.seq, m.seq)[0], batchId: bill.id }], bills: [bill] });
  expect(res.status).toBe(200);
}

const overReturns = (storeId: string) => t.db.db.selectFrom('conflicts').selectAll().where('store_id', '=', storeId).where('kind', '=', 'OVER_RETURN').execute();

describe('returns from counters that were offline from each other', () => {
  it('are both kept and the line is flagged when together they exceed what was sold', async () => {
    const { store, product, a, b } = await setup();
    const sale = billFor(store.id, product.id, uuidv7(), 1);
    await pushBill(a, product.id, sale, -3);
    await pushBill(a, product.id, returnOf(sale, 2, 'C2', 2), 2);
    expect(await overReturns(store.id)).toHaveLength(0);
    await pushBill(b, product.id, returnOf(sale, 2, 'C3', 1), 2);
    const flagged = await overReturns(store.id);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.details).toMatchObject({ billNumber: sale.number, lineNo: 1, sold: 3, returned: 4, returns: ['HB-C2-000002', 'HB-C3-000001'] });
    expect(await t.db.db.selectFrom('bills').select('number').where('store_id', '=', store.id).execute()).toHaveLength(3);
  });

  it('are flagged when the sale arrives after them', async () => {
    const { store, product, a, b } = await setup();
    const sale = billFor(store.id, product.id, uuidv7(), 1);
    await pushBill(b, product.id, returnOf(sale, 2, 'C3', 1), 2);
    await pushBill(b, product.id, returnOf(sale, 2, 'C3', 2), 2);
    expect(await overReturns(store.id)).toHaveLength(0);
    await pushBill(a, product.id, sale, -3);
    expect(await overReturns(store.id)).toHaveLength(1);
  });
});
