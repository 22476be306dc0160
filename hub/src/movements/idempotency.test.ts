import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-db';

describe('POST /stock-movements with Idempotency-Key', () => {
  let t: TestApp;
  let store: { id: string };
  let product: { id: string };
  let admin: Awaited<ReturnType<TestApp['makeUser']>>;

  beforeAll(async () => {
    t = await createTestApp();
    store = await t.makeStore();
    product = await t.makeProduct();
    admin = await t.makeUser('admin');
  });
  afterAll(() => t.close());

  const count = async () =>
    Number((await t.db.db.selectFrom('movements').select((eb) => eb.fn.countAll().as('n')).where('product_id', '=', product.id).executeTakeFirstOrThrow()).n);
  const stockQty = async () =>
    (await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', store.id).where('product_id', '=', product.id).executeTakeFirst())?.qty ?? 0;
  const post = (token: string, body: object, key?: string) =>
    t.call('POST', '/stock-movements', token, body, key === undefined ? {} : { 'Idempotency-Key': key });

  it('answers a retry with the first answer and records nothing new', async () => {
    const body = { storeId: store.id, productId: product.id, kind: 'IN', qty: 5 };
    const first = await post(admin.token, body, 'submit-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const before = await count();
    const retry = await post(admin.token, body, 'submit-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count()).toBe(before);
    expect(await stockQty()).toBe(5);
    const audits = await t.db.db.selectFrom('audit_log').select('id').where('entity_id', '=', first.body.movement.id).execute();
    expect(audits).toHaveLength(1);
  });

  it('refuses the same key with a different body (422) and records nothing', async () => {
    const before = await count();
    const other = await post(admin.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 6 }, 'submit-1');
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    expect(await count()).toBe(before);
  });

  it('scopes keys to the principal: another user may use the same key', async () => {
    const other = await t.makeUser('admin');
    const before = await count();
    const res = await post(other.token, { storeId: store.id, productId: product.id, kind: 'IN', qty: 5 }, 'submit-1');
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(await count()).toBe(before + 1);
  });

  it('records one movement for concurrent requests with one key, all answered alike', async () => {
    const before = await count();
    const body = { storeId: store.id, productId: product.id, kind: 'SALE', qty: -1 };
    const answers = await Promise.all([...Array(5)].map(() => post(admin.token, body, 'double-click')));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.movement.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect(await count()).toBe(before + 1);
  });

  it('without a key every request records (unchanged), and a malformed key is a 400', async () => {
    const before = await count();
    const body = { storeId: store.id, productId: product.id, kind: 'IN', qty: 1 };
    expect((await post(admin.token, body)).status).toBe(201);
    expect((await post(admin.token, body)).status).toBe(201);
    expect(await count()).toBe(before + 2);
    const bad = await post(admin.token, body, 'has space');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Idempotency-Key/);
    expect(await count()).toBe(before + 2);
  });

  it('does not keep the key of a request that failed: the retry runs', async () => {
    const archived = await t.makeProduct();
    await t.db.db.updateTable('products').set({ archived: true }).where('id', '=', archived.id).execute();
    const body = { storeId: store.id, productId: archived.id, kind: 'IN', qty: 2 };
    expect((await post(admin.token, body, 'will-fail')).status).toBe(422);
    await t.db.db.updateTable('products').set({ archived: false }).where('id', '=', archived.id).execute();
    const retry = await post(admin.token, body, 'will-fail');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    expect(doc.paths['/stock-movements']!.post!.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
  });
});
