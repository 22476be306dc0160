import fc from 'fast-check';
import { stockCountsPageSchema } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

/** What store_stock_counts must say, counted from scratch. */
async function recount(storeIds: string[]) {
  const { rows } = await sql<{ store_id: string; products: number; low: number; out: number; never_stocked: number }>`
    SELECT s.id AS store_id, count(k.product_id)::int AS products,
      (count(k.product_id) FILTER (WHERE k.qty > 0 AND k.qty <= k.reorder_level))::int AS low,
      (count(k.product_id) FILTER (WHERE k.qty <= 0))::int AS out,
      (SELECT count(*) FROM products p WHERE NOT p.archived AND NOT EXISTS (SELECT 1 FROM stock x WHERE x.store_id = s.id AND x.product_id = p.id))::int AS never_stocked
    FROM stores s LEFT JOIN stock k ON k.store_id = s.id
    WHERE s.id = ANY(${storeIds}::uuid[])
    GROUP BY s.id`.execute(t.db.db);
  return Object.fromEntries(rows.map((r) => [r.store_id, { products: r.products, low: r.low, out: r.out, neverStocked: r.never_stocked }]));
}

async function countsOf(token: string, query = '') {
  const res = await t.call('GET', `/stocks/counts${query}`, token);
  expect(res.status).toBe(200);
  return stockCountsPageSchema.parse(res.body);
}

