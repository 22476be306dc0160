import { anchorDigestInput, HUB_CHAIN, type ChainReport, type HubChainVerification } from '@bazaar/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.types';
import { ChainCheck, type HeadRow, type LogRow, type PointRow } from './audit.chain-check';
import { sha256Hex } from './audit.hash';

const PAGE = 5000;
const LOG_COLUMNS = ['id', 'chain', 'seq', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'store_id', 'before', 'after', 'ip', 'prev_hash', 'hash'] as const;

type Db = Kysely<Database>;

export interface VerifyOptions {
  key: Buffer | null;
}

/**
 * The start of a chain: for the hub chain, the old single chain up to the cut-over (every row
 * up to the cut-over id, in id order, whatever it claims to be), then any row past it without
 * a place in a chain (written around the writer).
 */
async function walkHubStart(db: Db, head: HeadRow, check: ChainCheck): Promise<void> {
  if (head.legacy_last_id !== null) {
    let afterId = 0;
    for (;;) {
      const rows: LogRow[] = await db.selectFrom('audit_log').select(LOG_COLUMNS).where('id', '>', afterId).where('id', '<=', Number(head.legacy_last_id)).orderBy('id').limit(PAGE).execute();
      for (const r of rows) check.legacy(r);
      if (rows.length < PAGE || !check.ok) break;
      afterId = Number(rows[rows.length - 1]!.id);
    }
  }
  if (!check.ok) return;
  const stray = await db.selectFrom('audit_log').select(LOG_COLUMNS).where('seq', 'is', null).where('id', '>', Number(head.legacy_last_id ?? 0)).orderBy('id').limit(1).executeTakeFirst();
  if (stray) check.row(stray);
}

/** Walk one chain from its first row and compare its end with its head and anchor point. */
export async function verifyChain(db: Db, chain: string, head: HeadRow | null, point: PointRow | null, opts: VerifyOptions): Promise<ChainReport> {
  return (await verifyChains(db, [chain], opts, { heads: new Map(head ? [[chain, head]] : []), points: new Map(point ? [[chain, point]] : []) }))[0]!;
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
 * Chains in key order (the database's collation, the order of the (chain, seq) index) after
 * `afterChain`: every chain with a head row or an anchor point (a chain deleted with its head
 * still has its point).
 */
export async function listChains(db: Db, afterChain: string | null, limit: number): Promise<string[]> {
  const after = afterChain ?? '';
  const { rows } = await sql<{ chain: string }>`
    SELECT chain FROM (
      (SELECT chain FROM audit_heads WHERE chain > ${after} ORDER BY chain LIMIT ${limit})
      UNION
      (SELECT chain FROM audit_anchor_points WHERE chain > ${after} ORDER BY chain LIMIT ${limit})
    ) c ORDER BY chain LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.chain);
}

/**
 * Verify the given chains together: their rows are read in (chain, seq) index order, PAGE rows
 * a query whatever the chains' sizes (1,000s of small store chains cost a query per PAGE rows,
 * not one per chain), and each row goes to its chain's check. Reports in the order given.
 */
export async function verifyChains(
  db: Db,
  chains: readonly string[],
  opts: VerifyOptions,
  known?: { heads: Map<string, HeadRow>; points: Map<string, PointRow> },
): Promise<ChainReport[]> {
  const { heads, points } = known ?? (await headsAndPoints(db, chains));
  const checks = new Map(chains.map((c) => [c, new ChainCheck(c, heads.get(c) ?? null, points.get(c) ?? null, opts.key)]));
  const hubHead = heads.get(HUB_CHAIN);
  if (hubHead && checks.has(HUB_CHAIN)) await walkHubStart(db, hubHead, checks.get(HUB_CHAIN)!);
  const withHead = chains.filter((c) => heads.has(c));
  // One index range from the first to the last of these chains (in the index's own collation),
  // keyset-paged on (chain, seq): the row comparison is the index bound, so every page starts
  // where the last ended. Rows of chains not asked for are skipped by the lookup.
  const page = async (after: { chain: string; seq: number } | null): Promise<LogRow[]> => {
    const from: RawBuilder<unknown> = after ? sql`(chain, seq) > (${after.chain}, ${after.seq}::bigint)` : sql`chain >= (SELECT min(c) FROM unnest(${withHead}::text[]) c)`;
    const { rows } = await sql<LogRow>`
      SELECT ${sql.join(LOG_COLUMNS.map((c) => sql.ref(c)))} FROM audit_log
      WHERE ${from} AND chain <= (SELECT max(c) FROM unnest(${withHead}::text[]) c) AND seq IS NOT NULL
      ORDER BY chain, seq LIMIT ${PAGE}`.execute(db);
    return rows;
  };
  // The next page is read while this one is checked: the database and Node work at once.
  let pending: Promise<LogRow[]> | null = withHead.length ? page(null) : null;
  while (pending) {
    const rows = await pending;
    const last = rows[rows.length - 1];
    pending = rows.length === PAGE && last ? page({ chain: last.chain, seq: Number(last.seq) }) : null;
    for (const r of rows) checks.get(r.chain)?.row(r);
  }
  return chains.map((c) => checks.get(c)!.finish());
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
