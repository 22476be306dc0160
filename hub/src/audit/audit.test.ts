import { isKnownAuditAction } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

async function auditCount(): Promise<number> {
  const r = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('audit log', () => {
  it('every mutating endpoint leaves exactly one audit row, in the same transaction', async () => {
    const ids: Record<string, string> = {};
    const steps: [string, string, () => string, unknown, number][] = [
      ['POST', 'store.create', () => '/stores', { code: 'AUD-1', name: 'Audit store' }, 201],
      ['PATCH', 'store.update', () => `/stores/${ids.store}`, { name: 'Audit store 2' }, 200],
      ['PUT', 'store.update', () => `/stores/${ids.store}`, { code: 'AUD-1', name: 'Audit store 3' }, 200],
      ['POST', 'supplier.create', () => '/suppliers', { name: 'Supplier' }, 201],
      ['PATCH', 'supplier.update', () => `/suppliers/${ids.supplier}`, { phone: '12345' }, 200],
      ['PUT', 'supplier.update', () => `/suppliers/${ids.supplier}`, { name: 'Supplier 2' }, 200],
      ['POST', 'product.create', () => '/products', { sku: 'AUD-P', name: 'P', unit: 'pc', priceMinor: 100 }, 201],
      ['PATCH', 'product.update', () => `/products/${ids.product}`, { priceMinor: 200 }, 200],
      ['PUT', 'product.update', () => `/products/${ids.product}`, { sku: 'AUD-P', name: 'P2', unit: 'pc', priceMinor: 300 }, 200],
      ['POST', 'movement.create', () => '/stock-movements', null, 201],
      ['POST', 'user.create', () => '/users', null, 201],
      ['PATCH', 'user.update', () => `/users/${ids.user}`, { name: 'Renamed' }, 200],
      ['PATCH', 'user.role_change', () => `/users/${ids.user}`, { role: 'manager' }, 200],
      ['DELETE', 'user.delete', () => `/users/${ids.user}`, undefined, 204],
      ['DELETE', 'product.archive', () => `/products/${ids.product}`, undefined, 200],
      ['DELETE', 'supplier.delete', () => `/suppliers/${ids.supplier}`, undefined, 204],
      ['DELETE', 'store.archive', () => `/stores/${ids.store}`, undefined, 200],
      ['POST', 'auth.register', () => '/auth/register', { username: 'newbie', name: 'Newbie', password: 'long-enough-pw' }, 201],
      ['POST', 'auth.login', () => '/auth/login', { username: 'newbie', password: 'long-enough-pw' }, 200],
      ['POST', 'auth.login_failed', () => '/auth/login', { username: 'newbie', password: 'wrong-password' }, 401],
      ['POST', 'auth.logout', () => '/auth/logout', undefined, 204],
    ];
    let sessionToken = admin.token;
    for (const [method, action, path, body0, status] of steps) {
      let body = body0;
      if (action === 'movement.create') body = { storeId: ids.store, productId: ids.product, kind: 'IN', qty: 3 };
      if (action === 'user.create') body = { username: 'aud-user', name: 'U', password: 'long-enough-pw', role: 'staff', storeIds: [ids.store] };
      const before = await auditCount();
      const token = action === 'auth.logout' ? sessionToken : admin.token;
      const res = await t.call(method, path(), token, body);
      expect(res.status, `${method} ${path()}: ${res.text}`).toBe(status);
      if (action === 'store.create') ids.store = res.body.id;
      if (action === 'supplier.create') ids.supplier = res.body.id;
      if (action === 'product.create') ids.product = res.body.id;
      if (action === 'user.create') ids.user = res.body.id;
      if (action === 'auth.login') sessionToken = res.body.token;
      expect(await auditCount(), action).toBe(before + 1);
      const last = await t.db.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last.action).toBe(action);
    }
    // A refused change writes nothing.
    const before = await auditCount();
    expect((await t.call('POST', '/products', admin.token, { sku: 'AUD-P', name: 'dup', unit: 'pc', priceMinor: 1 })).status).toBe(409);
    expect(await auditCount()).toBe(before);

    // The activity page lists and words every action the hub writes (shared/src/audit/audit-actions.ts).
    const written = await t.db.db.selectFrom('audit_log').select('action').distinct().execute();
    expect(written.map((r) => r.action).filter((a) => !isKnownAuditAction(a))).toEqual([]);

    const update = await t.call('GET', `/logs?action=product.update&entityId=${ids.product}`, admin.token);
    expect(update.body.items[0].before).toMatchObject({ priceMinor: 200 });
    expect(update.body.items[0].after).toMatchObject({ priceMinor: 300 });
    expect(update.body.items[0].actorId).toBe(admin.id);
  });

  it('searches free text and filters, newest first, with keyset paging', async () => {
    const res = await t.call('GET', '/logs?q=audit%20sto', admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(item.entity).toBe('store');
    const page1 = await t.call('GET', '/logs?limit=3', admin.token);
    const page2 = await t.call('GET', `/logs?limit=3&cursor=${page1.body.nextCursor}`, admin.token);
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[2].id));
    const byActor = await t.call('GET', `/logs?actorId=${admin.id}&entity=user`, admin.token);
    expect(byActor.body.items.every((i: { actorId: string; entity: string }) => i.actorId === admin.id && i.entity === 'user')).toBe(true);
    const range = await t.call('GET', `/logs?from=${encodeURIComponent('2000-01-01T00:00:00Z')}&to=${encodeURIComponent('2000-01-02T00:00:00Z')}`, admin.token);
    expect(range.body.items).toEqual([]);
  });

  it('verifies an intact chain and finds an edited row', async () => {
    const ok = await t.call('GET', '/logs/verify', admin.token);
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.body.checked).toBe(await auditCount());

    const victim = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'product.update').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{priceMinor}', '1') WHERE id = ${victim.id}`.execute(t.db.db);
    const broken = await t.call('GET', '/logs/verify', admin.token);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBroken.id).toBe(String(victim.id));
    expect(broken.body.firstBroken.reason).toContain('edited');
  });

  it('finds a deleted row by the broken link', async () => {
    const fresh = await createTestApp();
    try {
      const a = await fresh.makeUser('admin');
      // Hub-wide entries: all three in the hub chain.
      for (const sku of ['X1', 'X2', 'X3']) await fresh.call('POST', '/products', a.token, { sku, name: sku, unit: 'pc', priceMinor: 100 });
      const rows = await fresh.db.db.selectFrom('audit_log').select('id').orderBy('id').execute();
      await fresh.db.db.deleteFrom('audit_log').where('id', '=', rows[1]!.id).execute();
      const res = await fresh.call('GET', '/logs/verify', a.token);
      expect(res.body).toMatchObject({ ok: false, checked: 1, firstBroken: { id: String(rows[2]!.id) } });
    } finally {
      await fresh.close();
    }
  });
});
