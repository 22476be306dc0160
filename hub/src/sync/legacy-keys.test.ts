// rename-minor: keep (a counter of before protocol 3 speaks the old money keys on purpose)
import { SYNC_PROTOCOL_HEADER, uuidv7, withLegacyKeys } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { billFor } from '../bills/bills.test-docs';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice, type SimMovement } from './sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

/**
 * Money renamed to minor units (issue 15) without stranding the counters in the field: a counter
 * that speaks protocol 2 pushes `totalPaise` and reads `pricePaise`; one that speaks 3 uses the new
 * names; a program may send either; users always read the new names.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('money keys for counters of before and after protocol 3 (real PostgreSQL)', () => {
  async function counter() {
    const store = await t.makeStore(`LK${uuidv7().slice(-8)}`);
    const product = await t.makeProduct();
    const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
    return { store, product, device };
  }

  it('a protocol 2 counter pushes a bill in the old names and the hub stores it in the new ones', async () => {
    const { store, product, device } = await counter();
    const billId = uuidv7();
    const line = Object.assign(device.record('SALE', product.id, -3), { batchId: billId, unitPricePaise: 1000, unitCostPaise: 0 }) as SimMovement;
    const legacyBill = withLegacyKeys<Record<string, unknown>>(billFor(store.id, product.id, billId, 1));
    expect(JSON.stringify(legacyBill)).toContain('"totalPaise":3000');
    const res = await t.call('POST', '/sync/push', device.token, { movements: [line], products: [], bills: [legacyBill] }, { [SYNC_PROTOCOL_HEADER]: '2' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ protocol: 2, applied: 1 });
    const row = await t.db.db.selectFrom('bills').select(['total_minor', 'doc']).where('id', '=', billId).executeTakeFirstOrThrow();
    expect(Number(row.total_minor)).toBe(3000);
    expect(JSON.stringify(row.doc)).not.toContain('Paise');
    const moved = await t.db.db.selectFrom('movements').select('unit_price_minor').where('batch_id', '=', billId).executeTakeFirstOrThrow();
    expect(Number(moved.unit_price_minor)).toBe(1000);
    const seen = await t.call('GET', `/bills/${billId}`, admin.token);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toMatchObject({ totalMinor: 3000 });
    expect(seen.text).not.toContain('Paise');
  });

  it('answers a counter that says 2, or nothing, in the old names and one that says 3 in the new', async () => {
    const { device } = await counter();
    const pull = (headers: Record<string, string>) => t.call('GET', '/sync/pull?limit=1000', device.token, undefined, headers);
    // A counter of protocol 2 says it only on a push: its pull carries no header at all.
    const bare = await t.app.request('/api/v1/sync/pull?limit=1000', { headers: { Authorization: `Bearer ${device.token}` } });
    const olds = [{ status: bare.status, text: await bare.text() }, await pull({ [SYNC_PROTOCOL_HEADER]: '2' })];
    for (const old of olds) {
      expect(old.status, old.text).toBe(200);
      expect(old.text).toContain('"pricePaise"');
      expect(old.text).not.toContain('Minor"');
    }
    const now = await pull({ [SYNC_PROTOCOL_HEADER]: '3' });
    expect(now.text).toContain('"priceMinor"');
    expect(now.text).not.toContain('Paise"');
    // A user's request never gets the old names, whatever it says.
    const users = await t.call('GET', '/products?limit=5', admin.token, undefined, { [SYNC_PROTOCOL_HEADER]: '1' });
    expect(users.text).toContain('"priceMinor"');
    expect(users.text).not.toContain('Paise"');
  });

  it('a program may still send the old names in a request body', async () => {
    const sku = `LK-${uuidv7().slice(-6)}`;
    const res = await t.call('POST', '/products', admin.token, { sku, name: 'Old client', unit: 'pc', pricePaise: 2500, costPaise: 2000 });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ sku, priceMinor: 2500, costMinor: 2000 });
  });
});
