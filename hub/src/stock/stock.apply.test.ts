import fc from 'fast-check';
import { mergeStock, uuidv7, type MovementKind } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-db';
import { applyMovements, type MovementInput } from './stock.apply';
import { movementInput, movementSpecArb } from './stock.apply.test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const movementArb = movementSpecArb({ products: 2, nodes: ['a', 'b'], walls: 8 });
const toInput = movementInput;

describe('applyMovements', () => {
  it('equals mergeStock for random histories in any batch split, order and replay', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(movementArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 25 }),
        fc.integer(),
        fc.boolean(),
        async (specs, splits, seed, replay) => {
          const store = await t.makeStore(`P${uuidv7().slice(-12)}`);
          const products = [await t.makeProduct({ sku: `A-${uuidv7()}` }), await t.makeProduct({ sku: `B-${uuidv7()}` })];
          const movements = specs.map((s) => toInput(store.id, products.map((p) => p.id), s));
          // Shuffle deterministically from the seed, then cut into batches.
          const shuffled = [...movements];
          let x = seed >>> 0 || 1;
          for (let i = shuffled.length - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) >>> 0;
            const j = x % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const batches: MovementInput[][] = [];
          let at = 0;
          for (let k = 0; at < shuffled.length; k++) {
            const size = splits[k % splits.length]!;
            batches.push(shuffled.slice(at, at + size));
            at += size;
          }
          if (replay) batches.push(shuffled.slice(0, Math.ceil(shuffled.length / 2)));
          for (const batch of batches) {
            await t.db.db.transaction().execute((trx) => applyMovements(trx, batch));
          }

          for (const product of products) {
            const expected = mergeStock(movements.filter((m) => m.productId === product.id));
            const row = await t.db.db
              .selectFrom('stock')
              .selectAll()
              .where('store_id', '=', store.id)
              .where('product_id', '=', product.id)
              .executeTakeFirst();
            if (expected.movements === 0) {
              expect(row).toBeUndefined();
              continue;
            }
            expect({
              qty: row?.qty,
              lastCountId: row?.last_count_movement_id,
              lastCountHlc: row?.last_count_hlc,
              lastCountQty: row?.last_count_qty,
              variance: row?.last_count_variance,
            }).toEqual({
              qty: expected.qty,
              lastCountId: expected.lastCount?.id ?? null,
              lastCountHlc: expected.lastCount?.hlc ?? null,
              lastCountQty: expected.lastCount?.qty ?? null,
              variance: expected.variance,
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stores each movement once and reports which ones were new', async () => {
    const store = await t.makeStore('DUPES');
    const product = await t.makeProduct();
    const m = toInput(store.id, [product.id], { product: 0, kind: 'IN', magnitude: 7, wall: 1_700_000_000_000, counter: 0, node: 'a' });
    const first = await t.db.db.transaction().execute((trx) => applyMovements(trx, [m, m]));
    expect(first.inserted.map((r) => r.id)).toEqual([m.id]);
    expect(first.stock).toMatchObject([{ qty: 7, prevQty: 0 }]);
    const again = await t.db.db.transaction().execute((trx) => applyMovements(trx, [m]));
    expect(again).toEqual({ inserted: [], stock: [] });
  });

  it('keeps rejected movements without touching stock', async () => {
    const store = await t.makeStore('REJ');
    const product = await t.makeProduct();
    const m = {
      ...toInput(store.id, [product.id], { product: 0, kind: 'IN', magnitude: 3, wall: 1_700_000_000_000, counter: 0, node: 'a' }),
      status: 'rejected' as const,
      rejectReason: 'unknown product',
    };
    const res = await t.db.db.transaction().execute((trx) => applyMovements(trx, [m]));
    expect(res.inserted).toEqual([{ id: m.id, storeId: store.id, productId: product.id, status: 'rejected' }]);
    expect(res.stock).toEqual([]);
  });

  it('reports each touched row once per batch with its previous qty, ignoring rejected movements of the batch', async () => {
    const store = await t.makeStore('MIX');
    const products = [await t.makeProduct(), await t.makeProduct()];
    const ids = products.map((p) => p.id);
    const at = (product: number, kind: MovementKind, magnitude: number, wall: number) =>
      toInput(store.id, ids, { product, kind, magnitude, wall: 1_700_000_000_000 + wall, counter: 0, node: 'a' });
    const count = at(0, 'COUNT', 11, 5); // counted 10
    await t.db.db.transaction().execute((trx) => applyMovements(trx, [at(0, 'IN', 4, 1), count, at(1, 'IN', 2, 1)]));
    const batch = [
      at(0, 'IN', 3, 6),
      at(0, 'SALE', 2, 7),
      at(0, 'IN', 5, 2), // lands before the count: absorbed into its variance
      { ...at(0, 'IN', 40, 8), status: 'rejected' as const, rejectReason: 'test' },
      at(1, 'SALE', 1, 2),
      { ...at(1, 'IN', 40, 3), status: 'rejected' as const, rejectReason: 'test' },
    ];
    const res = await t.db.db.transaction().execute((trx) => applyMovements(trx, batch));
    const stored = await t.db.db.selectFrom('stock').selectAll().where('store_id', '=', store.id).execute();
    expect(res.stock).toHaveLength(2);
    for (const change of res.stock) {
      const row = stored.find((r) => r.product_id === change.productId)!;
      expect(change).toMatchObject({ qty: Number(row.qty), lastCountVariance: row.last_count_variance === null ? null : Number(row.last_count_variance) });
    }
    const byProduct = new Map(res.stock.map((c) => [c.productId, c]));
    expect(byProduct.get(ids[0]!)).toMatchObject({ prevQty: 10, qty: 11, lastCountMovementId: count.id, lastCountQty: 10, lastCountVariance: 1 });
    expect(byProduct.get(ids[1]!)).toMatchObject({ prevQty: 2, qty: 1, lastCountMovementId: null, lastCountVariance: null });
  });
});
