import { HUB_CHAIN, pushRequestSchema } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CATALOG_SCOPE, nextVersion } from '../db/change-version';
import { pushBatch } from '../sync/sync.push';
import { SimDevice } from '../sync/sync.test-kit';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

/**
 * Nothing on the push path is shared by all stores (DESIGN §9): a push of store B goes through
 * while a transaction holds everything a push of store A takes (its change counter and audit
 * head) and the hub-wide rows besides (the catalog counter and the hub chain's head).
 * Needs real concurrent transactions: PGlite runs one connection.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('pushes of two stores never wait on each other (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestUser;
  useTestApp((c) => ({ t, admin } = c));

  /** Sessions of this database waiting for a lock someone else holds. */
  async function waitingOnLocks(): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND a.datname = current_database()`.execute(t.db.db);
    return rows[0]!.n;
  }

  it("store B's push completes while a push of store A is held open before its commit; A's next write waits for it", async () => {
    const [a, b] = [await t.makeStore('CC-A'), await t.makeStore('CC-B')];
    const product = await t.makeProduct({ sku: 'CC-P' });
    const da = await SimDevice.enroll(t, admin.token, a.id, 'A1');
    const db = await SimDevice.enroll(t, admin.token, b.id, 'B1');
    for (const d of [da, db]) {
      d.record('IN', product.id, 10);
      expect((await d.push(d.slice(1, 1))).status).toBe(200);
    }

    // A real push of store A, left open before its COMMIT: it holds whatever a push holds
    // (device row, A's change counter, A's audit head). On top, the hub-wide rows a push must
    // never need: the catalog counter and the hub chain's head.
    const held = await t.db.db.startTransaction().execute();
    try {
      da.record('SALE', product.id, -1);
      const request = pushRequestSchema.parse({ movements: da.slice(2, 2), products: [] });
      const heldPush = await pushBatch(held, t.deps, { kind: 'device', id: da.id, storeId: a.id, node: da.node }, request);
      expect(heldPush.ackedSeq).toBe(2);
      await nextVersion(held, CATALOG_SCOPE);
      const locked = await sql<{ chain: string }>`SELECT chain FROM audit_heads WHERE chain IN (${a.id}, ${HUB_CHAIN}) FOR UPDATE`.execute(held);
      expect(locked.rows).toHaveLength(2);

      db.record('SALE', product.id, -2);
      const pushB = await db.push(db.slice(2, 2));
      expect(pushB.status, pushB.text).toBe(200);
      expect(pushB.body.ackedSeq).toBe(2);
      expect(await waitingOnLocks()).toBe(0);

      // A write of store A does wait: A's rows are what serialises one store's writers.
      const writeA = t.call('POST', '/stock-movements', admin.token, { storeId: a.id, productId: product.id, kind: 'IN', qty: 1 });
      let waiting = 0;
      for (let i = 0; i < 500 && waiting === 0; i++) {
        waiting = await waitingOnLocks();
        if (waiting === 0) await new Promise((r) => setTimeout(r, 10));
      }
      expect(waiting).toBeGreaterThan(0);
      await held.commit().execute();
      const doneA = await writeA;
      expect(doneA.status, doneA.text).toBe(201);
    } catch (err) {
      await held.rollback().execute().catch(() => undefined);
      throw err;
    }

    const verified = await t.call('GET', '/logs/verify', admin.token);
    expect(verified.body).toMatchObject({ ok: true, firstBroken: null });
    const heads = await t.db.db.selectFrom('audit_heads').select(['chain', 'seq']).where('chain', 'in', [a.id, b.id]).execute();
    // enroll + two pushes each, and A's web movement
    expect(Object.fromEntries(heads.map((h) => [h.chain, Number(h.seq)]))).toEqual({ [a.id]: 4, [b.id]: 3 });
  });
});
