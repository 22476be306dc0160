import { uuidv7, type Bill } from '@bazaar/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { billFor, returnOf } from '../bills/bills.test-docs';
import { SimDevice } from '../sync/sync.test-kit';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { recentDays, rollupSales } from './sales-rollup';

/**
 * Issue 17: a return or a void is an ADJUST whose batch id is a bill's id; the hub's sales
 * figures count sales net of them (and only of them: a stock correction is not a return).
 */
let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

let store: { id: string; code: string };
let other: { id: string; code: string };
let product: { id: string; sku: string };
let till: SimDevice;

/** Push one priced movement of `bill` (or of no bill) from the till, the bill beside it. */
async function push(kind: 'SALE' | 'ADJUST', qty: number, bill: Bill | null, batchId: string | null = bill?.id ?? null) {
  const m = till.record(kind, product.id, qty);
  const res = await t.call('POST', '/sync/push', till.token, {
    movements: [{ ...till.slice(m.seq, m.seq)[0], batchId, unitPriceMinor: 1000, unitCostMinor: 700 }],
    ...(bill ? { bills: [bill] } : {}),
  });
  expect(res.status).toBe(200);
  expect(res.body.rejected ?? []).toEqual([]);
}

beforeAll(async () => {
  store = await t.makeStore('NET1');
  other = await t.makeStore('NET2');
  product = await t.makeProduct({ sku: 'NET-SOAP' });
  till = await SimDevice.enroll(t, admin.token, store.id, 'till 1');
  // Sale of 3, return of 2 of them: 1 sold.
  const sale = billFor(store.id, product.id, uuidv7(), 1);
  await push('SALE', -3, sale);
  await push('ADJUST', 2, returnOf(sale, 2, 'C2', 2));
  // Sale of 3, voided: its movement reversed by an ADJUST on the same bill id.
  const voided = billFor(store.id, product.id, uuidv7(), 3);
  await push('SALE', -3, voided);
  await push('ADJUST', 3, { ...voided, status: 'voided', void: { at: new Date().toISOString(), by: { id: null, name: 'Manager' }, reason: 'wrong customer' } });
  // A stock correction at a price, and one naming a batch that is no bill: neither is a return.
  await push('ADJUST', 10, null);
  await push('ADJUST', 4, null, uuidv7());
  // Another store's plain sale of 2.
  await t.call('POST', '/stock-movements', admin.token, { storeId: other.id, productId: product.id, kind: 'SALE', qty: -2 });
});

describe('sales net of returns and voids', () => {
  it('/reports/sales by store, product and day count the sale minus what came back', async () => {
    const byStore = await t.call('GET', '/reports/sales?groupBy=store', admin.token);
    expect(byStore.status).toBe(200);
    const row = (code: string) => byStore.body.items.find((r: { storeCode: string }) => r.storeCode === code);
    expect(row('NET1')).toMatchObject({ lines: 2, qty: 1, revenueMinor: 1000, costMinor: 700, marginMinor: 300, returnedQty: 5, returnsMinor: 5000 });
    expect(row('NET2')).toMatchObject({ lines: 1, qty: 2, revenueMinor: 2000, returnedQty: 0, returnsMinor: 0 });

    const byProduct = await t.call('GET', `/reports/sales?groupBy=product&storeId=${store.id}`, admin.token);
    expect(byProduct.body.items).toEqual([expect.objectContaining({ sku: 'NET-SOAP', qty: 1, revenueMinor: 1000, returnsMinor: 5000 })]);
    const byDay = await t.call('GET', `/reports/sales?groupBy=day&storeId=${store.id}`, admin.token);
    expect(byDay.body.items.reduce((a: number, r: { revenueMinor: number }) => a + r.revenueMinor, 0)).toBe(1000);
  });

  it('store rankings rank by net sales, and a return is not shrinkage', async () => {
    const res = await t.call('GET', '/reports/store-rankings?sort=sales', admin.token);
    expect(res.status).toBe(200);
    const codes = res.body.items.map((r: { storeCode: string }) => r.storeCode);
    expect(codes.indexOf('NET2')).toBeLessThan(codes.indexOf('NET1'));
    const mine = res.body.items.find((r: { storeCode: string }) => r.storeCode === 'NET1');
    expect(mine).toMatchObject({ salesMinor: 1000, marginMinor: 300, shrinkageMinor: 0 });
  });

  it('the daily rollups hold the same net figures', async () => {
    await rollupSales(t.deps.db, recentDays(new Date()));
    const perStore = await t.deps.db.selectFrom('sales_daily_stores').selectAll().where('store_id', '=', store.id).execute();
    const sum = (k: 'qty_sold' | 'revenue_minor' | 'cost_minor' | 'returned_qty' | 'returns_minor' | 'sales') => perStore.reduce((a, r) => a + Number(r[k]), 0);
    expect([sum('qty_sold'), sum('revenue_minor'), sum('cost_minor'), sum('returned_qty'), sum('returns_minor'), sum('sales')]).toEqual([1, 1000, 700, 5, 5000, 2]);
    const perProduct = await t.deps.db.selectFrom('sales_daily').selectAll().where('store_id', '=', store.id).execute();
    expect(perProduct.reduce((a, r) => a + Number(r.revenue_minor), 0)).toBe(1000);
  });
});
