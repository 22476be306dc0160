import { conflictSchema, pageSchema, uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { SimDevice } from '../sync/sync.test-kit';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

describe('conflicts', () => {
  it('lists what sync found, within the store scope, filtered by store, kind, status and date', async () => {
    const [a, b] = [await t.makeStore(`CA${uuidv7().slice(-8)}`), await t.makeStore(`CB${uuidv7().slice(-8)}`)];
    const product = await t.makeProduct({ sku: `CF-${uuidv7()}` });
    const da = await SimDevice.enroll(t, admin.token, a.id, 'a');
    const db = await SimDevice.enroll(t, admin.token, b.id, 'b');
    da.record('SALE', product.id, -2); // sold offline with nothing on the books: negative stock
    da.record('SALE', uuidv7(), -1); // an unknown product: rejected
    db.record('SALE', product.id, -1);
    await da.pushAll();
    await db.pushAll();

    const manager = await t.makeUser('manager', [a.id]);
    const mine = await t.call('GET', '/conflicts', manager.token);
    expect(mine.status).toBe(200);
    const page = pageSchema(conflictSchema).parse(mine.body);
    expect(page.items.map((c) => c.kind).sort()).toEqual(['NEGATIVE_STOCK', 'REJECTED_MOVEMENT']);
    expect(page.items.every((c) => c.storeId === a.id)).toBe(true);
    expect(page.items.find((c) => c.kind === 'NEGATIVE_STOCK')).toMatchObject({ productId: product.id, deviceId: da.id, status: 'open', details: { qty: -2 } });

    const neg = await t.call('GET', `/conflicts?kind=NEGATIVE_STOCK&storeId=${b.id}`, admin.token);
    expect(neg.body.items).toHaveLength(1);
    expect(neg.body.items[0].storeId).toBe(b.id);
    expect((await t.call('GET', `/conflicts?storeId=${b.id}`, manager.token)).body.items).toEqual([]);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await t.call('GET', `/conflicts?storeId=${a.id}&from=${encodeURIComponent(future)}`, admin.token)).body.items).toEqual([]);
    expect((await t.call('GET', `/conflicts?storeId=${a.id}&to=${encodeURIComponent(future)}&status=open`, admin.token)).body.items).toHaveLength(2);
    expect((await t.call('GET', '/conflicts?kind=NOPE', admin.token)).status).toBe(400);
    const paged = await t.call('GET', `/conflicts?storeId=${a.id}&limit=1`, admin.token);
    const next = await t.call('GET', `/conflicts?storeId=${a.id}&limit=1&cursor=${paged.body.nextCursor}`, admin.token);
    expect([paged.body.items[0].id, next.body.items[0].id].sort()).toEqual(page.items.map((c) => c.id).sort());
  });

  it('is resolved with a note by a manager or admin of its store, once, with an audit row', async () => {
    const store = await t.makeStore(`CR${uuidv7().slice(-8)}`);
    const product = await t.makeProduct({ sku: `CR-${uuidv7()}` });
    const d = await SimDevice.enroll(t, admin.token, store.id, 'till');
    d.record('SALE', product.id, -1);
    await d.pushAll();
    const conflict = (await t.call('GET', `/conflicts?storeId=${store.id}`, admin.token)).body.items[0];
    const staff = await t.makeUser('staff', [store.id]);
    const stranger = await t.makeUser('manager', [(await t.makeStore(`CS${uuidv7().slice(-8)}`)).id]);
    const manager = await t.makeUser('manager', [store.id]);

    expect((await t.call('POST', `/conflicts/${conflict.id}/resolve`, staff.token, { note: 'x' })).status).toBe(403);
    expect((await t.call('POST', `/conflicts/${conflict.id}/resolve`, stranger.token, { note: 'x' })).status).toBe(404);
    expect((await t.call('POST', `/conflicts/${conflict.id}/resolve`, manager.token, { note: '  ' })).status).toBe(400);
    const ok = await t.call('POST', `/conflicts/${conflict.id}/resolve`, manager.token, { note: 'Recounted: 3 packs were in the back room' });
    expect(ok.status).toBe(200);
    expect(conflictSchema.parse(ok.body)).toMatchObject({ status: 'resolved', resolvedBy: manager.id, resolutionNote: 'Recounted: 3 packs were in the back room' });
    expect((await t.call('POST', `/conflicts/${conflict.id}/resolve`, manager.token, { note: 'again' })).status).toBe(409);
    expect((await t.call('GET', `/conflicts?storeId=${store.id}&status=resolved`, admin.token)).body.items).toHaveLength(1);
    expect((await t.call('GET', `/devices/${d.id}`, admin.token)).body.openConflicts).toBe(0);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', conflict.id).execute();
    expect(audit).toEqual([{ action: 'conflict.resolve', actor_id: manager.id }]);
  });
});
