import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../test/test-db';

let t: TestApp;
let admin: TestUser;
let manager: TestUser;
let A: { id: string };
let B: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  A = await t.makeStore('UA');
  B = await t.makeStore('UB');
  admin = await t.makeUser('admin');
  manager = await t.makeUser('manager', [A.id]);
});
afterAll(async () => {
  await t?.close();
});

describe('users', () => {
  it('a manager takes on a newly registered person and assigns only their own stores', async () => {
    const reg = await t.call('POST', '/auth/register', null, { username: 'newcomer', name: 'New Comer', password: 'long-enough-pw' });
    expect(reg.body.user).toMatchObject({ role: 'staff', storeIds: [] });
    const list = await t.call('GET', '/users?role=staff', manager.token);
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain('newcomer');

    const toB = await t.call('PATCH', `/users/${reg.body.user.id}`, manager.token, { storeIds: [B.id] });
    expect(toB.status).toBe(403);
    const toA = await t.call('PATCH', `/users/${reg.body.user.id}`, manager.token, { storeIds: [A.id] });
    expect(toA.status).toBe(200);
    expect(toA.body.storeIds).toEqual([A.id]);
    const me = await t.call('GET', '/auth/me', reg.body.token);
    expect(me.body.storeIds).toEqual([A.id]);
  });

  it('staff of two stores are not a manager of one of them to edit (issue 13 item 2)', async () => {
    const both = await t.makeUser('staff', [A.id, B.id]);
    const res = await t.call('PATCH', `/users/${both.id}`, manager.token, { storeIds: [] });
    expect(res.status).toBe(404);
    const admin2 = await t.call('GET', `/users/${both.id}`, admin.token);
    expect(admin2.body.storeIds.sort()).toEqual([A.id, B.id].sort());
  });

  it('changing a password or deactivating ends every session of that user', async () => {
    const staff = await t.makeUser('staff', [A.id]);
    expect((await t.call('PATCH', `/users/${staff.id}`, admin.token, { password: 'a-brand-new-password' })).status).toBe(200);
    expect((await t.call('GET', '/auth/me', staff.token)).status).toBe(401);
    const login = await t.call('POST', '/auth/login', null, { username: staff.username, password: 'a-brand-new-password' });
    expect(login.status).toBe(200);
    expect((await t.call('DELETE', `/users/${staff.id}`, manager.token)).status).toBe(204);
    expect((await t.call('GET', '/auth/me', login.body.token)).status).toBe(401);
    const again = await t.call('POST', '/auth/login', null, { username: staff.username, password: 'a-brand-new-password' });
    expect(again.status).toBe(401);
  });

  it('people changing their own password prove the current one and keep the session they changed it from', async () => {
    const staff = await t.makeUser('staff', [A.id]);
    const other = await t.call('POST', '/auth/login', null, { username: staff.username, password: TEST_PASSWORD });
    const wrong = await t.call('POST', '/auth/password', staff.token, { password: 'my-own-new-password', currentPassword: 'not-the-password' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/^currentPassword: /);
    expect((await t.call('POST', '/auth/login', null, { username: staff.username, password: 'my-own-new-password' })).status).toBe(401);
    expect((await t.call('POST', '/auth/password', staff.token, { password: 'my-own-new-password', currentPassword: TEST_PASSWORD })).status).toBe(204);
    expect((await t.call('GET', '/auth/me', staff.token)).status).toBe(200);
    expect((await t.call('GET', '/auth/me', other.body.token)).status).toBe(401);
    expect((await t.call('POST', '/auth/login', null, { username: staff.username, password: 'my-own-new-password' })).status).toBe(200);

    // An admin editing their own account on the users screen proves it the same way.
    const self = await t.call('PATCH', `/users/${admin.id}`, admin.token, { password: 'admins-new-password' });
    expect(self.status).toBe(422);
    expect(self.body.error.message).toMatch(/^currentPassword: /);
    const proven = await t.call('PATCH', `/users/${admin.id}`, admin.token, { password: 'admins-new-password', currentPassword: TEST_PASSWORD });
    expect(proven.status).toBe(200);
    expect((await t.call('GET', '/auth/me', admin.token)).status).toBe(200);
  });

  it('the last admin cannot be removed and nobody changes their own role', async () => {
    const other = await t.makeUser('admin');
    expect((await t.call('DELETE', `/users/${other.id}`, admin.token)).status).toBe(204);
    expect((await t.call('DELETE', `/users/${admin.id}`, admin.token)).status).toBe(403);
    expect((await t.call('PATCH', `/users/${admin.id}`, admin.token, { role: 'staff' })).status).toBe(403);
  });

  it('managers create staff only, admins anyone; PINs are stored hashed', async () => {
    const asManager = await t.call('POST', '/users', manager.token, { username: 'mgr2', name: 'M', password: TEST_PASSWORD, role: 'manager', storeIds: [A.id] });
    expect(asManager.status).toBe(403);
    const staff = await t.call('POST', '/users', manager.token, { username: 'cashier1', name: 'Cashier', password: TEST_PASSWORD, role: 'staff', storeIds: [A.id], pin: '4321' });
    expect(staff.status).toBe(201);
    const row = await t.db.db.selectFrom('users').select(['pin_hash']).where('id', '=', staff.body.id).executeTakeFirstOrThrow();
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(staff.body)).not.toContain('scrypt');
    const unknownStore = await t.call('POST', '/users', admin.token, { username: 'x-user', name: 'X', password: TEST_PASSWORD, role: 'staff', storeIds: ['0190f0f0-0000-7000-8000-000000000000'] });
    expect(unknownStore.status).toBe(422);
  });
});
