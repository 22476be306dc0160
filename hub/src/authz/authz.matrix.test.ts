import { uuidv7, type Role } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';
import { applyMovements } from '../stock/stock.apply';

/**
 * Every endpoint × {no token, expired token, staff of A, manager of A, admin} × {store A, store B}
 * with the exact status, then a sweep proving nothing of store B reaches store A's people.
 */
type Who = 'none' | 'expired' | 'staff' | 'manager' | 'admin';
type Site = 'A' | 'B';
interface Case {
  name: string;
  method: string;
  /** Builds a fresh request for one call (mutations get fresh targets). */
  request: (site: Site) => Promise<{ path: string; body?: unknown }>;
  expect: Record<Site, Partial<Record<Who, number>>>;
}

let t: TestApp;
const ctx = {} as {
  A: { id: string; code: string };
  B: { id: string; code: string };
  product: { id: string; sku: string };
  movement: Record<Site, string>;
  staffTarget: Record<Site, TestUser>;
  users: Record<Exclude<Who, 'none'>, TestUser>;
};

beforeAll(async () => {
  t = await createTestApp();
  ctx.A = await t.makeStore('ALPHA');
  ctx.B = await t.makeStore('BRAVO');
  ctx.product = await t.makeProduct({ sku: 'RICE-1KG' });
  ctx.users = {
    expired: await t.makeUser('admin', [], { expiresAt: new Date(Date.now() - 60_000) }),
    staff: await t.makeUser('staff', [ctx.A.id]),
    manager: await t.makeUser('manager', [ctx.A.id]),
    admin: await t.makeUser('admin'),
  };
  ctx.staffTarget = { A: await t.makeUser('staff', [ctx.A.id]), B: await t.makeUser('staff', [ctx.B.id]) };
  ctx.movement = { A: uuidv7(), B: uuidv7() };
  await t.db.db.transaction().execute((trx) =>
    applyMovements(
      trx,
      (['A', 'B'] as const).map((s, i) => ({
        id: ctx.movement[s],
        storeId: ctx[s].id,
        deviceId: null,
        seq: null,
        hlc: `00000170000000${i}-000000-hub`,
        kind: 'IN' as const,
        productId: ctx.product.id,
        qty: s === 'A' ? 10 : 1000,
        unitPriceMinor: null,
        unitCostMinor: null,
        reason: null,
        note: `secret note of ${s}`,
        supplierId: null,
        batchId: null,
        userId: null,
        occurredAt: new Date().toISOString(),
      })),
    ),
  );
  // Something of B in the audit log, for the leak sweep.
  const r = await t.call('PATCH', `/stores/${ctx.B.id}`, ctx.users.admin.token, { region: 'BravoRegion' });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

const storeOf = (s: Site) => ctx[s].id;
const same = (m: Partial<Record<Who, number>>) => ({ A: m, B: m });
let n = 0;
const fresh = () => `X${++n}${Date.now().toString(36)}`;

async function freshStaff(site: Site) {
  return t.makeUser('staff', [storeOf(site)]);
}

const cases: Case[] = [
  { name: 'GET /auth/me', method: 'GET', request: async () => ({ path: '/auth/me' }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  { name: 'GET /stores', method: 'GET', request: async () => ({ path: '/stores' }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  {
    name: 'GET /stores/:id',
    method: 'GET',
    request: async (s) => ({ path: `/stores/${storeOf(s)}` }),
    expect: { A: { staff: 200, manager: 200, admin: 200 }, B: { staff: 404, manager: 404, admin: 200 } },
  },
  { name: 'POST /stores', method: 'POST', request: async () => ({ path: '/stores', body: { code: fresh(), name: 'New' } }), expect: same({ staff: 403, manager: 403, admin: 201 }) },
  { name: 'PATCH /stores/:id', method: 'PATCH', request: async (s) => ({ path: `/stores/${storeOf(s)}`, body: { location: 'Main road' } }), expect: same({ staff: 403, manager: 403, admin: 200 }) },
  {
    name: 'PUT /stores/:id',
    method: 'PUT',
    request: async (s) => ({ path: `/stores/${storeOf(s)}`, body: { code: s === 'A' ? 'ALPHA' : 'BRAVO', name: `Store ${s}`, region: s === 'B' ? 'BravoRegion' : null } }),
    expect: same({ staff: 403, manager: 403, admin: 200 }),
  },
  {
    name: 'DELETE /stores/:id',
    method: 'DELETE',
    request: async () => {
      const st = await t.makeStore(fresh());
      return { path: `/stores/${st.id}` };
    },
    expect: same({ staff: 403, manager: 403, admin: 204 }),
  },
  { name: 'GET /suppliers', method: 'GET', request: async () => ({ path: '/suppliers' }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  { name: 'POST /suppliers', method: 'POST', request: async () => ({ path: '/suppliers', body: { name: 'Agro Traders' } }), expect: same({ staff: 403, manager: 403, admin: 201 }) },
  { name: 'GET /products', method: 'GET', request: async () => ({ path: '/products' }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  { name: 'GET /products/:id', method: 'GET', request: async () => ({ path: `/products/${ctx.product.id}` }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  {
    name: 'POST /products',
    method: 'POST',
    request: async () => ({ path: '/products', body: { sku: fresh(), name: 'Dal', unit: 'g', priceMinor: 12000 } }),
    expect: same({ staff: 403, manager: 403, admin: 201 }),
  },
  { name: 'PATCH /products/:id', method: 'PATCH', request: async () => ({ path: `/products/${ctx.product.id}`, body: { priceMinor: 9900 } }), expect: same({ staff: 403, manager: 403, admin: 200 }) },
  {
    name: 'DELETE /products/:id',
    method: 'DELETE',
    request: async () => ({ path: `/products/${(await t.makeProduct({ sku: fresh() })).id}` }),
    expect: same({ staff: 403, manager: 403, admin: 204 }),
  },
  { name: 'GET /stocks', method: 'GET', request: async (s) => ({ path: `/stocks?storeId=${storeOf(s)}` }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  { name: 'GET /stocks/summary', method: 'GET', request: async () => ({ path: '/stocks/summary' }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  {
    name: 'POST /stock-movements',
    method: 'POST',
    request: async (s) => ({ path: '/stock-movements', body: { storeId: storeOf(s), productId: ctx.product.id, kind: 'SALE', qty: -1 } }),
    expect: { A: { staff: 201, manager: 201, admin: 201 }, B: { staff: 404, manager: 404, admin: 201 } },
  },
  { name: 'GET /stock-movements', method: 'GET', request: async (s) => ({ path: `/stock-movements?storeId=${storeOf(s)}` }), expect: same({ staff: 200, manager: 200, admin: 200 }) },
  {
    name: 'GET /stock-movements/:id',
    method: 'GET',
    request: async (s) => ({ path: `/stock-movements/${ctx.movement[s]}` }),
    expect: { A: { staff: 200, manager: 200, admin: 200 }, B: { staff: 404, manager: 404, admin: 200 } },
  },
  { name: 'GET /users', method: 'GET', request: async () => ({ path: '/users' }), expect: same({ staff: 403, manager: 200, admin: 200 }) },
  {
    name: 'GET /users/:id',
    method: 'GET',
    request: async (s) => ({ path: `/users/${ctx.staffTarget[s].id}` }),
    expect: { A: { staff: 404, manager: 200, admin: 200 }, B: { staff: 404, manager: 404, admin: 200 } },
  },
  {
    name: 'POST /users',
    method: 'POST',
    request: async (s) => ({ path: '/users', body: { username: fresh().toLowerCase(), name: 'New Clerk', password: 'long-enough-pw', role: 'staff', storeIds: [storeOf(s)] } }),
    expect: { A: { staff: 403, manager: 201, admin: 201 }, B: { staff: 403, manager: 403, admin: 201 } },
  },
  {
    name: 'PATCH /users/:id',
    method: 'PATCH',
    request: async (s) => ({ path: `/users/${(await freshStaff(s)).id}`, body: { name: 'Renamed' } }),
    expect: { A: { staff: 403, manager: 200, admin: 200 }, B: { staff: 403, manager: 404, admin: 200 } },
  },
  {
    name: 'DELETE /users/:id',
    method: 'DELETE',
    request: async (s) => ({ path: `/users/${(await freshStaff(s)).id}` }),
    expect: { A: { staff: 403, manager: 204, admin: 204 }, B: { staff: 403, manager: 404, admin: 204 } },
  },
  { name: 'GET /logs', method: 'GET', request: async (s) => ({ path: `/logs?storeId=${storeOf(s)}` }), expect: same({ staff: 403, manager: 200, admin: 200 }) },
  { name: 'GET /logs/verify', method: 'GET', request: async () => ({ path: '/logs/verify' }), expect: same({ staff: 403, manager: 403, admin: 200 }) },
];

describe('authorization matrix', () => {
  for (const c of cases) {
    for (const site of ['A', 'B'] as const) {
      it(`${c.name} (store ${site})`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const who of ['none', 'expired', 'staff', 'manager', 'admin'] as const) {
          const req = await c.request(site);
          const token = who === 'none' ? null : ctx.users[who].token;
          const res = await t.call(c.method, req.path, token, req.body);
          got[who] = res.status;
          want[who] = who === 'none' || who === 'expired' ? 401 : c.expect[site][who]!;
          if (who === 'expired') expect(res.body.error.code).toBe('TOKEN_EXPIRED');
          if (res.status >= 400) expect(res.body.error).toHaveProperty('code');
        }
        expect(got).toEqual(want);
      });
    }
  }
});

describe('nothing of store B reaches store A people', () => {
  const lists = ['/stores', '/stocks', '/stocks/summary', '/stock-movements', '/users', '/logs', '/products', '/suppliers', `/stocks?storeId=${'B'}`];
  for (const who of ['staff', 'manager'] as const) {
    it(`${who} of A sees no trace of B in any list`, async () => {
      for (const path0 of lists) {
        const path = path0.replace('storeId=B', `storeId=${ctx.B.id}`);
        const res = await t.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=500`, ctx.users[who].token);
        if (res.status === 403) continue;
        expect(res.status, path).toBe(200);
        expect(res.text, path).not.toContain(ctx.B.id);
        expect(res.text, path).not.toContain('BRAVO');
        expect(res.text, path).not.toContain('BravoRegion');
        expect(res.text, path).not.toContain('secret note of B');
        expect(res.text, path).not.toContain(ctx.movement.B);
        expect(res.text, path).not.toContain(ctx.staffTarget.B.username);
      }
    });

    it(`${who} of A gets summary totals of A only`, async () => {
      const res = await t.call('GET', `/stocks/summary?productId=${ctx.product.id}`, ctx.users[who].token);
      const own = await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', ctx.A.id).where('product_id', '=', ctx.product.id).executeTakeFirstOrThrow();
      expect(res.body.items).toEqual([expect.objectContaining({ totalQty: own.qty, stores: 1 })]);
    });
  }

  it('errors about B do not reveal it', async () => {
    const res = await t.call('GET', `/stores/${ctx.B.id}`, ctx.users.staff.token);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(ctx.B.id);
    const unknown = await t.call('GET', `/stores/${uuidv7()}`, ctx.users.staff.token);
    expect(unknown.body).toEqual(res.body);
  });

  it('staff cannot escalate themselves or others', async () => {
    const staff = ctx.users.staff;
    const self = await t.call('PATCH', `/users/${staff.id}`, staff.token, { role: 'admin' as Role });
    expect(self.status).toBe(403);
    const mgr = await t.call('PATCH', `/users/${ctx.staffTarget.A.id}`, ctx.users.manager.token, { role: 'manager' });
    expect(mgr.status).toBe(403);
  });
});
