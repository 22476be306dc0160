import { formatHlc, uuidv7 } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, waitFor, type HubProcess } from '../platform/platform.test-kit';
import { freePort } from '../test/free-port';
import { holdDeviceRow, someoneWaitsOnLock, useScratchDatabase } from '../test/scratch-database';

/**
 * Graceful SIGTERM on a real hub process: a push that is inside its transaction when the signal
 * arrives (held on its device row lock by another session, so it is provably in flight) finishes
 * and is stored; a push that arrives during the drain is answered 503 with Retry-After and
 * stores nothing; the process then exits 0 by itself.
 */
describe.skipIf(!TEST_DATABASE_URL)('SIGTERM drain on a real hub (needs TEST_DATABASE_URL)', () => {
  const db = useScratchDatabase(TEST_DATABASE_URL, 'drain');
  let hub: HubProcess;

  beforeAll(async () => {
    // No lock timeout: the held push waits as long as the test holds the lock.
    hub = await startHub(await freePort(), { DATABASE_URL: db.url, HUB_MODE: 'test', PUSH_LOCK_TIMEOUT_MS: '0' });
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
  }, 60_000);

  it('finishes the push in flight, answers new pushes 503, then exits 0', async () => {
    const owner = (await api(hub.url, 'POST', '/auth/register', undefined, { username: 'owner', name: 'Owner', password: 'a-long-test-password' })).body.token as string;
    const store = (await api(hub.url, 'POST', '/stores', owner, { code: 'DR1', name: 'Drain store' })).body;
    const product = (await api(hub.url, 'POST', '/products', owner, { sku: 'DAL-1', name: 'Dal 1 kg', unit: 'pc', priceMinor: 12_000 })).body;
    const enroll = async (name: string) => {
      const r = await api(hub.url, 'POST', '/devices', owner, { storeId: store.id, name });
      expect(r.status).toBe(201);
      return { token: r.body.token as string, id: r.body.device.id as string, node: r.body.device.node as string };
    };
    const push = (d: { node: string; token: string }) => {
      const at = Date.now();
      const movement = { id: uuidv7(), seq: 1, hlc: formatHlc({ wall: at, counter: 0, node: d.node }), kind: 'SALE', productId: product.id, qty: -1, unitPriceMinor: 12_000, occurredAt: new Date(at).toISOString() };
      return { id: movement.id, answer: api(hub.url, 'POST', '/sync/push', d.token, { movements: [movement] }) };
    };
    const [a, b] = [await enroll('Counter A'), await enroll('Counter B')];

    // Hold A's device row: A's push waits inside its transaction.
    const lock = await holdDeviceRow(db.url, a.id);
    let heldSettled = false;
    const held = push(a);
    void held.answer.finally(() => (heldSettled = true));
    await waitFor('the held push to wait on its lock', () => someoneWaitsOnLock(db.url, db.name));

    const exited = new Promise<number | null>((resolve) => hub.proc.once('exit', (code) => resolve(code)));
    hub.proc.kill('SIGTERM');
    // Draining: the node answers 503 (a load balancer's health check sees it too).
    await waitFor('the node to drain', async () => (await api(hub.url, 'GET', '/health')).status === 503);
    const late = push(b);
    const refused = await late.answer;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(heldSettled).toBe(false);
    expect(hub.proc.exitCode).toBeNull();

    await lock.release('COMMIT');
    const finished = await held.answer;
    expect(finished.status).toBe(200);
    expect(finished.body.ackedSeq).toBe(1);
    expect(await exited).toBe(0);

    const stored = await db.sql<{ id: string }>('SELECT id FROM movements');
    expect(stored.map((r) => r.id)).toEqual([held.id]);
  }, 90_000);
});
