import { pullResponseSchema, uuidv7 } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CATALOG_SCOPE, nextVersion } from '../db/change-version';
import type { Database } from '../db/database.types';
import { applyMovements } from '../stock/stock.apply';
import type { TestApp, TestUser } from '../test/test-db';
import { recordQueries } from '../test/query-count';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from './sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const newStore = () => t.makeStore(`L${uuidv7().slice(-10)}`);

/** A barrier: resolves once another session is waiting for a lock that `holder` holds. */
async function someoneWaitsOn(holder: Transaction<Database>): Promise<void> {
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(holder);
  const pid = rows[0]!.pid;
  for (let i = 0; ; i++) {
    const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${pid}::int = ANY (pg_blocking_pids(pid))`.execute(t.db.db);
    if (waiting.rows[0]!.n > 0) return;
    if (i > 3000) throw new Error('no session ever waited for the open transaction: the push did not take the store lock');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /sync/pull', () => {
  it("sends the catalog, the store, its staff with PIN hashes (never passwords) and only this store's stock", async () => {
    const [a, b] = [await newStore(), await newStore()];
    const product = await t.makeProduct({ sku: `PL-${uuidv7()}` });
    const clerk = await t.makeUser('staff', [a.id]);
    await t.db.db.updateTable('users').set({ pin_hash: 'scrypt$pin-hash' }).where('id', '=', clerk.id).execute();
    const outsider = await t.makeUser('staff', [b.id]);
    const da = await SimDevice.enroll(t, admin.token, a.id, 'a');
    const db = await SimDevice.enroll(t, admin.token, b.id, 'b');
    da.record('IN', product.id, 8);
    db.record('IN', product.id, 3);
    await da.pushAll();
    await db.pushAll();

    const [page] = await da.pullAll(5000);
    expect(pullResponseSchema.parse(page)).toBeTruthy();
    expect(page!.store.id).toBe(a.id);
    expect(page!.products.map((p) => p.id)).toContain(product.id);
    expect(page!.stock).toEqual([expect.objectContaining({ storeId: a.id, productId: product.id, qty: 8 })]);
    expect(page!.includesSeq).toBe(1);
    const staff = page!.staff.find((s) => s.id === clerk.id);
    expect(staff).toMatchObject({ pinHash: 'scrypt$pin-hash', active: true });
    expect(page!.staff.map((s) => s.id)).not.toContain(outsider.id);
    expect(JSON.stringify(page)).not.toContain('password');
    expect(da.view(product.id)).toBe(8);
    const dev = await t.db.db.selectFrom('devices').select('last_pull_at').where('id', '=', da.id).executeTakeFirstOrThrow();
    expect(dev.last_pull_at).not.toBeNull();

    // Nothing changed: the next round is empty.
    const next = await da.pullPage();
    expect({ p: next.products.length, s: next.stock.length, st: next.staff.length, more: next.hasMore }).toEqual({ p: 0, s: 0, st: 0, more: false });
  });

  it('pages with any limit and sends the same rows as one big page', async () => {
    const store = await newStore();
    const products = [];
    for (let i = 0; i < 7; i++) products.push(await t.makeProduct({ sku: `PG-${i}-${uuidv7()}` }));
    const d = await SimDevice.enroll(t, admin.token, store.id, 'pager');
    for (const p of products) d.record('IN', p.id, 2);
    await d.pushAll();
    const whole = await SimDevice.enroll(t, admin.token, store.id, 'whole');
    const one = (await whole.pullAll(5000)).flatMap((p) => p.stock.map((s) => s.productId)).sort();
    const pages = await d.pullAll(2);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    expect(pages.flatMap((p) => p.stock.map((s) => s.productId)).sort()).toEqual(one);
    expect(one).toHaveLength(7);
    const bad = await t.call('GET', '/sync/pull?cursor=not-a-cursor', d.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CURSOR');
  });

  it("says up to which of this device's seqs its stock includes", async () => {
    const store = await newStore();
    const product = await t.makeProduct({ sku: `IS-${uuidv7()}` });
    const d = await SimDevice.enroll(t, admin.token, store.id, 'seq');
    d.record('IN', product.id, 10);
    d.record('SALE', product.id, -1);
    await d.push(d.slice(1, 1));
    d.record('SALE', product.id, -1);
    const page = (await d.pullAll()).at(-1)!;
    expect(page.includesSeq).toBe(1);
    expect(d.view(product.id)).toBe(8); // 10 from the hub, then its own two unpushed sales
    await d.pushAll();
    expect((await d.pullAll()).at(-1)!.includesSeq).toBe(3);
    expect(d.view(product.id)).toBe(8);
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL)('the pull after a push (real PostgreSQL: round trips counted at the pg client)', () => {
    it('is one statement when the catalog has not changed, pages like the general pull, and falls back when it has', async () => {
      const store = await newStore();
      const products = [];
      for (let i = 0; i < 5; i++) products.push(await t.makeProduct({ sku: `QP-${i}-${uuidv7()}` }));
      const d = await SimDevice.enroll(t, admin.token, store.id, 'quick');
      await d.pullAll();
      for (const p of products) d.record('IN', p.id, 4);
      await d.pushAll();

      const { result: first, queries } = await recordQueries(() => d.pullPage(2));
      expect(queries.map((q) => q.text.slice(0, 30))).toEqual(['/*prepared*/ WITH cfg AS MATER']);
      expect({ stock: first.stock.length, more: first.hasMore, includesSeq: first.includesSeq, store: first.store.id }).toEqual({ stock: 2, more: true, includesSeq: 5, store: store.id });
      const rest = await d.pullAll(2);
      const got = [...first.stock, ...rest.flatMap((p) => p.stock)];
      expect(got.map((s) => s.productId).sort()).toEqual(products.map((p) => p.id).sort());
      expect(got.every((s) => s.qty === 4 && s.storeId === store.id)).toBe(true);
      const dev = await t.db.db.selectFrom('devices').select('last_pull_at').where('id', '=', d.id).executeTakeFirstOrThrow();
      expect(dev.last_pull_at).not.toBeNull();

      // Nothing new: one statement, an empty finished round.
      const idle = await recordQueries(() => d.pullPage());
      expect(idle.queries).toHaveLength(1);
      expect({ stock: idle.result.stock.length, more: idle.result.hasMore }).toEqual({ stock: 0, more: false });

      // A catalog change: the general pull sends it (and the stock written with it).
      const added = (await t.call('POST', '/products', admin.token, { sku: `QP-new-${uuidv7()}`, name: 'Quick new', unit: 'pc', priceMinor: 100 })).body as { id: string };
      d.record('IN', added.id, 1);
      await d.pushAll();
      const after = await recordQueries(() => d.pullAll());
      expect(after.queries.length).toBeGreaterThan(1);
      expect(after.result.flatMap((p) => p.products).map((p) => p.id)).toContain(added.id);
      expect(after.result.flatMap((p) => p.stock).map((s) => [s.productId, s.qty])).toEqual([[added.id, 1]]);

      // A revoked device is refused by the general path the quick one hands over to.
      expect((await t.call('DELETE', `/devices/${d.id}`, admin.token)).status).toBe(204);
      const refused = await t.call('GET', `/sync/pull?cursor=${d.cursor}`, d.token);
      expect(refused.status).toBe(401);
    });
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL)('never skips a late commit (needs real concurrent Postgres transactions)', () => {
    it('a slow catalog write committed after a fast stock write still reaches the device', async () => {
      const store = await newStore();
      const product = await t.makeProduct({ sku: `LC-${uuidv7()}` });
      const d = await SimDevice.enroll(t, admin.token, store.id, 'late');
      await d.pullAll();

      const slow = await t.db.db.startTransaction().execute();
      const slowId = uuidv7();
      const version = await nextVersion(slow, CATALOG_SCOPE);
      await slow
        .insertInto('products')
        .values({ id: slowId, sku: `SLOW-${slowId}`, barcode: null, name: 'Slow', unit: 'pc', category: null, supplier_id: null, price_minor: 1, version, updated_at: new Date() })
        .execute();

      d.record('IN', product.id, 4); // the fast one: commits while the slow one is open
      expect((await d.push(d.slice(1, 1))).status).toBe(200);
      const during = await d.pullAll();
      expect(during.flatMap((p) => p.stock).map((s) => s.qty)).toEqual([4]);
      expect(during.flatMap((p) => p.products).map((p) => p.id)).not.toContain(slowId);

      await slow.commit().execute();
      const after = await d.pullAll();
      expect(after.flatMap((p) => p.products).map((p) => p.id)).toContain(slowId);
    });

    it('two stock writes of one store: the one holding the older version commits last, the device gets both', async () => {
      const store = await newStore();
      const [p1, p2] = [await t.makeProduct({ sku: `LA-${uuidv7()}` }), await t.makeProduct({ sku: `LB-${uuidv7()}` })];
      const d = await SimDevice.enroll(t, admin.token, store.id, 'late2');
      await d.pullAll();

      const slow = await t.db.db.startTransaction().execute();
      await applyMovements(slow, [
        { id: uuidv7(), storeId: store.id, deviceId: null, seq: null, hlc: '001700000000000-000000-hub', kind: 'IN', productId: p1.id, qty: 5, unitPriceMinor: null, unitCostMinor: null, reason: null, note: null, supplierId: null, batchId: null, userId: null, occurredAt: new Date() },
      ]);
      d.record('IN', p2.id, 7);
      const fast = d.push(d.slice(1, 1)); // waits for the store's version lock: it can only get a later version
      await someoneWaitsOn(slow); // the push is now queued behind the open write, not merely started
      const during = await d.pullAll();
      expect(during.flatMap((p) => p.stock)).toEqual([]);

      await slow.commit().execute();
      expect((await fast).status).toBe(200);
      const after = await d.pullAll();
      const got = Object.fromEntries(after.flatMap((p) => p.stock).map((s) => [s.productId, s.qty]));
      expect(got).toEqual({ [p1.id]: 5, [p2.id]: 7 });
    });
  });
});

describe('sync authorization', () => {
  it('binds a device token to its own store, refuses user tokens, and locks out a revoked device at once', async () => {
    const [a, b] = [await newStore(), await newStore()];
    const product = await t.makeProduct({ sku: `AZ-${uuidv7()}` });
    const da = await SimDevice.enroll(t, admin.token, a.id, 'a');
    const dbv = await SimDevice.enroll(t, admin.token, b.id, 'b');
    dbv.record('IN', product.id, 9);
    await dbv.pushAll();
    da.record('SALE', product.id, -1);
    await da.pushAll();
    // A's push only ever touches A; its pull never shows B.
    const rows = await t.db.db.selectFrom('stock').select(['store_id', 'qty']).where('product_id', '=', product.id).orderBy('qty').execute();
    expect(rows).toEqual([{ store_id: a.id, qty: -1 }, { store_id: b.id, qty: 9 }]);
    const pages = await da.pullAll();
    expect(pages.every((p) => p.store.id === a.id)).toBe(true);
    expect(pages.flatMap((p) => p.stock).map((s) => s.storeId)).toEqual([a.id]);

    const manager = await t.makeUser('manager', [a.id]);
    expect((await t.call('POST', '/sync/push', manager.token, { movements: [] })).status).toBe(403);
    expect((await t.call('GET', '/sync/pull', manager.token)).status).toBe(403);
    expect((await t.call('GET', '/sync/pull', null)).status).toBe(401);
    // A device token cannot use user endpoints.
    expect((await t.call('GET', '/devices', da.token)).status).toBe(403);
    expect((await t.call('GET', '/conflicts', da.token)).status).toBe(403);

    expect((await t.call('DELETE', `/devices/${da.id}`, manager.token)).status).toBe(204);
    da.record('SALE', product.id, -1);
    const push = await t.call('POST', '/sync/push', da.token, { movements: da.slice(2, 2) });
    expect(push.status).toBe(401);
    expect((await t.call('GET', '/sync/pull', da.token)).status).toBe(401);
  });
});
