import fc from 'fast-check';
import { mergeStock, uuidv7 } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-db';
import { applyMovements, type MovementInput } from './stock.apply';
import { movementInput, movementSpecArb } from './stock.apply.test-kit';

/**
 * README: "every other implementation (the hub's SQL …) is tested against [mergeStock]" over
 * thousands of generated histories. Each run here is HISTORIES independent store histories,
 * each shuffled (arrival order unrelated to clock order) and cut into random batches; round r
 * applies the r-th batch of every history in one applyMovements call (as concurrent pushes of
 * many stores land), then a replay of some batches. Every (store, product) stock row must equal
 * mergeStock over that store's movements.
 */
const RUNS = 100;
const HISTORIES = 20;
const MAX_MOVEMENTS = 40;
const PRODUCTS = 3;

const specArb = movementSpecArb({ products: PRODUCTS, nodes: ['a', 'b', 'c'], walls: 20 });
const historyArb = fc.record({
  specs: fc.array(specArb, { minLength: 1, maxLength: MAX_MOVEMENTS }),
  // Arrival order: a permutation drawn independently of the clocks.
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: MAX_MOVEMENTS, maxLength: MAX_MOVEMENTS }),
  sizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
  replay: fc.array(fc.nat(), { maxLength: 3 }),
});

let t: TestApp;
let productIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  productIds = [];
  for (let i = 0; i < PRODUCTS; i++) productIds.push((await t.makeProduct({ sku: `PROP-${i}-${uuidv7().slice(-8)}` })).id);
});
afterAll(async () => {
  await t?.close();
});

describe(`applyMovements against mergeStock: ${RUNS} runs × ${HISTORIES} store histories of up to ${MAX_MOVEMENTS} movements`, () => {
  it('any arrival order, any batching (batches of many stores at once), any replay', async () => {
    let histories = 0;
    let outOfOrder = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(historyArb, { minLength: HISTORIES, maxLength: HISTORIES }), async (runs) => {
        const stores = runs.map(() => ({ id: uuidv7(), code: `PP${uuidv7().slice(-12)}` }));
        await t.db.db
          .insertInto('stores')
          .values(stores.map((s) => ({ id: s.id, code: s.code, name: `Store ${s.code}`, region: null, location: null, updated_at: new Date() })))
          .execute();
        const all: MovementInput[][] = [];
        const rounds: MovementInput[][] = [];
        runs.forEach((h, i) => {
          const storeId = stores[i]!.id;
          const movements = h.specs.map((s) => movementInput(storeId, productIds, s));
          all.push(movements);
          const arrival = movements.map((m, k) => ({ m, key: h.order[k]! })).sort((a, b) => a.key - b.key).map((x) => x.m);
          if (arrival.some((m, k) => k > 0 && m.hlc < arrival[k - 1]!.hlc)) outOfOrder++;
          const batches: MovementInput[][] = [];
          for (let at = 0, k = 0; at < arrival.length; k++) {
            const size = h.sizes[k % h.sizes.length]!;
            batches.push(arrival.slice(at, at + size));
            at += size;
          }
          // Replays: a device resending a batch it never heard back about.
          for (const r of h.replay) batches.push(batches[r % batches.length]!);
          batches.forEach((b, r) => (rounds[r] ??= []).push(...b));
        });
        for (const round of rounds) await t.db.db.transaction().execute((trx) => applyMovements(trx, round));

        const rows = await t.db.db
          .selectFrom('stock')
          .select(['store_id', 'product_id', 'qty', 'last_count_movement_id', 'last_count_hlc', 'last_count_qty', 'last_count_variance'])
          .where(
            'store_id',
            'in',
            stores.map((s) => s.id),
          )
          .execute();
        const got = new Map(rows.map((r) => [`${r.store_id}/${r.product_id}`, r]));
        all.forEach((movements, i) => {
          histories++;
          for (const productId of productIds) {
            const mine = movements.filter((m) => m.productId === productId);
            const row = got.get(`${stores[i]!.id}/${productId}`);
            if (mine.length === 0) {
              expect(row).toBeUndefined();
              continue;
            }
            const e = mergeStock(mine);
            expect({
              qty: Number(row?.qty),
              lastCountId: row?.last_count_movement_id ?? null,
              lastCountHlc: row?.last_count_hlc ?? null,
              lastCountQty: row?.last_count_qty == null ? null : Number(row.last_count_qty),
              variance: row?.last_count_variance == null ? null : Number(row.last_count_variance),
            }).toEqual({ qty: e.qty, lastCountId: e.lastCount?.id ?? null, lastCountHlc: e.lastCount?.hlc ?? null, lastCountQty: e.lastCount?.qty ?? null, variance: e.variance });
          }
        });
      }),
      { numRuns: RUNS },
    );
    // The numbers the README states, and proof the generator really delivers out of clock order.
    expect(histories).toBeGreaterThanOrEqual(RUNS * HISTORIES);
    expect(outOfOrder).toBeGreaterThan(histories / 2);
  });
});
