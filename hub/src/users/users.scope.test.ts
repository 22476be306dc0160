import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test/test-db';

/** Issue 13 item 2: a manager acts on a user only when every store of that user is the manager's. */
describe('a manager of A and a staff member of A and B', () => {
  let t: TestApp;
  let A: { id: string };
  let B: { id: string };
  let managerA: { token: string };

  beforeAll(async () => {
    t = await createTestApp();
    A = await t.makeStore('US-A');
    B = await t.makeStore('US-B');
    managerA = await t.makeUser('manager', [A.id]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('cannot set the password, rename, reassign, deactivate, promote or even see the shared user', async () => {
    const shared = await t.makeUser('staff', [A.id, B.id]);
    const attempts = [
      await t.call('PATCH', `/users/${shared.id}`, managerA.token, { password: 'taken-over-pw-123' }),
      await t.call('PATCH', `/users/${shared.id}`, managerA.token, { name: 'Mine now' }),
      await t.call('PATCH', `/users/${shared.id}`, managerA.token, { storeIds: [A.id] }),
      await t.call('PATCH', `/users/${shared.id}`, managerA.token, { role: 'staff' }),
      await t.call('DELETE', `/users/${shared.id}`, managerA.token),
      await t.call('GET', `/users/${shared.id}`, managerA.token),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    const list = await t.call('GET', '/users?limit=500', managerA.token);
    expect(list.text).not.toContain(shared.id);
    expect(list.text).not.toContain(B.id);
    // The real owner can still sign in with the old password; the account is still active for B.
    const login = await t.call('POST', '/auth/login', null, { username: shared.username, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.storeIds.sort()).toEqual([A.id, B.id].sort());
  });

  it('still manages staff of A only, and takes on a store-less user only by assigning one of its stores', async () => {
    const own = await t.makeUser('staff', [A.id]);
    expect((await t.call('PATCH', `/users/${own.id}`, managerA.token, { password: 'reset-by-manager-1' })).status).toBe(200);
    const newcomer = await t.makeUser('staff', []);
    expect((await t.call('PATCH', `/users/${newcomer.id}`, managerA.token, { password: 'not-yet-yours-1' })).status).toBe(404);
    expect((await t.call('DELETE', `/users/${newcomer.id}`, managerA.token)).status).toBe(404);
    expect((await t.call('PATCH', `/users/${newcomer.id}`, managerA.token, { storeIds: [B.id] })).status).toBe(403);
    const taken = await t.call('PATCH', `/users/${newcomer.id}`, managerA.token, { storeIds: [A.id] });
    expect(taken.status).toBe(200);
    expect(taken.body.storeIds).toEqual([A.id]);
    expect((await t.call('PATCH', `/users/${newcomer.id}`, managerA.token, { role: 'manager' })).status).toBe(403);
  });
});
