import { SYNC_PROTOCOL_HEADER, pushRequestSchema, pushResponseSchema, uuidv7 } from '@bazaar/shared';
import { sql } from 'kysely';
import { billFor } from '../bills/bills.test-docs';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { recordQueries, transactionOf } from '../test/query-count';
import { useTestApp } from '../test/use-test-app';
import { PREPARED_PUSH_MAX, pushBatch } from './sync.push';
import { SimDevice, type SimMovement } from './sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

/**
 * The lean push (issue 23): the common push (a few sale lines, no new products, no replayed
 * seqs) costs at most 5 round trips, BEGIN and COMMIT included, with every guarantee kept (the
 * other sync tests hold those). Counted at the pg client, so it needs real PostgreSQL: a count,
 * never a timing.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('round trips of a push (real PostgreSQL)', () => {
  async function counter() {
    const store = await t.makeStore(`RT${uuidv7().slice(-8)}`);
    const products = [await t.makeProduct(), await t.makeProduct(), await t.makeProduct()];
    const cashier = await t.makeUser('staff', [store.id]);
    const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
    for (const p of products) device.record('IN', p.id, 100);
    expect((await device.push(device.slice(1, 3))).status).toBe(200);
    const sale = () => products.map((p, i) => Object.assign(device.record('SALE', p.id, -(i + 1)), { userId: cashier.id }) as SimMovement);
    return { store, products, device, sale };
  }

  const send = (device: SimDevice, movements: SimMovement[], protocol?: number) =>
    t.call('POST', '/sync/push', device.token, { movements, products: [] }, protocol ? { [SYNC_PROTOCOL_HEADER]: String(protocol) } : {});

  it('a 3-line sale is 5 round trips from BEGIN to COMMIT and none outside it, in either protocol', async () => {
    const { store, products, device, sale } = await counter();
    for (const protocol of [undefined, 2]) {
      const lines = sale();
      const { result, queries } = await recordQueries(() => send(device, lines, protocol));
      expect(result.status, result.text).toBe(200);
      const tx = transactionOf(queries);
      expect(tx.map((q) => q.text.replace('/*prepared*/', '').trim().split(' ')[0]!.toUpperCase())).toEqual(['BEGIN', 'WITH', 'WITH', 'WITH', 'COMMIT']);
      // The three statements run prepared (parsed and planned once per connection).
      expect(tx.map((q) => q.name !== null)).toEqual([false, true, true, true, false]);
      expect(queries).toHaveLength(tx.length);
      const answer = pushResponseSchema.parse(result.body);
      expect(answer.ackedSeq).toBe(lines.at(-1)!.seq);
      if (protocol === 2) expect(answer).toMatchObject({ protocol: 2, applied: 3, results: [] });
      else expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      device.acked = answer.ackedSeq;
    }
    const stock = await t.db.db.selectFrom('stock').select(['product_id', 'qty']).where('store_id', '=', store.id).execute();
    expect(new Map(stock.map((s) => [s.product_id, s.qty]))).toEqual(new Map(products.map((p, i) => [p.id, 100 - 2 * (i + 1)])));
    const users = await t.db.db.selectFrom('movements').select('user_id').where('store_id', '=', store.id).where('kind', '=', 'SALE').execute();
    expect(users.every((u) => u.user_id !== null)).toBe(true);
    expect((await t.call('GET', `/logs/verify?storeId=${store.id}`, admin.token)).body).toMatchObject({ ok: true });
  });

  it('a sale with its bill is 5 round trips too: the bill and the over-return read ride in the movements statement', async () => {
    const { store, products, device } = await counter();
    const billId = uuidv7();
    const line = Object.assign(device.record('SALE', products[0]!.id, -3), { batchId: billId }) as SimMovement;
    const { result, queries } = await recordQueries(() =>
      t.call('POST', '/sync/push', device.token, { movements: [line], products: [], bills: [billFor(store.id, products[0]!.id, billId, 1)] }, { [SYNC_PROTOCOL_HEADER]: '2' }),
    );
    expect(result.status, result.text).toBe(200);
    expect(transactionOf(queries)).toHaveLength(5);
    const bills = await t.db.db.selectFrom('bills').select(['id', 'status']).where('store_id', '=', store.id).execute();
    expect(bills).toEqual([{ id: billId, status: 'completed' }]);
  });

  it('a replayed seq adds its comparison read, a COUNT its second stock statement', async () => {
    const { device, sale, products } = await counter();
    const first = sale();
    expect((await send(device, first, 2)).status).toBe(200);
    const again = [...first, ...sale()];
    const replay = await recordQueries(() => send(device, again, 2));
    expect(replay.result.body).toMatchObject({ applied: 3, results: first.map((m) => ({ id: m.id, status: 'duplicate' })) });
    expect(transactionOf(replay.queries)).toHaveLength(6);
    const count = await recordQueries(() => send(device, [device.record('COUNT', products[0]!.id, 50)], 2));
    expect(count.result.status, count.result.text).toBe(200);
    expect(transactionOf(count.queries)).toHaveLength(6);
  });

  it('a bulk batch is planned for its own size: its statements are not prepared', async () => {
    const { device, products } = await counter();
    const lines = Array.from({ length: PREPARED_PUSH_MAX + 1 }, (_, i) => device.record('SALE', products[i % 3]!.id, -1));
    const { result, queries } = await recordQueries(() => send(device, lines, 2));
    expect(result.body).toMatchObject({ applied: PREPARED_PUSH_MAX + 1, results: [] });
    expect(transactionOf(queries).map((q) => q.name)).toEqual([null, null, null, null, null]);
  });

  it('protocol 2 lists rejections and duplicates only; protocol 1 lists every movement', async () => {
    const { device, products } = await counter();
    const bad = device.record('SALE', products[0]!.id, -200_000);
    const good = device.record('SALE', products[1]!.id, -1);
    const v2 = await send(device, [bad, good], 2);
    expect(v2.body).toMatchObject({ protocol: 2, applied: 1, results: [{ id: bad.id, status: 'rejected' }] });
    expect(v2.body.results).toHaveLength(1);
    const v1 = await send(device, [bad, good]);
    expect(v1.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'duplicate']);
    expect(v1.body.protocol).toBeUndefined();
  });

  it("a push that waited for its device's previous push sees what that one created (its products)", async () => {
    const store = await t.makeStore(`RW${uuidv7().slice(-8)}`);
    const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
    const offlineId = uuidv7();
    const product = { id: offlineId, sku: `OFF-${offlineId.slice(-8)}`, name: 'Made offline', unit: 'pc' as const, priceMinor: 500, costMinor: 0, reorderLevel: 0 };
    const held = await t.db.db.startTransaction().execute();
    try {
      device.record('IN', offlineId, 5);
      const first = pushRequestSchema.parse({ movements: device.slice(1, 1), products: [product] });
      expect((await pushBatch(held, t.deps, { kind: 'device', id: device.id, storeId: store.id, node: device.node }, first)).ackedSeq).toBe(1);
      // The next push names the product without carrying it, and must wait for the device row.
      const next = send(device, [device.record('SALE', offlineId, -1)], 2);
      let waiting = 0;
      for (let i = 0; i < 500 && waiting === 0; i++) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`.execute(t.db.db);
        waiting = rows[0]!.n;
        if (waiting === 0) await new Promise((r) => setTimeout(r, 10));
      }
      expect(waiting).toBeGreaterThan(0);
      await held.commit().execute();
      const res = await next;
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ ackedSeq: 2, applied: 1, results: [] });
    } catch (err) {
      await held.rollback().execute().catch(() => undefined);
      throw err;
    }
    const stock = await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', store.id).where('product_id', '=', offlineId).executeTakeFirst();
    expect(stock?.qty).toBe(4);
  });
});
