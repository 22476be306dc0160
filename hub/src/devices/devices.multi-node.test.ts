import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, TEST_REDIS_URL, useRedisPrefix, type HubProcess } from '../platform/platform.test-kit';
import { freePort } from '../test/free-port';
import { createOver, registerOwner } from '../test/hub-seed';
import { useScratchDatabase } from '../test/scratch-database';

/**
 * DEPLOY.md: a device revoke takes effect at once on the node that handled it; on every other
 * node a revoked device cannot push or pull even while its principal is cached (sync re-reads
 * its device row), and the first such refusal drops it from that node's cache. Two real hub
 * processes on one database.
 */
describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('device revocation across two hub processes (needs TEST_DATABASE_URL and TEST_REDIS_URL)', () => {
  const db = useScratchDatabase(TEST_DATABASE_URL, 'revoke_mn');
  const redis = useRedisPrefix('revoke-mn');
  let a: HubProcess;
  let b: HubProcess;
  let admin: string;
  let storeId: string;

  beforeAll(async () => {
    const env = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL!, REDIS_KEY_PREFIX: redis.prefix, HUB_MODE: 'test' };
    a = await startHub(await freePort(), { ...env, HUB_NODE_ID: 'a' });
    b = await startHub(await freePort(), { ...env, HUB_NODE_ID: 'b' });
    admin = await registerOwner(a.url);
    storeId = await createOver(a.url, admin, '/stores', { code: 'RV1', name: 'Revocation store' });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  }, 60_000);

  it('a device revoked on node A cannot push or pull on node B while B still caches its principal, and the refusal makes B drop it', async () => {
    const enrolled = await api(a.url, 'POST', '/devices', admin, { storeId, name: 'Front till' });
    expect(enrolled.status).toBe(201);
    const token = enrolled.body.token as string;
    const deviceId = enrolled.body.device.id as string;

    // Node B learns the device: a pull, and a user-only endpoint answering 403 (authenticated, not a user).
    expect((await api(b.url, 'GET', '/sync/pull', token)).status).toBe(200);
    const userOnly = async () => (await api(b.url, 'GET', '/products?limit=1', token)).status;
    expect(await userOnly()).toBe(403);

    expect((await api(a.url, 'DELETE', `/devices/${deviceId}`, admin)).status).toBe(204);
    // The node that handled the revoke: at once, for every endpoint.
    expect((await api(a.url, 'GET', '/sync/pull', token)).status).toBe(401);
    expect(await api(a.url, 'GET', '/products?limit=1', token).then((r) => r.status)).toBe(401);

    // Node B still holds the principal (403, not 401: the token was accepted from B's cache)…
    expect(await userOnly()).toBe(403);
    // …yet sync is refused, because push and pull re-read the device row…
    const push = await api(b.url, 'POST', '/sync/push', token, { movements: [] });
    expect(push.status).toBe(401);
    expect(push.body.error.code).toBe('UNAUTHENTICATED');
    // …and that refusal drops the device from B's cache: from then on B refuses the token everywhere.
    expect(await userOnly()).toBe(401);
    expect((await api(b.url, 'GET', '/sync/pull', token)).status).toBe(401);
  });
});
