import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestApp, type TestApp } from '../test/test-db';
import { PRINCIPAL_CACHE_TTL_MS } from './principal.cache';

/**
 * The principal cache must never outlive a change on the node that made it. The clock stands
 * still here, so every cached principal would stay fresh forever: only eviction can make
 * these requests fail.
 */
const clock = { t: Date.now(), now: () => clock.t };
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['makeUser']>>;
let A: { id: string };
let B: { id: string };
beforeAll(async () => {
  t = await createTestApp({ clock });
  A = await t.makeStore('RA');
  B = await t.makeStore('RB');
  admin = await t.makeUser('admin');
});
afterAll(async () => {
  await t?.close();
});

const products = (token: string) => t.call('GET', '/products?limit=1', token).then((r) => r.status);

describe('revocation on the same node, with principals cached', () => {
  it('logout ends the token at once', async () => {
    const staff = await t.makeUser('staff', [A.id]);
    expect(await products(staff.token)).toBe(200);
    expect((await t.call('POST', '/auth/logout', staff.token)).status).toBe(204);
    expect(await products(staff.token)).toBe(401);
  });

  it('a password change revokes every token at once', async () => {
    const staff = await t.makeUser('staff', [A.id]);
    expect(await products(staff.token)).toBe(200);
    expect((await t.call('PATCH', `/users/${staff.id}`, admin.token, { password: 'another-long-password' })).status).toBe(200);
    expect(await products(staff.token)).toBe(401);
  });

  it('deactivating or deleting a user locks them out at once', async () => {
    const one = await t.makeUser('staff', [A.id]);
    const two = await t.makeUser('staff', [A.id]);
    expect(await products(one.token)).toBe(200);
    expect(await products(two.token)).toBe(200);
    expect((await t.call('PATCH', `/users/${one.id}`, admin.token, { active: false })).status).toBe(200);
    expect((await t.call('DELETE', `/users/${two.id}`, admin.token)).status).toBe(204);
    expect(await products(one.token)).toBe(401);
    expect(await products(two.token)).toBe(401);
  });

  it('a role change applies to the next request', async () => {
    const manager = await t.makeUser('manager', [A.id]);
    expect((await t.call('GET', '/users', manager.token)).status).toBe(200);
    expect((await t.call('PATCH', `/users/${manager.id}`, admin.token, { role: 'staff' })).status).toBe(200);
    expect((await t.call('GET', '/users', manager.token)).status).toBe(403);
  });

  it('a store reassignment applies to the next request', async () => {
    const staff = await t.makeUser('staff', [A.id]);
    expect((await t.call('GET', `/stores/${A.id}`, staff.token)).status).toBe(200);
    expect((await t.call('GET', `/stores/${B.id}`, staff.token)).status).toBe(404);
    expect((await t.call('PATCH', `/users/${staff.id}`, admin.token, { storeIds: [B.id] })).status).toBe(200);
    expect((await t.call('GET', `/stores/${A.id}`, staff.token)).status).toBe(404);
    expect((await t.call('GET', `/stores/${B.id}`, staff.token)).status).toBe(200);
  });

  it('a revoked device token is refused at once', async () => {
    const enrolled = await t.call('POST', '/devices', admin.token, { storeId: A.id, name: 'till' });
    expect(enrolled.status).toBe(201);
    const token = enrolled.body.token as string;
    // Authenticated, just not a user: 403. Once revoked, the token is not accepted at all: 401.
    expect(await products(token)).toBe(403);
    expect((await t.call('DELETE', `/devices/${enrolled.body.device.id}`, admin.token)).status).toBe(204);
    expect(await products(token)).toBe(401);
    expect((await t.call('POST', '/sync/push', token, { movements: [] })).status).toBe(401);
  });
});

describe('another node', () => {
  it('stops serving a revoked token within the cache TTL', async () => {
    const other = createApp(t.deps);
    const onOther = async (token: string) =>
      (await other.request('/api/v1/products?limit=1', { headers: { Authorization: `Bearer ${token}` } })).status;
    const staff = await t.makeUser('staff', [A.id]);
    expect(await onOther(staff.token)).toBe(200);
    expect((await t.call('POST', '/auth/logout', staff.token)).status).toBe(204);
    expect(await products(staff.token)).toBe(401);
    // The documented bound (hub/DEPLOY.md): the other node learns of it when its entry expires.
    expect(await onOther(staff.token)).toBe(200);
    clock.t += PRINCIPAL_CACHE_TTL_MS;
    expect(await onOther(staff.token)).toBe(401);
  });
});
