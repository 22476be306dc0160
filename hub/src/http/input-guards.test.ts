import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../test/test-db';

/** Issue 13 item 8 (hub side): content types, NUL bytes, made-up tokens, sign-in limits. */
describe('input and authentication guards', () => {
  let t: TestApp;
  let admin: TestUser;
  let store: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ config: { TRUST_PROXY: 'true', AUTH_FAILURES_PER_IP_PER_MINUTE: '5', LOGIN_PER_USER_PER_MINUTE: '3', LOGIN_PER_IP_PER_MINUTE: '8' } });
    admin = await t.makeUser('admin');
    store = await t.makeStore();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('a JSON body sent as text/plain, form data or with no type is refused with 415, and nothing is written', async () => {
    const body = JSON.stringify({ name: 'Sneaky supplier' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const res = await t.call('POST', '/suppliers', admin.token, body, { 'Content-Type': type });
      expect(res.status, type).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const untyped = await t.app.request('/api/v1/suppliers', { method: 'POST', headers: { Authorization: `Bearer ${admin.token}` }, body: new TextEncoder().encode(body) });
    expect(untyped.status).toBe(415);
    const rows = await t.db.db.selectFrom('suppliers').select('id').where('name', '=', 'Sneaky supplier').execute();
    expect(rows).toEqual([]);
    expect((await t.call('POST', '/suppliers', admin.token, body, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('a NUL byte is refused naming the field (body, nested body, query)', async () => {
    const top = await t.call('POST', '/suppliers', admin.token, { name: 'Agro\u0000Traders' });
    expect(top.status).toBe(400);
    expect(top.body.error.message).toBe('name: must not contain NUL characters');
    const nested = await t.call('PATCH', `/stores/${store.id}`, admin.token, { location: 'Road\u0000 1' });
    expect(nested.body.error.message).toBe('location: must not contain NUL characters');
    const q = await t.call('GET', `/products?q=${encodeURIComponent('ri\u0000ce')}`, admin.token);
    expect(q.status).toBe(400);
    expect(q.body.error.message).toBe('query.q: must not contain NUL characters');
  });

  it('made-up tokens are limited per address: 429 after the limit, other addresses unaffected, real tokens from elsewhere fine', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.call('GET', '/stores', `bzu_madeup${i}xxxxxxxxxxxx`, undefined, from('203.0.113.7'))).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const blocked = await t.call('GET', '/stores', 'bzu_madeupyyyyyyyyyyyyy', undefined, from('203.0.113.7'));
    expect(blocked.headers.get('retry-after')).not.toBeNull();
    expect((await t.call('GET', '/stores', 'bzu_madeupzzzzzzzzzzzzz', undefined, from('198.51.100.9'))).status).toBe(401);
    expect((await t.call('GET', '/stores', admin.token, undefined, from('198.51.100.9'))).status).toBe(200);
  });

  it('sign-in attempts are limited per username+address: a guesser elsewhere does not lock the owner out', async () => {
    const owner = await t.makeUser('staff', [store.id]);
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++) guesses.push((await t.call('POST', '/auth/login', null, { username: owner.username, password: `wrong-${i}` }, from('192.0.2.66'))).status);
    expect(guesses).toEqual([401, 401, 401, 429, 429]);
    const real = await t.call('POST', '/auth/login', null, { username: owner.username, password: TEST_PASSWORD }, from('192.0.2.10'));
    expect(real.status).toBe(200);
  });

  it('and per address across usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await t.call('POST', '/auth/login', null, { username: `nobody${i}`, password: 'whatever-pw' }, from('192.0.2.99'))).status);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
  });
});
