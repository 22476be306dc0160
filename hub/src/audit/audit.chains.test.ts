import { HUB_CHAIN } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { storeWithEntries as storeWithEntriesOf } from './audit.test-kit';
import { anchorStoreHeads } from './audit.anchor';

let t: TestApp;
let admin: TestUser;
useTestApp((c) => ({ t, admin } = c));
const storeWithEntries = (code: string, updates: number) => storeWithEntriesOf(t, admin, code, updates);

const chainRows = (chain: string) =>
  t.db.db.selectFrom('audit_log').select(['id', 'seq', 'hash', 'action']).where('chain', '=', chain).orderBy('seq').execute();

async function verifyStore(storeId: string) {
  const res = await t.call('GET', `/logs/verify?storeId=${storeId}`, admin.token);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('audit chains', () => {
  it('one chain per store and one hub chain, each with its head; all verify', async () => {
    const a = await storeWithEntries('CH-A', 2);
    const b = await storeWithEntries('CH-B', 1);
    expect((await t.call('POST', '/products', admin.token, { sku: 'CH-P', name: 'P', unit: 'pc', priceMinor: 100 })).status).toBe(201);
    expect((await chainRows(a)).map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    expect((await chainRows(b)).map((r) => Number(r.seq))).toEqual([1, 2]);
    expect((await chainRows(HUB_CHAIN)).map((r) => r.action)).toContain('product.create');
    const heads = await t.db.db.selectFrom('audit_heads').selectAll().where('chain', 'in', [a, b]).execute();
    expect(Object.fromEntries(heads.map((h) => [h.chain, Number(h.seq)]))).toEqual({ [a]: 3, [b]: 2 });

    const all = await t.call('GET', '/logs/verify', admin.token);
    expect(all.body).toMatchObject({ ok: true, firstBroken: null, nextCursor: null, anchors: { ok: true } });
    const total = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(all.body.checked).toBe(Number(total.n));
    expect(await verifyStore(a)).toMatchObject({ ok: true, checked: 3, chains: [{ chain: a, ok: true, headSeq: 3 }] });
  });

  it('pages through the chains in key order', async () => {
    const page1 = await t.call('GET', '/logs/verify?limit=1', admin.token);
    expect(page1.body.chains).toHaveLength(1);
    expect(page1.body.nextCursor).toBe(page1.body.chains[0].chain);
    expect(page1.body.anchors).toBeNull();
    const seen = [page1.body.chains[0].chain];
    let cursor: string | null = page1.body.nextCursor;
    while (cursor) {
      const page = await t.call('GET', `/logs/verify?limit=1&cursor=${cursor}`, admin.token);
      expect(page.body.ok).toBe(true);
      seen.push(...page.body.chains.map((c: { chain: string }) => c.chain));
      cursor = page.body.nextCursor;
    }
    expect(seen[seen.length - 1]).toBe(HUB_CHAIN);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds the newest rows deleted without a trace in the rows themselves', async () => {
    const s = await storeWithEntries('CH-DEL', 3);
    const rows = await chainRows(s);
    // The two newest: what remains is a perfectly linked chain, only the head knows it was longer.
    await t.db.db.deleteFrom('audit_log').where('id', 'in', [rows[2]!.id, rows[3]!.id]).execute();
    const res = await verifyStore(s);
    expect(res.ok).toBe(false);
    expect(res.chains[0]).toMatchObject({ chain: s, ok: false, checked: 2, headSeq: 4, firstBroken: { seq: 3 } });
    expect(res.chains[0].firstBroken.reason).toContain('newest rows were deleted');
    // The whole-hub check names it too, and the other chains stay fine.
    const all = await t.call('GET', '/logs/verify', admin.token);
    const bad = all.body.chains.filter((c: { ok: boolean }) => !c.ok).map((c: { chain: string }) => c.chain);
    expect(bad).toEqual([s]);
  });

  it('finds a row deleted in the middle by the missing seq', async () => {
    const s = await storeWithEntries('CH-MID', 3);
    const rows = await chainRows(s);
    await t.db.db.deleteFrom('audit_log').where('id', '=', rows[1]!.id).execute();
    const res = await verifyStore(s);
    expect(res.chains[0]).toMatchObject({ ok: false, checked: 1, firstBroken: { id: String(rows[2]!.id), seq: 2 } });
    expect(res.chains[0].firstBroken.reason).toContain('missing');
  });

  it('finds an edit of who did it (actor_name is covered by the hash)', async () => {
    const s = await storeWithEntries('CH-ACT', 2);
    const rows = await chainRows(s);
    await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE id = ${rows[1]!.id}`.execute(t.db.db);
    const res = await verifyStore(s);
    expect(res.chains[0]).toMatchObject({ ok: false, checked: 1, firstBroken: { id: String(rows[1]!.id), seq: 2 } });
    expect(res.chains[0].firstBroken.reason).toContain('edited');
  });

  it('finds a row moved to another chain', async () => {
    const from = await storeWithEntries('CH-MV1', 1);
    const to = await storeWithEntries('CH-MV2', 0);
    const rows = await chainRows(from);
    await sql`UPDATE audit_log SET chain = ${to}, seq = 2 WHERE id = ${rows[1]!.id}`.execute(t.db.db);
    await sql`UPDATE audit_heads SET seq = 2, hash = ${rows[1]!.hash} WHERE chain = ${to}`.execute(t.db.db);
    expect((await verifyStore(to)).chains[0].firstBroken.reason).toMatch(/prev_hash|edited/);
  });

  it('an anchor pins every store head: a chain cut back with its head moved too is found', async () => {
    const s = await storeWithEntries('CH-CUT', 3);
    const anchored = await anchorStoreHeads(t.db.db, new Date());
    expect(anchored.changed).toBeGreaterThan(0);
    expect(anchored.anchorSeq).not.toBeNull();
    expect((await t.call('GET', '/logs/verify', admin.token)).body.anchors).toEqual({ ok: true, reason: null });
    // Nothing moved since: no new anchor row.
    expect((await anchorStoreHeads(t.db.db, new Date())).anchorSeq).toBeNull();

    const rows = await chainRows(s);
    await t.db.db.deleteFrom('audit_log').where('id', '=', rows[3]!.id).execute();
    await sql`UPDATE audit_heads SET seq = 3, hash = ${rows[2]!.hash} WHERE chain = ${s}`.execute(t.db.db);
    const res = await verifyStore(s);
    expect(res.chains[0]).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
    expect(res.chains[0].firstBroken.reason).toContain('cut back');

    // Moving the anchor point back as well breaks the anchor's digest.
    await sql`UPDATE audit_anchor_points SET seq = 3, hash = ${rows[2]!.hash} WHERE chain = ${s}`.execute(t.db.db);
    expect((await verifyStore(s)).ok).toBe(true);
    const all = await t.call('GET', '/logs/verify', admin.token);
    expect(all.body.anchors.ok).toBe(false);
    expect(all.body.ok).toBe(false);
  });

  it('a whole chain deleted with its head is still named by its anchor point', async () => {
    const s = await storeWithEntries('CH-GONE', 1);
    await anchorStoreHeads(t.db.db, new Date());
    await t.db.db.deleteFrom('audit_log').where('chain', '=', s).execute();
    await t.db.db.deleteFrom('audit_heads').where('chain', '=', s).execute();
    const res = await verifyStore(s);
    expect(res.chains[0]).toMatchObject({ chain: s, ok: false });
    expect(res.chains[0].firstBroken.reason).toContain('no head row');
  });

  it('verifies every chain as a job, with progress, naming the bad chains', async () => {
    const started = await t.call('POST', '/logs/verify/runs', admin.token);
    expect(started.status, started.text).toBe(202);
    let run = started.body;
    for (let i = 0; i < 200 && run.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      run = (await t.call('GET', `/logs/verify/runs/${run.id}`, admin.token)).body;
    }
    expect(run.state).toBe('done');
    expect(run.ok).toBe(false);
    expect(run.chainsDone).toBe(run.chainsTotal);
    expect(run.rowsChecked).toBeGreaterThan(0);
    // The chains broken by the tests above, each with its first bad row.
    expect(run.broken.length).toBeGreaterThanOrEqual(5);
    for (const b of run.broken) expect(b.firstBroken.reason).toBeTruthy();
    expect((await t.call('GET', `/logs/verify/runs/00000000-0000-7000-8000-000000000000`, admin.token)).status).toBe(404);
  });
});
