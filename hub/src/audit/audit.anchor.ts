import { anchorDigestInput, HUB_CHAIN } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import { auditKey, hmacMarkerTag, sha256Hex } from './audit.hash';
import { writeAudit } from './audit.writer';

export const anchorAuditJob = z.object({}).passthrough();

const MARK_BATCH = 500;

/**
 * With AUDIT_HMAC_KEY set, give every chain not written since the key was set its HMAC marker
 * (from its next entry on, pinning its current hash). Small transactions of heads in key order
 * ('hub' sorts after every store id), no other lock held: the writers' order is kept.
 */
export async function markChainsForHmac(db: Kysely<Database>, key: Buffer): Promise<number> {
  let marked = 0;
  let after = '';
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ chain: string; seq: string | number; hash: string }>`
        SELECT chain, seq, hash FROM audit_heads
        WHERE hmac_from_seq IS NULL AND chain COLLATE "C" > ${after}
        ORDER BY chain COLLATE "C" LIMIT ${MARK_BATCH} FOR UPDATE`.execute(trx);
      if (rows.length === 0) return rows;
      const from = rows.map((r) => Number(r.seq) + 1);
      await sql`
        UPDATE audit_heads h SET hmac_from_seq = v.from_seq, hmac_tag = v.tag
        FROM unnest(${rows.map((r) => r.chain)}::text[], ${from}::bigint[], ${rows.map((r, i) => hmacMarkerTag(key, r.chain, from[i]!, r.hash))}::text[]) AS v(chain, from_seq, tag)
        WHERE h.chain = v.chain`.execute(trx);
      return rows;
    });
    marked += batch.length;
    if (batch.length < MARK_BATCH) break;
    after = batch[batch.length - 1]!.chain;
  }
  return marked;
}

export interface AnchorResult {
  /** Store chains the anchor digests. */
  chains: number;
  /** Of those, how many moved since the previous anchor. */
  changed: number;
  /** The anchor's seq in the hub chain; null when nothing moved (no row written). */
  anchorSeq: number | null;
}

/**
 * Anchor every store chain's head into the hub chain: one hub-chain row carries the digest of
 * all (chain, seq, hash), and audit_anchor_points keeps what it digested, so verification can
 * tell a store chain cut back or rewritten below its anchor. The store heads are read as
 * committed (no lock: a head that moves meanwhile is anchored next time), so the job never
 * holds up a store's writers. Anchors serialise on the hub head, taken first.
 */
export async function anchorStoreHeads(db: Kysely<Database>, now: Date): Promise<AnchorResult> {
  const key = auditKey();
  if (key) await markChainsForHmac(db, key);
  return db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO audit_heads AS h (chain, seq, hash) VALUES (${HUB_CHAIN}, 0, repeat('0', 64))
      ON CONFLICT (chain) DO UPDATE SET seq = h.seq`.execute(trx);
    const { rows: moved } = await sql<{ chain: string; seq: string | number; hash: string }>`
      SELECT h.chain, h.seq, h.hash FROM audit_heads h
      LEFT JOIN audit_anchor_points p ON p.chain = h.chain
      WHERE h.chain <> ${HUB_CHAIN} AND (p.chain IS NULL OR p.seq <> h.seq OR p.hash <> h.hash)`.execute(trx);
    if (moved.length === 0) {
      const n = await trx.selectFrom('audit_anchor_points').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return { chains: Number(n.n), changed: 0, anchorSeq: null };
    }
    await sql`
      INSERT INTO audit_anchor_points AS p (chain, seq, hash, anchor_seq)
      SELECT * FROM unnest(${moved.map((m) => m.chain)}::text[], ${moved.map((m) => Number(m.seq))}::bigint[], ${moved.map((m) => m.hash)}::text[], ${moved.map(() => 0)}::bigint[])
      ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, anchor_seq = 0`.execute(trx);
    const points = await trx.selectFrom('audit_anchor_points').select(['chain', 'seq', 'hash']).execute();
    const digest = sha256Hex(anchorDigestInput(points.map((p) => ({ chain: p.chain, seq: Number(p.seq), hash: p.hash }))));
    await writeAudit(trx, {
      actorId: null,
      actorName: 'system',
      action: 'audit.anchor',
      entity: 'audit_chain',
      entityId: null,
      storeId: null,
      after: { digest, chains: points.length, changed: moved.length },
      at: now,
    });
    const hub = await trx.selectFrom('audit_heads').select('seq').where('chain', '=', HUB_CHAIN).executeTakeFirstOrThrow();
    await trx.updateTable('audit_anchor_points').set({ anchor_seq: Number(hub.seq) }).where('anchor_seq', '=', 0).execute();
    return { chains: points.length, changed: moved.length, anchorSeq: Number(hub.seq) };
  });
}
