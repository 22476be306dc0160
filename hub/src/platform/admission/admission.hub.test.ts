import { uuidv7, formatHlc } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, waitFor, type HubProcess } from '../platform.test-kit';
import { freePort } from '../../test/free-port';
import { createOver, registerOwner } from '../../test/hub-seed';
import { holdDeviceRow, someoneWaitsOnLock, useScratchDatabase } from '../../test/scratch-database';

/**
 * Admission control on a real hub process (src/main.ts) on Postgres: one push in flight at
 * most and no queue. A push held on its device row lock (another session holds it) occupies
 * the one slot; the next push, of another counter, is refused with 503 + Retry-After while the
 * held one is still running, and /metrics and /health show the saturation. No timing asserted:
 * "at once" is that the refusal arrives before the held push could finish.
 */
describe.skipIf(!TEST_DATABASE_URL)('admission control on a real hub (needs TEST_DATABASE_URL)', () => {
  const db = useScratchDatabase(TEST_DATABASE_URL, 'admission');
  let hub: HubProcess;
  let lockHub: HubProcess;
  let admin: string;
  let storeId: string;
  let productId: string;

  const enroll = async (name: string) => {
    const r = await api(hub.url, 'POST', '/devices', admin, { storeId, name });
    expect(r.status).toBe(201);
    return { token: r.body.token as string, id: r.body.device.id as string, node: r.body.device.node as string, seq: 0 };
  };
  const sale = (d: { node: string; seq: number }) => {
    d.seq += 1;
    const at = Date.now();
    return { movements: [{ id: uuidv7(), seq: d.seq, hlc: formatHlc({ wall: at, counter: 0, node: d.node }), kind: 'SALE', productId, qty: -1, unitPriceMinor: 1000, occurredAt: new Date(at).toISOString() }] };
  };
  const holdDevice = (deviceId: string) => holdDeviceRow(db.url, deviceId);
  const pushIsWaiting = () => waitFor('the held push to reach its lock', () => someoneWaitsOnLock(db.url, db.name), 10_000);

  beforeAll(async () => {
    const env = { DATABASE_URL: db.url, HUB_MODE: 'test', PUSH_MAX_IN_FLIGHT: '1', PUSH_MAX_QUEUED: '0', BUSY_RETRY_AFTER_SECONDS: '3' };
    hub = await startHub(await freePort(), { ...env, PUSH_LOCK_TIMEOUT_MS: '0' });
    lockHub = await startHub(await freePort(), { ...env, PUSH_MAX_IN_FLIGHT: '4', PUSH_LOCK_TIMEOUT_MS: '200', HUB_NODE_ID: 'lk' });
    admin = await registerOwner(hub.url);
    storeId = await createOver(hub.url, admin, '/stores', { code: 'AD1', name: 'Admission store' });
    productId = await createOver(hub.url, admin, '/products', { sku: 'ATTA-5', name: 'Atta 5 kg', unit: 'pc', priceMinor: 25_000, costMinor: 21_000, reorderLevel: 3 });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([hub?.stop(), lockHub?.stop()]);
  }, 60_000);

  it('with one push in flight and no queue, the next push is refused with 503 + Retry-After while the first still runs; both land once it is released', async () => {
    const [a, b] = [await enroll('Counter A'), await enroll('Counter B')];
    const hold = await holdDevice(a.id);
    let heldSettled = false;
    const held = api(hub.url, 'POST', '/sync/push', a.token, sale(a)).finally(() => (heldSettled = true));
    try {
      await pushIsWaiting();
      const bBody = sale(b);
      const refused = await api(hub.url, 'POST', '/sync/push', b.token, bBody);
      expect(heldSettled).toBe(false);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('3');
      expect(refused.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(refused.body.error.details).toMatchObject({ gate: 'push', reason: 'queue_full', retryAfterSeconds: 3 });

      // Saturation is visible while it lasts; pulls and reads have their own slots and still answer.
      const metrics = await fetch(`${hub.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${admin}` } }).then((r) => r.text());
      expect(metrics).toMatch(/hub_admission_in_flight\{gate="push"\} 1/);
      expect(metrics).toMatch(/hub_admission_shed_total\{gate="push",reason="queue_full"\} 1/);
      expect(metrics).toMatch(/hub_db_lock_waiters [1-9]/);
      const health = await api(hub.url, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.admission).toMatchObject({ status: 'saturated', push: { inFlight: 1, maxInFlight: 1, shed: { queue_full: 1 } } });
      expect((await api(hub.url, 'GET', '/sync/pull', b.token)).status).toBe(200);
      expect((await api(hub.url, 'GET', '/stocks/counts', admin)).status).toBe(200);
    } finally {
      await hold.release();
    }
    const first = await held;
    expect(first.status).toBe(200);
    expect(first.body.ackedSeq).toBe(1);
    // The refused push changed nothing: the counter sends the same movement again and it is applied once.
    b.seq -= 1;
    const retried = await api(hub.url, 'POST', '/sync/push', b.token, sale(b));
    expect(retried.status).toBe(200);
    expect(retried.body.ackedSeq).toBe(1);
    const [stored] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM movements WHERE device_id = ANY($1::uuid[])`, [[a.id, b.id]]);
    expect(stored?.n).toBe(2);
  }, 60_000);

  it('a push that cannot get its lock within PUSH_LOCK_TIMEOUT_MS is answered 503 + Retry-After and stores nothing', async () => {
    const enrolled = await api(lockHub.url, 'POST', '/devices', admin, { storeId, name: 'Counter L' });
    expect(enrolled.status).toBe(201);
    const d = { token: enrolled.body.token as string, id: enrolled.body.device.id as string, node: enrolled.body.device.node as string, seq: 0 };
    const hold = await holdDevice(d.id);
    try {
      const r = await api(lockHub.url, 'POST', '/sync/push', d.token, sale(d));
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('3');
      expect(r.body.error.details).toMatchObject({ gate: 'push', reason: 'lock_timeout' });
    } finally {
      await hold.release();
    }
    const [stored] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM movements WHERE device_id = $1`, [d.id]);
    expect(stored?.n).toBe(0);
    const health = await api(lockHub.url, 'GET', '/health');
    expect(health.body.admission.lockTimeouts).toBe(1);
  }, 60_000);
});
