import { auditChainInput, GENESIS_HASH, HUB_CHAIN, type AuditChainFields } from '@bazaar/shared';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import { prepared } from '../db/db.prepared';
import { auditKey, chainHash, hmacMarkerTag } from './audit.hash';

/** What a writer says of an entry: the chained fields but its place, id and time (given by the writer), before/after/ip optional. */
export type AuditEntry = Pick<AuditChainFields, 'actorId' | 'actorName' | 'action' | 'entity' | 'entityId' | 'storeId'> &
  Partial<Pick<AuditChainFields, 'before' | 'after' | 'ip'>> & { at?: Date };

/** A store's entries go to the store's chain; everything hub-wide (catalog, users, settings) to the hub chain. */
export function chainOf(e: Pick<AuditEntry, 'storeId'>): string {
  return e.storeId ?? HUB_CHAIN;
}

/** The one lock order of audit heads: store chains by id, the hub chain last. */
export function compareChains(a: string, b: string): number {
  if (a === b) return 0;
  if (a === HUB_CHAIN) return 1;
  if (b === HUB_CHAIN) return -1;
  return a < b ? -1 : 1;
}

/** JSON round trip: what we hash must be exactly what jsonb gives back (no undefined, no Date objects). */
function jsonValue(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

/** A chain head as locked for an append (audit_heads row). */
export interface LockedHead {
  chain: string;
  seq: number;
  hash: string;
  hmac_from_seq: number | null;
}

interface HeadUpdate {
  chain: string;
  seq: number;
  hash: string;
  hmacFrom: number | null;
  hmacTag: string | null;
}

/** The locked heads of the chains an append writes to, and the row ids drawn after the locks. */
export interface AuditDraw {
  heads: readonly LockedHead[];
  ids: readonly (string | number)[];
}

/**
 * Append audit rows in the caller's transaction, each to its chain (chainOf): a store's own
 * chain, or the hub chain. A chain's head (seq, hash) is a row of audit_heads, locked here and
 * rewritten in the same transaction, so writers of one chain serialise on that row and writers
 * of different stores never wait on each other; deleting the newest rows leaves the head
 * pointing past the end, which verification reports.
 *
 * Two statements: (1) lock (or create) the heads in the one order (store chains by id, hub
 * last) and draw the row ids after the locks, so ids rise with seq within a chain; (2) insert
 * the rows and move the heads. Call this LAST in a transaction (after lockScopes and row
 * locks): the head is then held only for these two statements and the commit, and every
 * transaction takes change counters before audit heads, which keeps the order deadlock-free.
 * A write path that counts its round trips can take the heads inside a statement of its own
 * (in that order) and append with auditAppendSql (the sync push does).
 *
 * With AUDIT_HMAC_KEY (audit.hash.ts) rows are HMAC-chained; a chain's first keyed write
 * records where the keyed part starts, with a tag only the key can make.
 */
export async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  if (list.length === 0) return;
  const draw = await lockAuditHeads(trx, [...new Set(list.map(chainOf))], list.length);
  await auditAppendSql(draw, list).execute(trx);
}

/** Statement (1) of writeAudit: lock (or create) these chains' heads in the one order, then draw `count` row ids. */
export async function lockAuditHeads(trx: Transaction<Database> | Kysely<Database>, chainList: readonly string[], count: number): Promise<AuditDraw> {
  const chains = [...new Set(chainList)].sort(compareChains);
  const { rows } = await sql<{ heads: LockedHead[]; ids: (string | number)[] }>`
    WITH locked AS (
      INSERT INTO audit_heads AS h (chain, seq, hash)
      SELECT u.chain, 0, ${GENESIS_HASH} FROM unnest(${chains}::text[]) WITH ORDINALITY AS u(chain, o) ORDER BY u.o
      ON CONFLICT (chain) DO UPDATE SET seq = h.seq
      RETURNING h.chain, h.seq, h.hash, h.hmac_from_seq)
    SELECT (SELECT json_agg(l) FROM locked l) AS heads,
           array(SELECT nextval('audit_log_id_seq') FROM generate_series(1, ${count}::int) WHERE (SELECT count(*) FROM locked) > 0) AS ids`.execute(trx);
  return rows[0]!;
}

/**
 * Statement (2) of writeAudit: insert the entries, hashed onto the locked heads, and move the
 * heads. `withFirst` are other writes of the same transaction to run in the same statement
 * ("name AS (INSERT …)" CTEs, with no locks left to take): one round trip for all of them.
 */
