import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyConn } from './world/sink';
import { checkConsistency } from './world/verify';
import { createTestApp, type TestApp } from '../test/test-db';

describe('POST /dev/generate-dummy-data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is for admins only', async () => {
    const store = await t.makeStore();
    const manager = await t.makeUser('manager', [store.id]);
    expect((await t.call('POST', '/dev/generate-dummy-data', manager.token, {})).status).toBe(403);
    expect((await t.call('POST', '/dev/generate-dummy-data', null, {})).status).toBe(401);
  });

  it('rejects sizes that cannot hold an opening count per stock row', async () => {
    const admin = await t.makeUser('admin');
    const r = await t.call('POST', '/dev/generate-dummy-data', admin.token, { stores: 3, products: 10, movements: 5 });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/movements/);
  });

  it('generates a consistent world in the background, alongside existing data', async () => {
    const admin = await t.makeUser('admin');
    await t.makeProduct({ sku: 'EXISTING-1' });
    const started = await t.call('POST', '/dev/generate-dummy-data', admin.token, { stores: 3, products: 40, movements: 600, days: 4 });
    expect(started.status).toBe(202);
    const id: string = started.body.job.id;
    let job = started.body.job;
    for (let i = 0; i < 600 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.call('GET', `/dev/generate-dummy-data/${id}`, admin.token)).body.job;
    }
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(job.summary).toMatchObject({ stores: 3, products: 40, movements: 600, stockRows: 120 });

    const report = await checkConsistency(kyselyConn(t.db.db), 50);
    expect(report.mismatchedRows).toBe(0);
    expect(report.sampleMismatches).toEqual([]);
    expect(report.seqGaps).toBe(0);
    expect(report.countMismatches).toBe(0);

    const verify = await t.call('GET', '/logs/verify', admin.token);
    expect(verify.body).toMatchObject({ ok: true });
    const stock = await t.call('GET', '/stocks?limit=5', admin.token);
    expect(stock.body.items.length).toBe(5);

    // Issue 13 item 8: the generated managers have a random password, answered once, never the old fixed one.
    const password: string = started.body.staffPassword;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(JSON.stringify(job)).not.toContain(password);
    const manager = await t.db.db.selectFrom('users').select('username').where('role', '=', 'manager').where('username', 'like', 'manager.%').executeTakeFirstOrThrow();
    expect((await t.call('POST', '/auth/login', null, { username: manager.username, password: 'bazaar-staff-pass' })).status).toBe(401);
    expect((await t.call('POST', '/auth/login', null, { username: manager.username, password })).status).toBe(200);
    expect((await t.call('GET', '/logs?q=dev.generate', admin.token)).text).not.toContain(password);
  });

  it('is refused in production mode', async () => {
    const prod = await createTestApp({ config: { HUB_MODE: 'production' } });
    try {
      const admin = await prod.makeUser('admin');
      const r = await prod.call('POST', '/dev/generate-dummy-data', admin.token, {});
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/production/);
    } finally {
      await prod.close();
    }
  });
});
