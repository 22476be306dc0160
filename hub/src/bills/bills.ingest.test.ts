import { uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from '../sync/sync.test-kit';
import { billFor } from './bills.test-docs';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const billsOf = (storeId: string) => t.db.db.selectFrom('bills').selectAll().where('store_id', '=', storeId).execute();

describe('bills on the push', () => {
  it('are stored once with their movements; a replay changes nothing; the void copy marks them voided, an older copy never undoes it', async () => {
    const store = await t.makeStore(`HB${uuidv7().slice(-8)}`);
    const product = await t.makeProduct({ sku: `HB-${uuidv7()}` });
    const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
    device.record('SALE', product.id, -3);
    const billId = uuidv7();
    const movements = device.slice(1, 1).map((m) => ({ ...m, batchId: billId }));
    const bill = billFor(store.id, product.id, billId, 1);

    const first = await t.call('POST', '/sync/push', device.token, { movements, bills: [bill] });
    expect(first.status).toBe(200);
    const again = await t.call('POST', '/sync/push', device.token, { movements, bills: [bill] });
    expect(again.status).toBe(200);
    let rows = await billsOf(store.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: billId, number: 'HB-C2-000001', status: 'completed', device_id: device.id });
    expect(Number(rows[0]?.total_minor)).toBe(3000);

    const voided = { ...bill, status: 'voided' as const, void: { at: new Date().toISOString(), by: { id: null, name: 'meena' }, reason: 'rang twice' } };
    device.record('ADJUST', product.id, 3);
    const undo = device.slice(2, 2).map((m) => ({ ...m, batchId: billId }));
    expect((await t.call('POST', '/sync/push', device.token, { movements: undo, bills: [voided] })).status).toBe(200);
    // A late replay of the first push carries the completed copy: the void stands.
    expect((await t.call('POST', '/sync/push', device.token, { movements, bills: [bill] })).status).toBe(200);
    rows = await billsOf(store.id);
    expect(rows.map((r) => r.status)).toEqual(['voided']);
  });

  it('go to the pushing device’s store whatever store id the document names', async () => {
    const store = await t.makeStore(`HC${uuidv7().slice(-8)}`);
    const product = await t.makeProduct({ sku: `HC-${uuidv7()}` });
    const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
    device.record('SALE', product.id, -1);
    const billId = uuidv7();
    const res = await t.call('POST', '/sync/push', device.token, { movements: device.slice(1, 1).map((m) => ({ ...m, batchId: billId })), bills: [billFor(uuidv7(), product.id, billId, 7)] });
    expect(res.status).toBe(200);
    expect((await billsOf(store.id)).map((r) => r.number)).toEqual(['HB-C2-000007']);
  });
});
