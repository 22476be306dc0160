import { conflictGroupsSchema, uuidv7 } from '@bazaar/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

/** Conflicts at chain scale: grouped by store and kind, resolved in bulk with one note, only in the caller's stores. */
let t: TestApp;
let admin: TestUser;
let manager: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

let A: { id: string; code: string };
let B: { id: string; code: string };

async function conflict(storeId: string, kind: string, productId: string | null = null) {
  await t.deps.db.insertInto('conflicts').values({ store_id: storeId, id: uuidv7(), kind, product_id: productId, movement_id: null, device_id: null, details: JSON.stringify({}) }).execute();
}
const open = async (storeId: string) =>
  (await t.deps.db.selectFrom('conflicts').select(['kind']).where('store_id', '=', storeId).where('status', '=', 'open').execute()).map((r) => r.kind).sort();

beforeAll(async () => {
  A = await t.makeStore('CG-A');
  B = await t.makeStore('CG-B');
  await t.deps.db.updateTable('stores').set({ region: 'CgNorth' }).where('id', 'in', [A.id, B.id]).execute();
  manager = await t.makeUser('manager', [A.id]);
  const p1 = await t.makeProduct();
  const p2 = await t.makeProduct();
  for (const p of [p1.id, p1.id, p2.id]) await conflict(A.id, 'NEGATIVE_STOCK', p);
  await conflict(A.id, 'COUNT_VARIANCE', p1.id);
  await conflict(B.id, 'NEGATIVE_STOCK');
  await conflict(B.id, 'NEGATIVE_STOCK');
});

describe('conflicts in bulk', () => {
  it('groups open conflicts by store and kind, biggest first, in scope', async () => {
    const all = conflictGroupsSchema.parse((await t.call('GET', '/conflicts/groups', admin.token)).body);
    expect(all.items.map((g) => [g.storeCode, g.kind, g.count, g.products])).toEqual([
      ['CG-A', 'NEGATIVE_STOCK', 3, 2],
      ['CG-B', 'NEGATIVE_STOCK', 2, 0],
      ['CG-A', 'COUNT_VARIANCE', 1, 1],
    ]);
    expect([all.groups, all.total]).toEqual([3, 6]);
    const mine = conflictGroupsSchema.parse((await t.call('GET', '/conflicts/groups?region=CgNorth', manager.token)).body);
    expect(mine.items.map((g) => g.storeCode)).toEqual(['CG-A', 'CG-A']);
    expect((await t.call('GET', `/conflicts/groups?storeId=${B.id}`, manager.token)).status).toBe(404);
    expect((await t.call('GET', '/conflicts/groups?kind=NOPE', admin.token)).status).toBe(400);
  });

  it('a manager resolves a kind across the region with one note, only in their own stores, audited', async () => {
    const res = await t.call('POST', '/conflicts/bulk-resolve', manager.token, { note: 'counted again, fine', kind: 'NEGATIVE_STOCK', region: 'CgNorth' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ resolved: 3, stores: 1, more: false });
    expect(await open(A.id)).toEqual(['COUNT_VARIANCE']);
    expect(await open(B.id)).toEqual(['NEGATIVE_STOCK', 'NEGATIVE_STOCK']);
    const audit = await t.deps.db.selectFrom('audit_log').select(['entity_id', 'after']).where('store_id', '=', A.id).where('action', '=', 'conflict.resolve').execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]?.after).toMatchObject({ note: 'counted again, fine', bulk: true });
    // Again: nothing left to resolve, nothing resolved twice.
    expect((await t.call('POST', '/conflicts/bulk-resolve', manager.token, { note: 'again', kind: 'NEGATIVE_STOCK' })).body).toEqual({ resolved: 0, stores: 0, more: false });
  });

  it('refuses another store, staff, and a call that says nothing about which conflicts', async () => {
    expect((await t.call('POST', '/conflicts/bulk-resolve', manager.token, { note: 'not mine', storeId: B.id })).status).toBe(404);
    const staff = await t.makeUser('staff', [A.id]);
    expect((await t.call('POST', '/conflicts/bulk-resolve', staff.token, { note: 'x', storeId: A.id })).status).toBe(403);
    const vague = await t.call('POST', '/conflicts/bulk-resolve', admin.token, { note: 'everything' });
    expect(vague.status).toBe(400);
    expect(vague.text).toMatch(/say which conflicts/);
    expect(await open(B.id)).toHaveLength(2);
    const byIds = await t.call('POST', '/conflicts/bulk-resolve', admin.token, { note: 'checked', storeId: B.id });
    expect(byIds.body).toEqual({ resolved: 2, stores: 1, more: false });
  });
});
