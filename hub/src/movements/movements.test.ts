import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';

let t: TestApp;
let store: { id: string };
let product: { id: string };
let staff: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  store = await t.makeStore('MV1');
  product = await t.makeProduct({ sku: 'OIL-1L', reorderLevel: 10 });
  staff = await t.makeUser('staff', [store.id]);
});
afterAll(async () => {
  await t?.close();
});

const sale = (qty = -1) => ({ storeId: store.id, productId: product.id, kind: 'SALE', qty, unitPriceMinor: 15000 });

describe('stock movements', () => {
  it('records a stock-in and answers the movement and the new stock', async () => {
    const res = await t.call('POST', '/stock-movements', staff.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 100, unitCostMinor: 11000 });
    expect(res.status).toBe(201);
    expect(res.body.movement).toMatchObject({ kind: 'IN', qty: 100, userId: staff.id, deviceId: null, status: 'applied' });
    expect(res.body.movement.hlc).toMatch(/-hub$/);
    expect(res.body.stock).toMatchObject({ qty: 100, status: 'ok', reorderLevel: 10 });
  });

  it('applies 50 concurrent sales of one product in one store without losing an update', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => t.call('POST', '/stock-movements', staff.token, sale())));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const row = await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', store.id).where('product_id', '=', product.id).executeTakeFirstOrThrow();
    expect(row.qty).toBe(50);
    const count = await t.db.db.selectFrom('movements').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', store.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(51);
    const audits = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'movement.create').executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(51);
  });

  it('a count resets stock and later sales subtract from it', async () => {
    const count = await t.call('POST', '/stock-movements', staff.token, { storeId: store.id, productId: product.id, kind: 'COUNT', qty: 47 });
    expect(count.status).toBe(201);
    expect(count.body.stock).toMatchObject({ qty: 47, lastCountQty: 47, lastCountVariance: -3 });
    const after = await t.call('POST', '/stock-movements', staff.token, sale(-40));
    expect(after.body.stock).toMatchObject({ qty: 7, status: 'low' });
  });

  it('keeps a sale that drives stock negative and flags it as a conflict', async () => {
    const res = await t.call('POST', '/stock-movements', staff.token, sale(-10));
    expect(res.status).toBe(201);
    expect(res.body.stock).toMatchObject({ qty: -3, status: 'out' });
    const conflicts = await t.db.db.selectFrom('conflicts').selectAll().where('store_id', '=', store.id).where('kind', '=', 'NEGATIVE_STOCK').execute();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.movement_id).toBe(res.body.movement.id);
  });

  it('refuses wrong signs, absurd quantities, unknown fields and unknown products without writing', async () => {
    const before = await t.db.db.selectFrom('movements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const bad = [
      [{ ...sale(), qty: 5 }, 'qty'],
      [{ ...sale(), qty: -1e12 }, 'qty'],
      [{ ...sale(), qty: 1.5 }, 'qty'],
      [{ ...sale(), qty: '1' }, 'qty'],
      [{ ...sale(), kind: 'STEAL' }, 'kind'],
      [{ ...sale(), extra: true }, 'extra'],
      [{ storeId: store.id, productId: product.id, kind: 'REMOVE', qty: -1 }, 'reason'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await t.call('POST', '/stock-movements', staff.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain(field);
    }
    const unknown = await t.call('POST', '/stock-movements', staff.token, { ...sale(), productId: '0190f0f0-0000-7000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('productId');
    const after = await t.db.db.selectFrom('movements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lists with filters and keyset paging, newest first, without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.call('GET', `/stock-movements?storeId=${store.id}&kind=SALE&limit=7${cursor ? `&cursor=${cursor}` : ''}`, staff.token);
      expect(res.status).toBe(200);
      for (const m of res.body.items) {
        expect(m.kind).toBe('SALE');
        expect(seen.has(m.id)).toBe(false);
        seen.add(m.id);
      }
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen.size).toBe(52);
    expect(pages).toBe(8);
    const one = await t.call('GET', `/stock-movements/${[...seen][0]}`, staff.token);
    expect(one.status).toBe(200);
    const bad = await t.call('GET', '/stock-movements?cursor=not-a-cursor!', staff.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CURSOR');
    const wrongShape = await t.call('GET', `/stock-movements?cursor=${Buffer.from('[1]').toString('base64url')}`, staff.token);
    expect(wrongShape.body.error.code).toBe('INVALID_CURSOR');
  });

  it('filters stock by status and answers the summary', async () => {
    const out = await t.call('GET', `/stocks?status=out&storeId=${store.id}`, staff.token);
    expect(out.body.items).toEqual([expect.objectContaining({ productId: product.id, qty: -3, status: 'out', sku: 'OIL-1L', storeCode: 'MV1' })]);
    const ok = await t.call('GET', `/stocks?status=ok&storeId=${store.id}`, staff.token);
    expect(ok.body.items).toEqual([]);
    const summary = await t.call('GET', '/stocks/summary', staff.token);
    expect(summary.body.items).toEqual([expect.objectContaining({ productId: product.id, totalQty: -3, stores: 1, outStores: 1, lowStores: 0 })]);
  });
});

describe('stock filters', () => {
  it('filters the stock list and the summary by the region of the store', async () => {
    const admin = await t.makeUser('admin', []);
    const [north, south] = [await t.makeStore('RG-N'), await t.makeStore('RG-S')];
    await t.db.db.updateTable('stores').set({ region: 'North' }).where('id', '=', north.id).execute();
    await t.db.db.updateTable('stores').set({ region: 'South' }).where('id', '=', south.id).execute();
    const item = await t.makeProduct({ sku: 'RG-DAL' });
    for (const [s, qty] of [[north, 7], [south, 11]] as const) {
      expect((await t.call('POST', '/stock-movements', admin.token, { storeId: s.id, productId: item.id, kind: 'IN', qty })).status).toBe(201);
    }
    const list = await t.call('GET', `/stocks?region=North&productId=${item.id}`, admin.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { storeId: string; qty: number }) => [r.storeId, r.qty])).toEqual([[north.id, 7]]);
    const summary = await t.call('GET', `/stocks/summary?region=South&productId=${item.id}`, admin.token);
    expect(summary.body.items).toMatchObject([{ productId: item.id, totalQty: 11, stores: 1 }]);
    const none = await t.call('GET', `/stocks?region=West&productId=${item.id}`, admin.token);
    expect(none.body.items).toEqual([]);
  });
});
