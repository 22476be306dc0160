import { anchorDigestInput, HUB_CHAIN, type ChainReport, type HubChainVerification } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { ChainCheck, type HeadRow, type LogRow, type PointRow } from './audit.chain-check';
import { sha256Hex } from './audit.hash';

const PAGE = 5000;
const LOG_COLUMNS = ['id', 'chain', 'seq', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'store_id', 'before', 'after', 'ip', 'prev_hash', 'hash'] as const;

type Db = Kysely<Database>;

export interface VerifyOptions {
  key: Buffer | null;
}

/** Walk one chain from its first row and compare its end with its head and anchor point. */
export async function verifyChain(db: Db, chain: string, head: HeadRow | null, point: PointRow | null, opts: VerifyOptions): Promise<ChainReport> {
  const check = new ChainCheck(chain, head, point, opts.key);
  if (head && chain === HUB_CHAIN && head.legacy_last_id !== null) {
    // The old single chain: every row up to the cut-over id, in id order, whatever it claims to be.
    let afterId = 0;
    for (;;) {
      const rows: LogRow[] = await db.selectFrom('audit_log').select(LOG_COLUMNS).where('id', '>', afterId).where('id', '<=', Number(head.legacy_last_id)).orderBy('id').limit(PAGE).execute();
      for (const r of rows) check.legacy(r);
      if (rows.length < PAGE || !check.ok) break;
      afterId = Number(rows[rows.length - 1]!.id);
    }
  }
  if (head && check.ok) {
    if (chain === HUB_CHAIN) {
      // A row outside every chain's order (no seq) past the cut-over was written around the writer.
      const stray = await db.selectFrom('audit_log').select(LOG_COLUMNS).where('seq', 'is', null).where('id', '>', Number(head.legacy_last_id ?? 0)).orderBy('id').limit(1).executeTakeFirst();
      if (stray) check.row(stray);
    }
    let afterSeq = 0;
    while (check.ok) {
      const rows: LogRow[] = await db.selectFrom('audit_log').select(LOG_COLUMNS).where('chain', '=', chain).where('seq', '>', afterSeq).orderBy('seq').limit(PAGE).execute();
      for (const r of rows) check.row(r);
      if (rows.length < PAGE) break;
      afterSeq = Number(rows[rows.length - 1]!.seq);
    }
  }
  return check.finish();
}

/** The latest anchor (a hub-chain row) must digest exactly the anchor points now stored. */
export async function verifyAnchors(db: Db): Promise<{ ok: boolean; reason: string | null }> {
  const points = await db.selectFrom('audit_anchor_points').select(['chain', 'seq', 'hash']).execute();
  const anchor = await db
    .selectFrom('audit_log')
    .select(['id', 'after'])
    .where('action', '=', 'audit.anchor')
    .where('chain', '=', HUB_CHAIN)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!anchor) return points.length ? { ok: false, reason: 'anchor points exist but no anchor row does (the anchor row was deleted)' } : { ok: true, reason: null };
  const recorded = (anchor.after ?? {}) as { digest?: unknown; chains?: unknown };
  const digest = sha256Hex(anchorDigestInput(points.map((p) => ({ chain: p.chain, seq: Number(p.seq), hash: p.hash }))));
  if (recorded.digest !== digest || recorded.chains !== points.length) {
    return { ok: false, reason: `the anchor points do not match the digest of the latest anchor (row ${anchor.id}): they were changed` };
  }
  return { ok: true, reason: null };
}

async function headsAndPoints(db: Db, chains: readonly string[]): Promise<{ heads: Map<string, HeadRow>; points: Map<string, PointRow> }> {
  if (chains.length === 0) return { heads: new Map(), points: new Map() };
  const [heads, points] = await Promise.all([
    db.selectFrom('audit_heads').selectAll().where('chain', 'in', chains).execute(),
    db.selectFrom('audit_anchor_points').select(['chain', 'seq', 'hash']).where('chain', 'in', chains).execute(),
  ]);
  return { heads: new Map(heads.map((h) => [h.chain, h])), points: new Map(points.map((p) => [p.chain, p])) };
}

/**
 * Chains in key order after `afterChain`: every chain with a head row or an anchor point (a
 * chain deleted with its head still has its point).
 */
export async function listChains(db: Db, afterChain: string | null, limit: number): Promise<string[]> {
  const after = afterChain ?? '';
  const { rows } = await sql<{ chain: string }>`
    SELECT chain FROM (
      (SELECT chain FROM audit_heads WHERE chain COLLATE "C" > ${after} ORDER BY chain COLLATE "C" LIMIT ${limit})
      UNION
      (SELECT chain FROM audit_anchor_points WHERE chain COLLATE "C" > ${after} ORDER BY chain COLLATE "C" LIMIT ${limit})
    ) c ORDER BY chain COLLATE "C" LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.chain);
}

/** Chains checked at once: one reading while another hashes (the database and Node each get a core). */
const PARALLEL = 3;

/** Verify the given chains, a few at a time; reports in the order given. */
export async function verifyChains(db: Db, chains: readonly string[], opts: VerifyOptions): Promise<ChainReport[]> {
  const { heads, points } = await headsAndPoints(db, chains);
  const out: ChainReport[] = new Array<ChainReport>(chains.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < chains.length; i = next++) {
      const chain = chains[i]!;
      out[i] = await verifyChain(db, chain, heads.get(chain) ?? null, points.get(chain) ?? null, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, chains.length) }, worker));
  return out;
}

function summary(reports: readonly ChainReport[]): Pick<HubChainVerification, 'ok' | 'checked' | 'firstBroken'> {
  const bad = reports.find((r) => !r.ok);
  return {
    ok: !bad,
    checked: reports.reduce((a, r) => a + r.checked, 0),
    firstBroken: bad?.firstBroken ? { id: bad.firstBroken.id, reason: `chain ${bad.chain}: ${bad.firstBroken.reason}` } : null,
  };
}

/** One store's chain. */
export async function verifyStore(db: Db, storeId: string, opts: VerifyOptions): Promise<HubChainVerification> {
  const chains = await verifyChains(db, [storeId], opts);
  return { ...summary(chains), chains, anchors: null, nextCursor: null };
}

/** A page of chains in key order; the last page also checks the anchors. */
export async function verifyPage(db: Db, afterChain: string | null, limit: number, opts: VerifyOptions): Promise<HubChainVerification> {
  const listed = await listChains(db, afterChain, limit + 1);
  const chains = listed.slice(0, limit);
  const more = listed.length > limit;
  const reports = await verifyChains(db, chains, opts);
  const anchors = more ? null : await verifyAnchors(db);
  const s = summary(reports);
  return {
    ...s,
    ok: s.ok && (anchors?.ok ?? true),
    firstBroken: s.firstBroken ?? (anchors && !anchors.ok ? { id: '', reason: anchors.reason ?? 'anchors do not match' } : null),
    chains: reports,
    anchors,
    nextCursor: more ? chains[chains.length - 1]! : null,
  };
}
