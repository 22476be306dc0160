import { uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/use-test-app';
import type { TestApp } from '../test/test-db';
import { AlertCoalescer } from './alerts.coalesce';
import { evaluateAlerts } from './alerts.evaluate';

let t: TestApp;
useTestApp((ctx) => ({ t } = ctx));

/** An evaluator that records each call and finishes only when told. */
function gatedEvaluator() {
  const calls: { storeId: string; productIds: string[] | null; finish: () => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const evaluate = (storeId: string, productIds: readonly string[] | null) =>
    new Promise<void>((resolve) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        running -= 1;
        resolve();
      };
      calls.push({ storeId, productIds: productIds ? [...productIds].sort() : null, finish });
    });
  return { calls, evaluate, maxRunning: () => maxRunning };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('alert re-evaluation, coalesced per store', () => {
  it('runs one evaluation per store at a time and merges what is asked meanwhile into one follow-up', async () => {
    const g = gatedEvaluator();
    const c = new AlertCoalescer(g.evaluate, 4);
    const first = c.request('s1', ['p1']);
    await tick();
    const later = [c.request('s1', ['p2']), c.request('s1', ['p3', 'p2']), c.request('s1', ['p4'])];
    await tick();
    expect(g.calls.map((x) => x.productIds)).toEqual([['p1']]);
    g.calls[0]!.finish();
    await first;
    await tick();
    expect(g.calls.map((x) => x.productIds)).toEqual([['p1'], ['p2', 'p3', 'p4']]);
    g.calls[1]!.finish();
    await Promise.all(later);
    // A request for the whole store widens the pending follow-up to the whole store.
    const a = c.request('s1', ['p1']);
    await tick();
    const b = [c.request('s1', ['p2']), c.request('s1', null)];
    g.calls[2]!.finish();
    await a;
    await tick();
    expect(g.calls[3]!.productIds).toBeNull();
    g.calls[3]!.finish();
    await Promise.all(b);
    expect(c.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('evaluates at most maxConcurrent stores at once, the rest in arrival order', async () => {
    const g = gatedEvaluator();
    const c = new AlertCoalescer(g.evaluate, 2);
    const done = ['a', 'b', 'c', 'd'].map((s) => c.request(s, ['p']));
    await tick();
    expect(g.calls.map((x) => x.storeId)).toEqual(['a', 'b']);
    expect(c.load()).toEqual({ running: 2, waiting: 2 });
    g.calls[1]!.finish();
    await tick();
    expect(g.calls.map((x) => x.storeId)).toEqual(['a', 'b', 'c']);
    for (const call of g.calls.slice(0)) call.finish();
    await tick();
    g.calls[3]!.finish();
    await Promise.all(done);
    expect(g.maxRunning()).toBe(2);
  });

  it('hands an evaluation failure to every request it covered (the job queue retries them)', async () => {
    const c = new AlertCoalescer(async () => {
      throw new Error('db down');
    });
    await expect(c.request('s', ['p'])).rejects.toThrow('db down');
    expect(c.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('with product ids, raises and closes alerts of those products only', async () => {
    const store = await t.makeStore(`AC${uuidv7().slice(-8)}`);
    const [p1, p2] = [await t.makeProduct({ reorderLevel: 5 }), await t.makeProduct({ reorderLevel: 5 })];
    await t.db.db
      .insertInto('stock')
      .values([p1, p2].map((p) => ({ store_id: store.id, product_id: p.id, qty: 1, reorder_level: 5, version: 1, updated_at: new Date() })))
      .execute();
    const now = new Date();
    const one = await evaluateAlerts(t.db.db, [store.id], now, [p1.id]);
    expect(one.raised.map((a) => a.productId)).toEqual([p1.id]);
    const all = await evaluateAlerts(t.db.db, [store.id], now);
    expect(all.raised.map((a) => a.productId)).toEqual([p2.id]);
    await t.db.db.updateTable('stock').set({ qty: 50 }).where('store_id', '=', store.id).execute();
    const closed = await evaluateAlerts(t.db.db, [store.id], now, [p2.id]);
    expect(closed.closed.map((a) => a.productId)).toEqual([p2.id]);
  });

  it('the one-statement evaluation of touched products ends where the whole-store transaction does, in every crossing', async () => {
    // Per product: [qty, reorder level, live alerts before] — low→out on top of a live low, recovered
    // low and out, an acknowledged low that stays low, a level of 0, nothing to do.
    const cases: [number, number, ('low' | 'out' | 'ack-low')[]][] = [
      [-2, 5, ['low']],
      [9, 5, ['low', 'out']],
      [3, 5, ['ack-low']],
      [3, 0, ['low']],
      [0, 0, []],
      [4, 5, []],
      [8, 5, []],
    ];
    const products: { id: string }[] = [];
    for (const [, level] of cases) products.push(await t.makeProduct({ reorderLevel: level }));
    const seed = async () => {
      const store = await t.makeStore(`AE${uuidv7().slice(-8)}`);
      await t.db.db
        .insertInto('stock')
        .values(cases.map(([qty, level], i) => ({ store_id: store.id, product_id: products[i]!.id, qty, reorder_level: level, version: 1, updated_at: new Date() })))
        .execute();
      const live = cases.flatMap(([, , alerts], i) =>
        alerts.map((a) => ({ store_id: store.id, id: uuidv7(), product_id: products[i]!.id, kind: a === 'ack-low' ? ('low' as const) : a, state: a === 'ack-low' ? ('acknowledged' as const) : ('open' as const), qty: 1 })),
      );
      if (live.length) await t.db.db.insertInto('alerts').values(live).execute();
      return store.id;
    };
    const alertsOf = async (storeId: string) =>
      (await t.db.db.selectFrom('alerts').select(['product_id', 'kind', 'state']).where('store_id', '=', storeId).execute())
        .map((a) => `${products.findIndex((p) => p.id === a.product_id)}:${a.kind}:${a.state}`)
        .sort();
    const [viaStatement, viaTransaction] = [await seed(), await seed()];
    const now = new Date();
    const a = await evaluateAlerts(t.db.db, [viaStatement], now, products.map((p) => p.id));
    const b = await evaluateAlerts(t.db.db, [viaTransaction], now);
    expect(await alertsOf(viaStatement)).toEqual(await alertsOf(viaTransaction));
    const summary = (r: typeof a) => ({ raised: r.raised.map((x) => `${products.findIndex((p) => p.id === x.productId)}:${x.kind}:${x.qty}`), closed: r.closed.map((x) => `${products.findIndex((p) => p.id === x.productId)}:${x.kind}`).sort() });
    expect(summary(a)).toEqual(summary(b));
    expect(summary(a)).toEqual({ raised: ['0:out:-2', '4:out:0', '5:low:4'], closed: ['1:low', '1:out', '3:low'] });
    // Idempotent: again, nothing more.
    expect(await evaluateAlerts(t.db.db, [viaStatement], now, products.map((p) => p.id))).toEqual({ raised: [], closed: [] });
  });
});
