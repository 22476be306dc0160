import { formatHlc, uuidv7 } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';

/** Issue 13 items 3, 5 and 9: what a push must not do, and what it must never lose. */
describe('sync push guards', () => {
  let t: TestApp;
  let admin: TestUser;
  let product: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.makeUser('admin');
    product = await t.makeProduct();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function counter(storeId: string) {
    const res = await t.call('POST', '/devices', admin.token, { storeId, name: `Counter ${uuidv7().slice(-4)}` });
    expect(res.status).toBe(201);
    let seq = 0;
    const node: string = res.body.device.node;
    const token: string = res.body.token;
    const movement = (fields: Record<string, unknown> = {}) => ({
      id: uuidv7(),
      seq: ++seq,
      hlc: formatHlc({ wall: Date.now(), counter: seq, node }),
      kind: 'IN',
      productId: product.id,
      qty: 2,
      occurredAt: new Date().toISOString(),
      ...fields,
    });
    return { id: res.body.device.id as string, token, movement, push: (movements: unknown[]) => t.call('POST', '/sync/push', token, { movements }) };
  }

  const conflicts = (storeId: string, kind: string) =>
    t.db.db.selectFrom('conflicts').selectAll().where('store_id', '=', storeId).where('kind', '=', kind).execute();

  it('item 3: a movement naming a user who is not staff of the store is stored with no user and raises a conflict', async () => {
    const store = await t.makeStore();
    const other = await t.makeStore();
    const staff = await t.makeUser('staff', [store.id]);
    const outsider = await t.makeUser('staff', [other.id]);
    const dev = await counter(store.id);
    const mine = dev.movement({ userId: staff.id });
    const asAdmin = dev.movement({ userId: admin.id });
    const asOutsider = dev.movement({ userId: outsider.id });
    const asNobody = dev.movement({ userId: uuidv7() });
    const res = await dev.push([mine, asAdmin, asOutsider, asNobody]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const rows = await t.db.db.selectFrom('movements').select(['id', 'user_id']).where('store_id', '=', store.id).execute();
    const userOf = new Map(rows.map((r) => [r.id, r.user_id]));
    expect([mine, asAdmin, asOutsider, asNobody].map((m) => userOf.get(m.id))).toEqual([staff.id, null, null, null]);
    const raised = await conflicts(store.id, 'UNKNOWN_USER');
    expect(raised.map((c) => c.movement_id).sort()).toEqual([asAdmin.id, asOutsider.id, asNobody.id].sort());
  });

  it('item 5: a date PostgreSQL refuses rejects that one movement with a conflict; the rest of the batch applies, and a replay changes nothing', async () => {
    const store = await t.makeStore();
    const dev = await counter(store.id);
    const good = dev.movement();
    const year0 = dev.movement({ occurredAt: '0000-01-01T00:00:00Z' });
    const badOffset = dev.movement({ occurredAt: '2026-01-01T00:00:00+23:00' });
    const after = dev.movement();
    const batch = [good, year0, badOffset, after];
    const res = await dev.push(batch);
    expect(res.status).toBe(200);
    expect(res.body.ackedSeq).toBe(after.seq);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(res.body.results[1].reason).toMatch(/occurredAt/);
    const stock = await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', store.id).executeTakeFirstOrThrow();
    expect(Number(stock.qty)).toBe(4);
    expect((await conflicts(store.id, 'REJECTED_MOVEMENT')).map((c) => c.movement_id).sort()).toEqual([year0.id, badOffset.id].sort());
    const replay = await dev.push(batch);
    expect(replay.status).toBe(200);
    expect(replay.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'rejected', 'rejected', 'duplicate']);
  });

  it('item 5: the REST path answers 400 naming the field, never 500', async () => {
    const store = await t.makeStore();
    for (const occurredAt of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00+23:00', '99999-01-01T00:00:00Z']) {
      const res = await t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 1, occurredAt });
      expect(res.status, occurredAt).toBe(400);
      expect(res.body.error.message).toMatch(/^occurredAt: /);
    }
    const q = await t.call('GET', `/stock-movements?from=${encodeURIComponent('0000-01-01T00:00:00Z')}`, admin.token);
    expect(q.status).toBe(400);
    expect(q.body.error.message).toMatch(/^query\.from: /);
  });

  it('item 9: archiving revokes the store counters (said first by the preview); their queued movements are stored, rejected and raised', async () => {
    const store = await t.makeStore();
    const dev = await counter(store.id);
    expect((await dev.push([dev.movement()])).status).toBe(200);
    const preview = await t.call('GET', `/stores/${store.id}/archive-preview`, admin.token);
    expect(preview.status).toBe(200);
    expect(preview.body.activeDevices).toEqual([expect.objectContaining({ id: dev.id, lastSeq: 1 })]);
    expect(preview.body.effect).toMatch(/revokes/);
    expect((await t.call('DELETE', `/stores/${store.id}`, admin.token)).status).toBe(200);

    const queued = [dev.movement(), dev.movement({ kind: 'SALE', qty: -1 })];
    const res = await dev.push(queued);
    expect(res.status).toBe(200);
    expect(res.body.ackedSeq).toBe(3);
    expect(res.body.results.map((r: { status: string; reason: string }) => [r.status, r.reason])).toEqual([
      ['rejected', 'store is archived at the hub'],
      ['rejected', 'store is archived at the hub'],
    ]);
    const stored = await t.db.db.selectFrom('movements').select(['id', 'status']).where('store_id', '=', store.id).where('id', 'in', queued.map((m) => m.id)).execute();
    expect(stored.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await conflicts(store.id, 'REJECTED_MOVEMENT')).map((c) => c.movement_id).sort()).toEqual(queued.map((m) => m.id).sort());
    // Revoked for everything else.
    expect((await t.call('GET', '/sync/pull', dev.token)).status).toBe(401);
    expect((await t.call('GET', '/stocks', dev.token)).status).toBe(401);
  });

  it('item 9: archiving by PATCH revokes too; a revoked device of a live store stays refused', async () => {
    const store = await t.makeStore();
    const dev = await counter(store.id);
    const live = await counter(store.id);
    expect((await t.call('DELETE', `/devices/${live.id}`, admin.token)).status).toBeLessThan(300);
    expect((await live.push([live.movement()])).status).toBe(401);
    expect((await t.call('PATCH', `/stores/${store.id}`, admin.token, { archived: true })).status).toBe(200);
    const res = await dev.push([dev.movement()]);
    expect(res.status).toBe(200);
    expect(res.body.results[0].status).toBe('rejected');
  });
});
