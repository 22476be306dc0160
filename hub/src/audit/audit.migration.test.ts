import { auditHashInput, GENESIS_HASH, HUB_CHAIN, uuidv7 } from '@bazaar/shared';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';
import { sha256Hex } from './audit.hash';

let t: TestApp;
let admin: TestUser;
const legacyIds: number[] = [];
let legacyLastHash = '';
let storeId = '';

/** The log as the single-chain writer left it (format 1, id order, one advisory lock). */
async function writeOldChain(n: number): Promise<void> {
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString();
    const [action, entity, sid] = i % 3 === 0 ? ['product.create', 'product', null] : i % 3 === 1 ? ['sync.push', 'device', storeId] : ['store.update', 'store', storeId];
    const after = { n: i, note: `old entry ${i}` };
    const { rows } = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id`.execute(t.db.db);
    const id = String(rows[0]!.id);
    const hash = sha256Hex(auditHashInput(prev, { id, at, actorId: admin.id, action, entity, entityId: null, storeId: sid, before: null, after, ip: '10.0.0.1' }));
    await sql`
      INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, store_id, before, after, ip, prev_hash, hash, search)
      VALUES (${id}, ${at}, ${admin.id}, 'Old Admin', ${action}, ${entity}, NULL, ${sid}, NULL, ${JSON.stringify(after)}, '10.0.0.1', ${prev}, ${hash}, to_tsvector('simple', ${action}))`.execute(t.db.db);
    legacyIds.push(Number(id));
    prev = hash;
  }
  legacyLastHash = prev;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.makeUser('admin');
  const store = await t.makeStore('MIG-1');
  storeId = store.id;
  // Back to the schema before the per-store chains, with a populated old chain, then forward.
  const migrator = new Migrator({ db: t.db.db, provider: { getMigrations: async () => migrations }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
  const down = await migrator.migrateTo('0005-movement-device-clock');
  expect(down.error).toBeUndefined();
  // 0006 and whatever came after it; all of them come back with migrateToLatest below.
  expect(down.results?.map((r) => r.migrationName)).toContain('0006-audit-chains');
  await writeOldChain(12);
  await migrateToLatest(t.db.db);
});
afterAll(async () => {
  await t?.close();
});

describe('migration 0006: the old single chain becomes the start of the hub chain', () => {
  it('records the cut-over in the hub head and verifies the old entries', async () => {
    const hub = await t.db.db.selectFrom('audit_heads').selectAll().where('chain', '=', HUB_CHAIN).executeTakeFirstOrThrow();
    expect(hub).toMatchObject({ legacy_last_id: legacyIds[legacyIds.length - 1], hash: legacyLastHash });
    expect(Number(hub.seq)).toBe(12);
    expect(Number(hub.legacy_seq)).toBe(12);
    const res = await t.call('GET', '/logs/verify', admin.token);
    expect(res.body).toMatchObject({ ok: true, checked: 12, chains: [{ chain: HUB_CHAIN, ok: true, checked: 12, headSeq: 12 }] });
  });

  it('new entries continue the hub chain from the last old hash and start each store chain', async () => {
    expect((await t.call('POST', '/products', admin.token, { sku: `MIG-${uuidv7()}`, name: 'New', unit: 'pc', priceMinor: 100 })).status).toBe(201);
    expect((await t.call('PATCH', `/stores/${storeId}`, admin.token, { name: 'Migrated store' })).status).toBe(200);
    const first = await t.db.db.selectFrom('audit_log').selectAll().where('chain', '=', HUB_CHAIN).where('seq', '=', 13).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(legacyLastHash);
    const storeRow = await t.db.db.selectFrom('audit_log').selectAll().where('chain', '=', storeId).executeTakeFirstOrThrow();
    expect(Number(storeRow.seq)).toBe(1);
    const res = await t.call('GET', '/logs/verify', admin.token);
    expect(res.body.ok, JSON.stringify(res.body)).toBe(true);
    expect(res.body.checked).toBe(14);
  });

  it('an edit of an old entry is still found, by its id', async () => {
    const victim = legacyIds[4]!;
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{n}', '99') WHERE id = ${victim}`.execute(t.db.db);
    const res = await t.call('GET', '/logs/verify', admin.token);
    const hub = res.body.chains.find((c: { chain: string }) => c.chain === HUB_CHAIN);
    expect(hub).toMatchObject({ ok: false, checked: 4, firstBroken: { id: String(victim), seq: 5 } });
    expect(hub.firstBroken.reason).toContain('edited');
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{n}', '4') WHERE id = ${victim}`.execute(t.db.db);
    expect((await t.call('GET', '/logs/verify', admin.token)).body.ok).toBe(true);
  });

  it('the newest old entries deleted are found: the cut-over recorded how many there were', async () => {
    await t.db.db.deleteFrom('audit_log').where('id', '=', legacyIds[legacyIds.length - 1]!).execute();
    const res = await t.call('GET', '/logs/verify', admin.token);
    const hub = res.body.chains.find((c: { chain: string }) => c.chain === HUB_CHAIN);
    expect(hub).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: 12 } });
    expect(hub.firstBroken.reason).toContain('cut-over');
  });
});