export function auditAppendSql(
  draw: AuditDraw,
  list: readonly AuditEntry[],
  withFirst: readonly RawBuilder<unknown>[] = [],
  opts: { prepared?: boolean } = {},
): RawBuilder<unknown> {
  const { heads, ids } = draw;
  const key = auditKey();

  const state = new Map<string, HeadUpdate>();
  for (const h of heads) {
    const seq = Number(h.seq);
    const mark = key !== null && h.hmac_from_seq === null;
    state.set(h.chain, {
      chain: h.chain,
      seq,
      hash: h.hash,
      hmacFrom: mark ? seq + 1 : null,
      hmacTag: mark ? hmacMarkerTag(key, h.chain, seq + 1, h.hash) : null,
    });
  }

  // Ids are handed out in chain order, so within every chain they rise with seq.
  const ordered = list.map((e, i) => ({ e, i, chain: chainOf(e) })).sort((a, b) => compareChains(a.chain, b.chain) || a.i - b.i);
  const cols = {
    id: [] as string[], chain: [] as string[], seq: [] as number[], at: [] as string[],
    actorId: [] as (string | null)[], actorName: [] as (string | null)[], action: [] as string[], entity: [] as string[],
    entityId: [] as (string | null)[], storeId: [] as (string | null)[], before: [] as (string | null)[], after: [] as (string | null)[],
    ip: [] as (string | null)[], prevHash: [] as string[], hash: [] as string[], search: [] as string[],
  };
  ordered.forEach(({ e, chain }, i) => {
    const head = state.get(chain);
    if (!head) throw new Error(`audit: the head of chain ${chain} was not locked`);
    const fields: AuditChainFields = {
      chain,
      seq: head.seq + 1,
      id: String(ids[i]!),
      at: (e.at ?? new Date()).toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      storeId: e.storeId,
      before: jsonValue(e.before),
      after: jsonValue(e.after),
      ip: e.ip ?? null,
    };
    const hash = chainHash(key, auditChainInput(head.hash, fields));
    cols.id.push(fields.id);
    cols.chain.push(chain);
    cols.seq.push(fields.seq);
    cols.at.push(fields.at);
    cols.actorId.push(fields.actorId);
    cols.actorName.push(fields.actorName);
    cols.action.push(fields.action);
    cols.entity.push(fields.entity);
    cols.entityId.push(fields.entityId);
    cols.storeId.push(fields.storeId);
    cols.before.push(fields.before === null ? null : JSON.stringify(fields.before));
    cols.after.push(fields.after === null ? null : JSON.stringify(fields.after));
    cols.ip.push(fields.ip);
    cols.prevHash.push(head.hash);
    cols.hash.push(hash);
    cols.search.push(searchText(e));
    head.seq = fields.seq;
    head.hash = hash;
  });
  const moved = [...state.values()];

  return sql`${prepared(opts.prepared ?? false)}
    WITH ${sql.join([...withFirst, sql`ins AS (
      INSERT INTO audit_log (id, chain, seq, at, actor_id, actor_name, action, entity, entity_id, store_id, before, after, ip, prev_hash, hash, search)
      SELECT u.id, u.chain, u.seq, u.at, u.actor_id, u.actor_name, u.action, u.entity, u.entity_id, u.store_id, u.before, u.after, u.ip,
             u.prev_hash, u.hash, to_tsvector('simple', u.search)
      FROM unnest(${cols.id}::bigint[], ${cols.chain}::text[], ${cols.seq}::bigint[], ${cols.at}::timestamptz[], ${cols.actorId}::uuid[],
                  ${cols.actorName}::text[], ${cols.action}::text[], ${cols.entity}::text[], ${cols.entityId}::text[], ${cols.storeId}::uuid[],
                  ${cols.before}::jsonb[], ${cols.after}::jsonb[], ${cols.ip}::text[], ${cols.prevHash}::text[], ${cols.hash}::text[], ${cols.search}::text[])
        AS u(id, chain, seq, at, actor_id, actor_name, action, entity, entity_id, store_id, before, after, ip, prev_hash, hash, search))`])}
    UPDATE audit_heads h
    SET seq = v.seq, hash = v.hash, hmac_from_seq = coalesce(h.hmac_from_seq, v.hmac_from), hmac_tag = coalesce(h.hmac_tag, v.hmac_tag)
    FROM unnest(${moved.map((m) => m.chain)}::text[], ${moved.map((m) => m.seq)}::bigint[], ${moved.map((m) => m.hash)}::text[],
                ${moved.map((m) => m.hmacFrom)}::bigint[], ${moved.map((m) => m.hmacTag)}::text[]) AS v(chain, seq, hash, hmac_from, hmac_tag)
    WHERE h.chain = v.chain`;
}

/** Words a person might search the log for: who, what, and the string values that changed. */
export function searchText(e: Pick<AuditEntry, 'action' | 'entity' | 'entityId' | 'actorName' | 'before' | 'after'>): string {
  const words: string[] = [e.action.replace(/[._]/g, ' '), e.entity, e.entityId ?? '', e.actorName ?? ''];
  const collect = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || v === undefined) return;
    if (typeof v === 'string') words.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') words.push(String(v));
    else if (Array.isArray(v)) v.forEach((x) => collect(x, depth + 1));
    else if (typeof v === 'object') Object.values(v as Record<string, unknown>).forEach((x) => collect(x, depth + 1));
  };
  collect(e.before, 0);
  collect(e.after, 0);
  return words.join(' ').slice(0, 20_000);
}
