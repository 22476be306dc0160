import { formatHlc, parseHlc } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-db';
import { resumeHubClock } from './hub-clock';

/**
 * A restarted hub resumes its clock past every stamp it issued or merged before: web movements
 * (any hub node) and the device stamps it received (devices.last_hlc), not only its own web
 * stamps, so nothing it stamps after a restart sorts before what it handed out earlier.
 */
describe('resumeHubClock', () => {
  let t: TestApp;
  const now = 1_800_000_000_000;
  const at = (wall: number, node: string) => formatHlc({ wall, counter: 7, node });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function device(lastHlc: string | null) {
    const store = await t.makeStore();
    const admin = await t.makeUser('admin');
    const res = await t.call('POST', '/devices', admin.token, { storeId: store.id, name: 'Counter' });
    expect(res.status).toBe(201);
    await t.db.db.updateTable('devices').set({ last_hlc: lastHlc }).where('id', '=', res.body.device.id).execute();
  }

  it('starts from physical time on an empty hub', async () => {
    const clock = await resumeHubClock(t.db.db, { node: 'hub', now: () => now });
    expect(parseHlc(clock.now()).wall).toBe(now);
  });

  it('resumes past a device stamp it merged, even when that is ahead of the physical clock now', async () => {
    // The hub's wall was ahead (a stamp merged from a device within the drift bound) when it stopped.
    const merged = at(now + 60_000, 'dev1');
    await device(merged);
    const clock = await resumeHubClock(t.db.db, { node: 'hub', now: () => now });
    expect(clock.now() > merged).toBe(true);
  });

  it('resumes past another hub node’s web stamp', async () => {
    const store = await t.makeStore();
    const product = await t.makeProduct();
    const admin = await t.makeUser('admin');
    const res = await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 1 });
    expect(res.status).toBe(201);
    const other = at(now + 120_000, 'n2');
    await t.db.db.updateTable('movements').set({ hlc: other }).where('id', '=', res.body.movement.id).execute();
    const clock = await resumeHubClock(t.db.db, { node: 'n1', now: () => now });
    const next = clock.now();
    expect(next > other).toBe(true);
    expect(parseHlc(next).node).toBe('n1');
  });

  it('is not dragged days ahead by a stored device stamp beyond its drift bound', async () => {
    await device(at(now + 3 * 86_400_000, 'dev2'));
    const clock = await resumeHubClock(t.db.db, { node: 'hub', now: () => now });
    // Still past the legitimate stamps above (web stamp at now + 120 s), not three days ahead.
    expect(parseHlc(clock.now()).wall).toBeLessThan(now + 10 * 60_000);
  });
});
