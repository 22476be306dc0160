import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { waitFor } from '../platform/platform.test-kit';

let t: PlatformTestApp;
usePlatformTestApp((made) => (t = made), { settings: { perTokenPerMinute: 0, anonPerIpPerMinute: 0, webhookAttempts: 2, webhookBackoffMs: 50 } });

let hook: Server;
const received: unknown[] = [];
beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
});
afterAll(() => hook?.close());

describe('saved views: a filtered page saved by name, its owner’s only', () => {
  it('saves, lists by name, renames and deletes; nobody else sees or touches them', async () => {
    const store = await t.makeStore();
    const ana = await t.makeUser('staff', [store.id]);
    const bo = await t.makeUser('manager', [store.id]);
    const admin = await t.makeUser('admin');

    const saved = await t.call('POST', '/saved-views', ana.token, { name: '  Weakest 20  ', path: '/rankings', query: 'sort=sales&dir=asc&limit=20' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Weakest 20', path: '/rankings', query: 'sort=sales&dir=asc&limit=20', schedule: null, exportKind: 'stock', webhookUrl: null });
    const other = await t.call('POST', '/saved-views', ana.token, { name: 'Archive trend', path: '/trends' });
    expect(other.body.query).toBe('');

    // Validated: the path is a page's, the query a query string, the name not empty nor taken.
    for (const bad of [
      { name: 'x', path: 'https://evil.example/rankings' },
      { name: 'x', path: '/rankings', query: '?sort=sales' },
      { name: '   ', path: '/rankings' },
      { name: 'x', path: '/rankings', extra: 1 },
    ]) {
      expect((await t.call('POST', '/saved-views', ana.token, bad)).status).toBe(400);
    }
    const dup = await t.call('POST', '/saved-views', ana.token, { name: 'weakest 20', path: '/trends' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('weakest 20');
    // Another person may use the same name: names are per person.
    expect((await t.call('POST', '/saved-views', bo.token, { name: 'Weakest 20', path: '/rankings' })).status).toBe(201);

    const mine = await t.call('GET', '/saved-views', ana.token);
    expect(mine.body.items.map((v: { name: string }) => v.name)).toEqual(['Archive trend', 'Weakest 20']);
    expect((await t.call('GET', '/saved-views', admin.token)).body.items).toEqual([]);

    // Someone else's view is not found, admins included.
    const id = saved.body.id as string;
    expect((await t.call('PATCH', `/saved-views/${id}`, bo.token, { name: 'Mine now' })).status).toBe(404);
    expect((await t.call('PATCH', `/saved-views/${id}`, admin.token, { name: 'Mine now' })).status).toBe(404);
    expect((await t.call('DELETE', `/saved-views/${id}`, admin.token)).status).toBe(404);

    expect((await t.call('PATCH', `/saved-views/${id}`, ana.token, {})).status).toBe(400);
    expect((await t.call('PATCH', `/saved-views/${id}`, ana.token, { name: 'Archive trend' })).status).toBe(409);
    const renamed = await t.call('PATCH', `/saved-views/${id}`, ana.token, { name: 'Bottom 20 by sales', query: 'sort=sales&dir=asc&limit=20&region=North' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Bottom 20 by sales', query: 'sort=sales&dir=asc&limit=20&region=North' });
    // Staff keep views but do not schedule exports.
    const staffSchedule = await t.call('PATCH', `/saved-views/${id}`, ana.token, { schedule: 'daily' });
    expect(staffSchedule.status).toBe(403);

    expect((await t.call('DELETE', `/saved-views/${id}`, ana.token)).status).toBe(204);
    expect((await t.call('GET', '/saved-views', ana.token)).body.items.map((v: { name: string }) => v.name)).toEqual(['Archive trend']);
    expect((await t.call('GET', '/saved-views', null)).status).toBe(401);
  });

  it("schedules a view as an export of its owner's stores in the view's region, once per period, told to the webhook", async () => {
    const north = await t.makeStore();
    const south = await t.makeStore();
    const elsewhere = await t.makeStore();
    await t.deps.db.updateTable('stores').set({ region: 'North' }).where('id', 'in', [north.id, elsewhere.id]).execute();
    await t.deps.db.updateTable('stores').set({ region: 'South' }).where('id', '=', south.id).execute();
    const product = await t.makeProduct({ reorderLevel: 0 });
    const admin = await t.makeUser('admin');
    for (const s of [north, south, elsewhere]) {
      expect((await t.call('POST', '/stock-movements', admin.token, { storeId: s.id, productId: product.id, kind: 'IN', qty: 4 })).status).toBe(201);
    }
    // The manager sees north and south, not "elsewhere" (also North): the report keeps to what they see.
    const manager = await t.makeUser('manager', [north.id, south.id]);
    const view = await t.call('POST', '/saved-views', manager.token, { name: 'North stock', path: '/rankings', query: 'region=North&sort=stockValue' });
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/reports`;
    const badHook = await t.call('PATCH', `/saved-views/${view.body.id}`, manager.token, { schedule: 'daily', webhookUrl: 'ftp://x' });
    expect(badHook.status).toBe(400);
    const scheduled = await t.call('PATCH', `/saved-views/${view.body.id}`, manager.token, { schedule: 'daily', exportKind: 'stock', webhookUrl: url });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ schedule: 'daily', exportKind: 'stock', webhookUrl: url });

    const item = await waitFor('the scheduled export to finish', async () => {
      const list = await t.call('GET', '/exports', manager.token);
      const it = list.body.items.find((e: { viewName: string | null }) => e.viewName === 'North stock');
      return it?.state === 'done' && it.webhookState === 'delivered' ? it : null;
    });
    const today = new Date(t.deps.clock.now()).toISOString().slice(0, 10);
    expect(item).toMatchObject({ kind: 'stock', rowsDone: 1, rowsTotal: 1, period: `day:${today}`, webhookState: 'delivered' });
    const res = await t.app.request(`/api/v1/exports/${item.id}/download`, { headers: { Authorization: `Bearer ${manager.token}` } });
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Store ${north.code}`);
    expect(received).toEqual([
      {
        type: 'report.ready',
        export: { id: item.id, kind: 'stock', rows: 1, downloadPath: `/api/v1/exports/${item.id}/download` },
        view: { id: view.body.id, name: 'North stock' },
        period: `day:${today}`,
      },
    ]);

    // Saving the schedule again in the same period starts nothing new; the list is the owner's only.
    expect((await t.call('PATCH', `/saved-views/${view.body.id}`, manager.token, { schedule: 'daily' })).status).toBe(200);
    const list = await t.call('GET', '/exports', manager.token);
    expect(list.body.items.filter((e: { viewName: string | null }) => e.viewName === 'North stock')).toHaveLength(1);
    expect((await t.call('GET', '/exports', admin.token)).body.items.map((e: { viewName: string | null }) => e.viewName)).not.toContain('North stock');
    // Unscheduled: no more exports; the file stays in Exports after the view is deleted.
    expect((await t.call('PATCH', `/saved-views/${view.body.id}`, manager.token, { schedule: null, webhookUrl: null })).body.schedule).toBeNull();
    expect((await t.call('DELETE', `/saved-views/${view.body.id}`, manager.token)).status).toBe(204);
    const after = await t.call('GET', '/exports', manager.token);
    expect(after.body.items.map((e: { id: string }) => e.id)).toContain(item.id);
  }, 60_000);
});
