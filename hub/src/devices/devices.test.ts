import { deviceEnrollmentSchema, deviceSchema, pageSchema, uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

describe('devices', () => {
  it('enrolls for admins and managers of the store only, returning the token once and storing its hash', async () => {
    const [a, b] = [await t.makeStore(`DA${uuidv7().slice(-8)}`), await t.makeStore(`DB${uuidv7().slice(-8)}`)];
    const manager = await t.makeUser('manager', [a.id]);
    const staff = await t.makeUser('staff', [a.id]);

    const res = await t.call('POST', '/devices', manager.token, { storeId: a.id, name: 'Front till' });
    expect(res.status).toBe(201);
    const enrolled = deviceEnrollmentSchema.parse(res.body);
    expect(enrolled.token).toMatch(/^bzd_/);
    expect(enrolled.device).toMatchObject({ storeId: a.id, name: 'Front till', lastSeq: 0, openConflicts: 0, revokedAt: null });
    const row = await t.db.db.selectFrom('devices').select('token_hash').where('id', '=', enrolled.device.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(enrolled.token);

    expect((await t.call('POST', '/devices', manager.token, { storeId: b.id, name: 'x' })).status).toBe(404);
    expect((await t.call('POST', '/devices', staff.token, { storeId: a.id, name: 'x' })).status).toBe(403);
    expect((await t.call('POST', '/devices', admin.token, { storeId: b.id, name: '' })).status).toBe(400);
    expect((await t.call('POST', '/devices', admin.token, { storeId: uuidv7(), name: 'x' })).status).toBe(404);
    expect((await t.call('POST', '/devices', admin.token, { storeId: b.id, name: 'Back till' })).status).toBe(201);

    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', enrolled.device.id).execute();
    expect(audit).toEqual([{ action: 'device.enroll', after: expect.objectContaining({ name: 'Front till' }) }]);
    expect(JSON.stringify(audit)).not.toContain(enrolled.token);
  });

  it('lists only visible stores with sync state and open conflicts, filtered and paged', async () => {
    const [a, b] = [await t.makeStore(`LA${uuidv7().slice(-8)}`), await t.makeStore(`LB${uuidv7().slice(-8)}`)];
    const manager = await t.makeUser('manager', [a.id]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.call('POST', '/devices', admin.token, { storeId: a.id, name: `till ${i}` })).body.device.id);
    const other = (await t.call('POST', '/devices', admin.token, { storeId: b.id, name: 'b till' })).body.device.id as string;
    await t.db.db
      .insertInto('conflicts')
      .values({ store_id: a.id, id: uuidv7(), kind: 'NEGATIVE_STOCK', product_id: null, movement_id: null, device_id: ids[0]!, details: '{}' })
      .execute();

    const page1 = await t.call('GET', '/devices?limit=2', manager.token);
    expect(page1.status).toBe(200);
    const parsed = pageSchema(deviceSchema).parse(page1.body);
    expect(parsed.items).toHaveLength(2);
    const page2 = await t.call('GET', `/devices?limit=2&cursor=${parsed.nextCursor}`, manager.token);
    const all = [...parsed.items, ...page2.body.items];
    expect(all.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(all.find((d) => d.id === ids[0])!.openConflicts).toBe(1);
    expect(all.map((d) => d.id)).not.toContain(other);

    const filtered = await t.call('GET', `/devices?storeId=${b.id}`, admin.token);
    expect(filtered.body.items.map((d: { id: string }) => d.id)).toEqual([other]);
    expect((await t.call('GET', `/devices/${other}`, manager.token)).status).toBe(404);
    expect((await t.call('GET', `/devices?storeId=${a.id}&revoked=false&q=till%201`, admin.token)).body.items).toHaveLength(1);
  });

  it('revokes: the token stops working at once; revoking is for admins and managers of that store', async () => {
    const store = await t.makeStore(`RV${uuidv7().slice(-8)}`);
    const enrolled = (await t.call('POST', '/devices', admin.token, { storeId: store.id, name: 'old till' })).body;
    expect((await t.call('GET', '/sync/pull', enrolled.token)).status).toBe(200);
    const otherManager = await t.makeUser('manager', [(await t.makeStore(`RO${uuidv7().slice(-8)}`)).id]);
    expect((await t.call('DELETE', `/devices/${enrolled.device.id}`, otherManager.token)).status).toBe(404);
    const staff = await t.makeUser('staff', [store.id]);
    expect((await t.call('DELETE', `/devices/${enrolled.device.id}`, staff.token)).status).toBe(403);

    expect((await t.call('DELETE', `/devices/${enrolled.device.id}`, admin.token)).status).toBe(204);
    expect((await t.call('GET', '/sync/pull', enrolled.token)).status).toBe(401);
    const listed = await t.call('GET', `/devices/${enrolled.device.id}`, admin.token);
    expect(listed.body.revokedAt).not.toBeNull();
    expect((await t.call('DELETE', `/devices/${enrolled.device.id}`, admin.token)).status).toBe(204);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', enrolled.device.id).where('action', '=', 'device.revoke').execute();
    expect(audit).toHaveLength(1);
  });
});