type Op =
  | { op: 'move'; store: number; product: number; kind: 'IN' | 'SALE' | 'REMOVE' | 'COUNT'; qty: number }
  | { op: 'reorder'; product: number; level: number }
  | { op: 'archive'; product: number; archived: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      store: fc.integer({ min: 0, max: 1 }),
      product: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('IN' as const, 'SALE' as const, 'REMOVE' as const, 'COUNT' as const),
      qty: fc.integer({ min: 1, max: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reorder' as const), product: fc.integer({ min: 0, max: 2 }), level: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('archive' as const), product: fc.integer({ min: 0, max: 2 }), archived: fc.boolean() }) },
);

describe('store stock counts (GET /stocks/counts)', () => {
  it('equal a recount of the stock table after any mix of movements, reorder-level changes and archiving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const stores = [await t.makeStore(`C${crypto.randomUUID().slice(0, 8)}`), await t.makeStore(`C${crypto.randomUUID().slice(0, 8)}`)];
        const products = [await t.makeProduct({ reorderLevel: 3 }), await t.makeProduct({ reorderLevel: 0 }), await t.makeProduct({ reorderLevel: 5 })];
        const archived = [false, false, false];
        for (const o of ops) {
          let res;
          if (o.op === 'move') {
            const qty = o.kind === 'SALE' || o.kind === 'REMOVE' ? -o.qty : o.kind === 'COUNT' ? o.qty - 1 : o.qty;
            res = await t.call('POST', '/stock-movements', admin.token, {
              storeId: stores[o.store]!.id,
              productId: products[o.product]!.id,
              kind: o.kind,
              qty,
              ...(o.kind === 'REMOVE' ? { reason: 'damage' } : {}),
            });
            // Movements of an archived product are refused without writing anything.
            expect(res.status).toBe(archived[o.product] ? 422 : 201);
          } else if (o.op === 'reorder') {
            res = await t.call('PATCH', `/products/${products[o.product]!.id}`, admin.token, { reorderLevel: o.level });
            expect(res.status).toBe(200);
          } else {
            res = await t.call('PATCH', `/products/${products[o.product]!.id}`, admin.token, { archived: o.archived });
            expect(res.status).toBe(200);
            archived[o.product] = o.archived;
          }
        }
        const ids = stores.map((s) => s.id);
        const expected = await recount(ids);
        for (const id of ids) {
          const page = await countsOf(admin.token, `?storeId=${id}`);
          expect(page.items).toHaveLength(1);
          const { products: n, low, out, neverStocked } = page.items[0]!;
          expect({ products: n, low, out, neverStocked }).toEqual(expected[id]);
          expect(page.totals).toMatchObject({ stores: 1, products: n, low, out, neverStocked, storesNeedingStock: low + out + neverStocked > 0 ? 1 : 0 });
          // The stock list filtered by status (where the overview cards lead) shows exactly the rows counted.
          const lowRows = await t.call('GET', `/stocks?storeId=${id}&status=low&limit=500`, admin.token);
          const outRows = await t.call('GET', `/stocks?storeId=${id}&status=out&limit=500`, admin.token);
          expect([lowRows.body.items.length, outRows.body.items.length]).toEqual([low, out]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('stay exact under concurrent pushes to several stores while a product is archived and restored', async () => {
    // Several rounds of fresh stores and products: first stock rows racing an archive are the hard case.
    for (let attempt = 0; attempt < 4; attempt++) await concurrentRound();
  });

  async function concurrentRound() {
    const stores = await Promise.all(['K1', 'K2', 'K3'].map((code) => t.makeStore(`${code}-${crypto.randomUUID().slice(0, 6)}`)));
    const products = await Promise.all([1, 2, 3, 4].map(() => t.makeProduct({ reorderLevel: 4 })));
    const writes: Promise<{ status: number }>[] = [];
    for (let round = 0; round < 6; round++) {
      for (const [si, store] of stores.entries()) {
        for (const [pi, product] of products.entries()) {
          const kind = (round + si + pi) % 3 === 0 ? 'IN' : 'SALE';
          writes.push(t.call('POST', '/stock-movements', admin.token, { storeId: store.id, productId: product.id, kind, qty: kind === 'IN' ? 3 : -2 }));
        }
      }
      writes.push(t.call('PATCH', `/products/${products[round % 4]!.id}`, admin.token, { archived: round % 2 === 0 }));
    }
    // 422: a movement that reached its product while archived; never a deadlock (503) or a 500.
    const statuses = (await Promise.all(writes)).map((r) => r.status);
    expect(statuses.filter((s) => ![200, 201, 422].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    const ids = stores.map((s) => s.id);
    const expected = await recount(ids);
    const page = await countsOf(admin.token);
    for (const id of ids) {
      const item = page.items.find((i) => i.storeId === id)!;
      expect({ products: item.products, low: item.low, out: item.out, neverStocked: item.neverStocked }).toEqual(expected[id]);
    }
  }

  it('answers only the stores the caller may see, pages by store code and filters', async () => {
    const a = await t.makeStore('ZZ-SCOPE-A');
    const b = await t.makeStore('ZZ-SCOPE-B');
    const product = await t.makeProduct({ reorderLevel: 10 });
    expect((await t.call('POST', '/stock-movements', admin.token, { storeId: a.id, productId: product.id, kind: 'IN', qty: 4 })).status).toBe(201);
    const manager = await t.makeUser('manager', [b.id]);
    const staff = await t.makeUser('staff', []);

    const mine = await countsOf(manager.token);
    expect(mine.items.map((i) => i.storeCode)).toEqual(['ZZ-SCOPE-B']);
    // B carries every active product and holds none of them: each one is out of stock there, never stocked.
    const active = Number((await t.db.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).where('archived', '=', false).executeTakeFirstOrThrow()).n);
    expect(mine.items[0]).toMatchObject({ products: 0, low: 0, out: 0, neverStocked: active });
    expect(mine.totals).toEqual({ stores: 1, products: 0, low: 0, out: 0, neverStocked: active, storesNeedingStock: 1 });
    expect((await countsOf(staff.token)).items).toEqual([]);

    const needing = await countsOf(admin.token, '?needsStock=true');
    expect(needing.items.map((i) => i.storeCode)).toContain('ZZ-SCOPE-A');
    expect(needing.items.map((i) => i.storeCode)).toContain('ZZ-SCOPE-B');
    expect(needing.items.every((i) => i.low + i.out + i.neverStocked > 0)).toBe(true);
    const fine = await countsOf(admin.token, '?needsStock=false');
    expect(fine.items.every((i) => i.low + i.out + i.neverStocked === 0)).toBe(true);

    // Keyset pages by store code walk every store exactly once.
    const all = await countsOf(admin.token, '?limit=5000');
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: { storeCode: string }[]; nextCursor: string | null } = await countsOf(admin.token, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.storeCode));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.storeCode));
    expect(all.totals.stores).toBe(all.items.length);

    expect((await t.call('GET', '/stocks/counts?limit=0', admin.token)).status).toBe(400);
    expect((await t.call('GET', '/stocks/counts?cursor=nope', admin.token)).status).toBe(400);
    expect((await t.call('GET', '/stocks/counts?bogus=1', admin.token)).status).toBe(400);
    expect((await t.call('GET', '/stocks/counts', null)).status).toBe(401);
  });
});
