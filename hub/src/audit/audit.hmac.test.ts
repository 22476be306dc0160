import { auditChainInput } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { storeWithEntries as storeWithEntriesOf } from './audit.test-kit';
import { anchorStoreHeads } from './audit.anchor';
import { sha256Hex } from './audit.hash';
import { verifyStore } from './audit.verify';

const KEY = 'test-audit-key-0123456789abcdef-0123456789';

let t: TestApp;
let admin: TestUser;
useTestApp((c) => ({ t, admin } = c), { config: { AUDIT_HMAC_KEY: KEY } });
const storeWithEntries = (code: string, updates: number) => storeWithEntriesOf(t, admin, code, updates);

/**
 * What someone with write access to the database (and no key) can do: change a row, then
 * recompute every hash from it on with plain sha256, exactly as the format prescribes, and
 * move the head to the new end. Returns nothing; the chain is self-consistent afterwards.
 */
async function rewriteWithoutKey(chain: string, fromSeq: number, edit: (name: string | null) => string): Promise<void> {
  const rows = await t.db.db.selectFrom('audit_log').selectAll().where('chain', '=', chain).orderBy('seq').execute();
  let prev = rows[fromSeq - 2]?.hash ?? '0'.repeat(64);
  for (const r of rows.slice(fromSeq - 1)) {
    const actorName = Number(r.seq) === fromSeq ? edit(r.actor_name) : r.actor_name;
    const hash = sha256Hex(
      auditChainInput(prev, {
        chain, seq: Number(r.seq), id: String(r.id), at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName, action: r.action,
        entity: r.entity, entityId: r.entity_id, storeId: r.store_id, before: r.before ?? null, after: r.after ?? null, ip: r.ip,
      }),
    );
    await sql`UPDATE audit_log SET actor_name = ${actorName}, prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(t.db.db);
    prev = hash;
  }
  await sql`UPDATE audit_heads SET hash = ${prev} WHERE chain = ${chain}`.execute(t.db.db);
}

describe('audit chains with AUDIT_HMAC_KEY', () => {
  it('HMAC-chains from the first entry and verifies with the key', async () => {
    const s = await storeWithEntries('HM-OK', 2);
    const res = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(res.body).toMatchObject({ ok: true, checked: 3, chains: [{ chain: s, hmacFromSeq: 1, headSeq: 3 }] });
    // Not a plain sha256 chain: the first row's hash is not the sha256 of its content.
    const first = await t.db.db.selectFrom('audit_log').selectAll().where('chain', '=', s).where('seq', '=', 1).executeTakeFirstOrThrow();
    const plain = sha256Hex(auditChainInput(first.prev_hash, {
      chain: s, seq: 1, id: String(first.id), at: new Date(first.at).toISOString(), actorId: first.actor_id, actorName: first.actor_name, action: first.action,
      entity: first.entity, entityId: first.entity_id, storeId: first.store_id, before: first.before ?? null, after: first.after ?? null, ip: first.ip,
    }));
    expect(first.hash).not.toBe(plain);
  });

  it('finds a chain recomputed with plain sha256 after an edit', async () => {
    const s = await storeWithEntries('HM-TAMPER', 3);
    const victim = await t.db.db.selectFrom('audit_log').select('id').where('chain', '=', s).where('seq', '=', 2).executeTakeFirstOrThrow();
    await rewriteWithoutKey(s, 2, () => 'a different person');
    const res = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(res.body.ok).toBe(false);
    expect(res.body.chains[0].firstBroken).toMatchObject({ id: String(victim.id), seq: 2 });
    expect(res.body.chains[0].firstBroken.reason).toContain('HMAC');
  });

  it('finds the same rewrite with the HMAC marker dropped or moved, which a keyless check would accept', async () => {
    const s = await storeWithEntries('HM-DOWNGRADE', 2);
    await rewriteWithoutKey(s, 1, () => 'nobody');
    await sql`UPDATE audit_heads SET hmac_from_seq = NULL, hmac_tag = NULL WHERE chain = ${s}`.execute(t.db.db);
    // Without the key the rewritten chain is a valid plain chain: this is the attack the key stops.
    expect(await verifyStore(t.db.db, s, { key: null })).toMatchObject({ ok: true, checked: 3 });
    const dropped = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(dropped.body.ok).toBe(false);
    expect(dropped.body.chains[0].firstBroken.reason).toContain('no HMAC marker');

    const tag = (await t.db.db.selectFrom('audit_heads').select('hmac_tag').where('chain', '!=', s).where('hmac_tag', 'is not', null).executeTakeFirstOrThrow()).hmac_tag;
    await sql`UPDATE audit_heads SET hmac_from_seq = 4, hmac_tag = ${tag} WHERE chain = ${s}`.execute(t.db.db);
    const moved = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(moved.body.ok).toBe(false);
    expect(moved.body.chains[0].firstBroken.reason).toContain('marker');
  });

  it('a chain written before the key was set gets its marker from the anchor job, pinning its plain part', async () => {
    const s = await storeWithEntries('HM-LATE', 1);
    // As if written by a hub without the key: plain rows and no marker.
    await rewriteWithoutKey(s, 1, (n) => n ?? 'x');
    await sql`UPDATE audit_heads SET hmac_from_seq = NULL, hmac_tag = NULL WHERE chain = ${s}`.execute(t.db.db);
    expect((await t.call('GET', `/logs/verify?storeId=${s}`, admin.token)).body.ok).toBe(false);
    await anchorStoreHeads(t.db.db, new Date());
    const marked = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(marked.body).toMatchObject({ ok: true, chains: [{ hmacFromSeq: 3 }] });
    // Its plain rows can no longer be rewritten unnoticed: the anchor recorded its head...
    await rewriteWithoutKey(s, 1, () => 'someone else');
    const after = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(after.body.ok).toBe(false);
    expect(after.body.chains[0].firstBroken.reason).toContain('anchor');
    // ...and with the anchor point gone too, the marker's tag still covers the hash they end in.
    await t.db.db.deleteFrom('audit_anchor_points').where('chain', '=', s).execute();
    const noPoint = await t.call('GET', `/logs/verify?storeId=${s}`, admin.token);
    expect(noPoint.body.ok).toBe(false);
    expect(noPoint.body.chains[0].firstBroken.reason).toContain('marker');
  });
});
