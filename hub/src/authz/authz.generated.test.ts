import { formatHlc, uuidv7 } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../auth/tokens';
import { createPlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { TEST_PASSWORD, type TestUser } from '../test/test-db';
import { allows, PRINCIPALS, ROUTE_POLICY, STORE_A_ONLY, UNRECOGNISED, type PrincipalName } from './authz.policy';

/**
 * Issue 13: the authorization matrix generated from the app's own route table. Every route ×
 * every principal, targets in store B, each call twice in a row and the principals in both
 * orders (a cache that answered before the role check would show up as a 2xx on the second
 * call or in the other order). Fails on a route without a policy, on any 2xx the policy
 * refuses, on any 5xx, and on any trace of store B in an answer to someone of store A.
 */
let t: PlatformTestApp;
const f = {} as {
  A: { id: string; code: string };
  B: { id: string; code: string };
  product: { id: string };
  supplierId: string;
  users: Record<'staffA' | 'managerA' | 'managerAB' | 'admin' | 'loggedOut' | 'deactivated' | 'staffB', TestUser>;
  tokens: Record<PrincipalName, string | null>;
  deviceA: { id: string; token: string };
  deviceB: { id: string; token: string };
  movementB: string;
  conflictB: string;
  exportB: string;
  purchaseOrderB: string;
  C: { id: string; code: string };
  transferB: string;
  shiftB: string;
  customerB: string;
};
const SECRET_B = 'secret note of BRAVO';

async function enroll(storeId: string) {
  const r = await t.call('POST', '/devices', f.users.admin.token, { storeId, name: `Counter ${uuidv7().slice(-6)}` });
  if (r.status !== 201) throw new Error(`enroll: ${r.status} ${r.text}`);
  return { id: r.body.device.id as string, token: r.body.token as string, node: r.body.device.node as string };
}

/** A second token of the same user, for calls that end their session (logout). */
async function freshToken(user: TestUser): Promise<string> {
  const token = generateToken('user');
  await t.db.db
    .insertInto('api_tokens')
    .values({ id: uuidv7(), kind: 'user', user_id: user.id, device_id: null, token_hash: hashToken(token), expires_at: new Date(Date.now() + 3600_000) })
    .execute();
  return token;
}

beforeAll(async () => {
  t = await createPlatformTestApp({ config: { LOGIN_PER_IP_PER_MINUTE: '100000', LOGIN_PER_USER_PER_MINUTE: '100000' } });
  f.A = await t.makeStore('ALPHASTORE');
  f.B = await t.makeStore('BRAVOSTORE');
  f.product = await t.makeProduct({ sku: 'AUTHZ-RICE' });
  const admin = await t.makeUser('admin');
  f.users = {
    admin,
    staffA: await t.makeUser('staff', [f.A.id]),
    managerA: await t.makeUser('manager', [f.A.id]),
    managerAB: await t.makeUser('manager', [f.A.id, f.B.id]),
    loggedOut: await t.makeUser('manager', [f.A.id]),
    deactivated: await t.makeUser('staff', [f.A.id]),
    staffB: await t.makeUser('staff', [f.B.id], { username: 'bravo-clerk' }),
  };
  expect((await t.call('POST', '/auth/logout', f.users.loggedOut.token)).status).toBe(204);
  expect((await t.call('DELETE', `/users/${f.users.deactivated.id}`, admin.token)).status).toBe(204);
  f.supplierId = (await t.call('POST', '/suppliers', admin.token, { name: 'Authz Traders' })).body.id;
  const mv = await t.call('POST', '/stock-movements', admin.token, { storeId: f.B.id, productId: f.product.id, kind: 'IN', qty: 7, note: SECRET_B });
  f.movementB = mv.body.movement.id;
  await t.call('POST', '/stock-movements', admin.token, { storeId: f.A.id, productId: f.product.id, kind: 'IN', qty: 3, note: 'note of A' });
  f.deviceA = await enroll(f.A.id);
  const devB = await enroll(f.B.id);
  f.deviceB = devB;
  const revoked = await enroll(f.A.id);
  expect((await t.call('DELETE', `/devices/${revoked.id}`, admin.token)).status).toBeLessThan(300);
  // A conflict in B: a pushed movement for a product the hub does not know.
  const push = await t.call('POST', '/sync/push', devB.token, {
    movements: [{ id: uuidv7(), seq: 1, hlc: formatHlc({ wall: Date.now(), counter: 0, node: devB.node }), kind: 'IN', productId: uuidv7(), qty: 1, occurredAt: new Date().toISOString() }],
  });
  expect(push.status).toBe(200);
  // A shift of B's counter, opened and closed.
  const at = new Date().toISOString();
  f.shiftB = uuidv7();
  const shift = { shiftId: f.shiftB, storeCode: f.B.code, counterCode: 'C1', status: 'closed', openedAt: at, openedBy: 'bravo-clerk', closedAt: at, closedBy: 'bravo-clerk', floatMinor: 1000, saleBills: 0, returnBills: 0, salesMinor: 0, returnsMinor: 0, discountsMinor: 0, roundingMinor: 0, voids: { count: 0, totalMinor: 0 }, byMethod: [], cashExpectedMinor: 1000, counted: [], countedMinor: 1000, varianceMinor: 0 };
  expect((await t.call('POST', '/sync/push', devB.token, { movements: [], shifts: [shift] })).status).toBe(200);
  // A customer of B with a credit sale on their account (issue 20).
  f.customerB = uuidv7();
  const customerB = { id: f.customerB, storeId: f.B.id, name: 'Bravo Customer', phone: '03001112222', address: null, note: SECRET_B, creditLimitMinor: null, deviceId: devB.id, createdAt: at, updatedAt: at };
  const entryB = { id: uuidv7(), storeId: f.B.id, customerId: f.customerB, deviceId: devB.id, entrySeq: 1, occurredAt: at, by: { id: null, name: 'bravo-clerk' }, note: null, kind: 'credit_sale', amountMinor: 1234, billId: uuidv7(), billNumber: 'B-C1-000001', dueOn: null, approvedBy: null };
  expect((await t.call('POST', '/sync/push', devB.token, { movements: [], customers: [customerB], creditEntries: [entryB] })).status).toBe(200);
  f.conflictB = (await t.db.db.selectFrom('conflicts').select('id').where('store_id', '=', f.B.id).executeTakeFirstOrThrow()).id;
  f.exportB = (await t.call('POST', '/exports', admin.token, { kind: 'stock', storeId: f.B.id })).body.id;
  f.purchaseOrderB = (await t.call('POST', '/purchase-orders', admin.token, { storeId: f.B.id, supplierId: f.supplierId, lines: [{ productId: f.product.id, orderedQty: 5 }] })).body.id;
  // A transfer between B and a third store: nobody of A only may see it.
  f.C = await t.makeStore('CHARLIESTORE');
  f.transferB = (await t.call('POST', '/transfers', admin.token, { fromStoreId: f.B.id, toStoreId: f.C.id, lines: [{ productId: f.product.id, qty: 1 }] })).body.id;
  expect((await t.call('PUT', `/alerts/webhooks/${f.B.id}`, admin.token, { url: 'https://hooks.example.com/bravo' })).status).toBe(200);
  f.tokens = {
    anonymous: null,
    malformed: 'not a bearer token at all',
    loggedOut: f.users.loggedOut.token,
    deactivated: f.users.deactivated.token,
    staffA: f.users.staffA.token,
    managerA: f.users.managerA.token,
    managerAB: f.users.managerAB.token,
    admin: admin.token,
    deviceA: f.deviceA.token,
    revokedDevice: revoked.token,
  };
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Path parameters: store B's (or a fresh target in B for calls that destroy it). */
async function fillPath(method: string, pattern: string): Promise<string> {
  const admin = f.users.admin.token;
  const fresh: Record<string, () => Promise<string>> = {
    'DELETE /api/v1/stores/:id': async () => (await t.makeStore()).id,
    'DELETE /api/v1/users/:id': async () => (await t.makeUser('staff', [f.B.id])).id,
    'DELETE /api/v1/devices/:id': async () => (await enroll(f.B.id)).id,
    'DELETE /api/v1/products/:id': async () => (await t.makeProduct()).id,
    'DELETE /api/v1/suppliers/:id': async () => (await t.call('POST', '/suppliers', admin, { name: `Gone ${uuidv7().slice(-6)}` })).body.id,
  };
  const key = `${method} ${pattern}`;
  const id = fresh[key]
    ? await fresh[key]()
    : pattern.startsWith('/api/v1/users/')
      ? f.users.staffB.id
      : pattern.startsWith('/api/v1/stores/') || pattern.startsWith('/api/v1/alerts/webhooks/')
        ? f.B.id
        : pattern.startsWith('/api/v1/products/')
          ? f.product.id
          : pattern.startsWith('/api/v1/suppliers/')
            ? f.supplierId
            : pattern.startsWith('/api/v1/stock-movements/')
              ? f.movementB
              : pattern.startsWith('/api/v1/devices/')
                ? f.deviceB.id
                : pattern.startsWith('/api/v1/conflicts/')
                  ? f.conflictB
                  : pattern.startsWith('/api/v1/exports/')
                    ? f.exportB
                    : pattern.startsWith('/api/v1/transfers/')
                      ? f.transferB
                      : pattern.startsWith('/api/v1/shifts/')
                        ? f.shiftB
                        : pattern.startsWith('/api/v1/customers/')
                          ? f.customerB
                          : uuidv7();
  return pattern.replace(/:[A-Za-z]+/g, id);
}

/** Request bodies that aim at store B (valid, so that only authorization can refuse them). */
function bodyFor(key: string): unknown {
  const B = f.B.id;
  const bodies: Record<string, () => unknown> = {
    // Public: authorization is not in question; answered before any password hashing (scrypt per call made this file slow).
    'POST /api/v1/auth/register': () => ({ username: 'authz-newcomer', name: 'New', password: 'short' }),
    'POST /api/v1/auth/login': () => ({ username: 'x', password: TEST_PASSWORD }),
    'POST /api/v1/users': () => ({ username: `u${uuidv7().slice(-8)}`, name: 'Clerk of B', password: 'a-long-password', role: 'staff', storeIds: [B] }),
    'PATCH /api/v1/users/:id': () => ({ name: 'Renamed clerk' }),
    'POST /api/v1/stores': () => ({ code: `N${uuidv7().slice(-8)}`, name: 'New store' }),
    'PUT /api/v1/stores/:id': () => ({ code: f.B.code, name: 'Store BRAVOSTORE' }),
    'PATCH /api/v1/stores/:id': () => ({ location: 'Main road' }),
    'POST /api/v1/suppliers': () => ({ name: 'Another supplier' }),
    'PUT /api/v1/suppliers/:id': () => ({ name: 'Authz Traders' }),
    'PATCH /api/v1/suppliers/:id': () => ({ phone: '12345' }),
    'POST /api/v1/products': () => ({ sku: `SKU-${uuidv7().slice(-8)}`, name: 'Dal', unit: 'g', priceMinor: 100 }),
    'PUT /api/v1/products/:id': () => ({ sku: 'AUTHZ-RICE', name: 'Rice', unit: 'pc', priceMinor: 1000 }),
    'PATCH /api/v1/products/:id': () => ({ priceMinor: 1000 }),
    'POST /api/v1/stock-movements': () => ({ storeId: B, productId: f.product.id, kind: 'IN', qty: 1 }),
    'POST /api/v1/logs/verify/runs': () => ({}),
    'POST /api/v1/sync/push': () => ({ movements: [] }),
    'POST /api/v1/devices': () => ({ storeId: B, name: 'Sneaky counter' }),
    'POST /api/v1/conflicts/:id/resolve': () => ({ note: 'looked at it' }),
    'POST /api/v1/conflicts/bulk-resolve': () => ({ note: 'all of B looked at', storeId: B }),
    'POST /api/v1/alerts/:id/acknowledge': () => ({}),
    'PUT /api/v1/alerts/webhooks/:storeId': () => ({ url: 'https://hooks.example.com/bravo' }),
    'POST /api/v1/exports': () => ({ kind: 'stock', storeId: B }),
    'POST /api/v1/purchase-orders': () => ({ storeId: B, supplierId: f.supplierId, lines: [{ productId: f.product.id, orderedQty: 2 }] }),
    'POST /api/v1/purchase-orders/from-suggestions': () => ({ storeId: B }),
    'PUT /api/v1/purchase-terms/suppliers/:id': () => ({ leadTimeDays: 2, reviewDays: 7, safetyDays: 1 }),
    'PUT /api/v1/purchase-terms/products/:id': () => ({ packQty: 6 }),
    'POST /api/v1/transfers': () => ({ fromStoreId: B, toStoreId: f.C.id, lines: [{ productId: f.product.id, qty: 1 }] }),
    // Invalid on purpose: an admin gets 400 instead of a generated world.
    'POST /api/v1/dev/generate-dummy-data': () => ({ stores: 0 }),
  };
  return bodies[key]?.();
}

interface Answer {
  status: number;
  text: string;
}

async function send(method: string, path: string, token: string | null, body: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = token.startsWith('bz') ? `Bearer ${token}` : token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await t.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    // A live stream: its status and first event are the answer; then hang up.
    const reader = res.body!.getReader();
    const first = await reader.read();
    await reader.cancel();
    return { status: res.status, text: first.value ? new TextDecoder().decode(first.value) : '' };
  }
  return { status: res.status, text: await res.text() };
}

const bTraces = () => [f.B.id, f.B.code, f.movementB, f.users.staffB.username, f.deviceB.id, f.conflictB, SECRET_B];

describe('authorization generated from the route table', () => {
  it('every route × every principal, twice in a row, in both orders', async () => {
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path}`))];
    expect(routes.length).toBeGreaterThan(50);
    const unknown = routes.filter((r) => !ROUTE_POLICY[r]);
    expect(unknown, 'routes without a declared policy').toEqual([]);
    const stale = Object.keys(ROUTE_POLICY).filter((r) => !routes.includes(r));
    expect(stale, 'policy entries for routes that do not exist').toEqual([]);

    const violations: string[] = [];
    let requests = 0;
    let fiveHundreds = 0;
    let leaks = 0;
    const order = [...PRINCIPALS, ...[...PRINCIPALS].reverse()];
    for (const key of routes) {
      const [method, pattern] = key.split(' ') as [string, string];
      const policy = ROUTE_POLICY[key]!;
      for (const who of order) {
        for (let round = 0; round < 2; round++) {
          const path = await fillPath(method, pattern);
          let token = f.tokens[who];
          const ownUser = who === 'staffA' || who === 'managerA' || who === 'managerAB' || who === 'admin' ? f.users[who] : null;
          if (key === 'POST /api/v1/auth/logout' && ownUser) token = await freshToken(ownUser);
          const got = await send(method, path, token, bodyFor(key));
          requests += 1;
          const cell = `${key} as ${who} (round ${round + 1}): ${got.status}`;
          if (got.status >= 500) {
            fiveHundreds += 1;
            violations.push(`${cell} 5xx ${got.text.slice(0, 200)}`);
          }
          const allowed = allows(policy, who);
          if (!allowed && got.status < 300) violations.push(`${cell} is a 2xx the policy refuses`);
          if (!allowed && policy.access !== 'public' && UNRECOGNISED.has(who) && got.status !== 401) violations.push(`${cell} should be 401`);
          if (!allowed && !UNRECOGNISED.has(who) && ![403, 404].includes(got.status)) violations.push(`${cell} should be 403 or 404`);
          if (allowed && policy.access !== 'public' && (got.status === 401 || got.status === 403)) violations.push(`${cell} refused although the policy allows it`);
          if (STORE_A_ONLY.has(who)) {
            const trace = bTraces().find((s) => got.text.includes(s));
            if (trace) {
              leaks += 1;
              violations.push(`${cell} leaks store B (${trace})`);
            }
          }
        }
      }
    }
    console.log(`authz matrix: ${routes.length} routes × ${PRINCIPALS.length} principals × 4 calls = ${requests} requests, ${fiveHundreds} × 5xx, ${leaks} leaks`);
    expect(violations).toEqual([]);
  }, 180_000);
});
