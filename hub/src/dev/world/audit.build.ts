import { auditChainInput, GENESIS_HASH, type AuditChainFields } from '@bazaar/shared';
import type { Cell } from './sink';
import { chainHash } from '../../audit/audit.hash';
import { chainOf, compareChains, searchText } from '../../audit/audit.writer';

/** A generated entry: the hashed fields of a format-2 row without its place (chain, seq, id), time in ms. */
export type GenAuditEntry = Omit<AuditChainFields, 'chain' | 'seq' | 'id' | 'at'> & { at: number };

/** Staging columns: audit_log's, with the free text to index instead of the tsvector. */
export const AUDIT_STAGE_COLUMNS = [
  ['id', 'bigint'],
  ['chain', 'text'],
  ['seq', 'bigint'],
  ['at', 'timestamptz'],
  ['actor_id', 'uuid'],
  ['actor_name', 'text'],
  ['action', 'text'],
  ['entity', 'text'],
  ['entity_id', 'text'],
  ['store_id', 'uuid'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['ip', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
  ['search_text', 'text'],
] as const;

/** The hub writer's own search text, so generated rows are found exactly as live ones are. */
export const auditSearchText = (e: GenAuditEntry): string => searchText(e);

/** A chain's head as the generator moves it: seq and hash of its last row. */
export interface GenHead {
  seq: number;
  hash: string;
}

/**
 * The entries in the order they get their ids: chain by chain in the writer's lock order,
 * time order within a chain (the sort is stable), so ids rise with seq inside every chain.
 */
export function inChainOrder(entries: readonly GenAuditEntry[]): GenAuditEntry[] {
  return entries
    .map((e, i) => ({ e, i, chain: chainOf(e) }))
    .sort((a, b) => compareChains(a.chain, b.chain) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Hash-chain entries (in inChainOrder) onto their chains' heads, with ids from the audit
 * sequence, exactly as the hub's writer would (format 2, HMAC with `key`): GET /logs/verify
 * must accept the result. `heads` is moved along; write it back to audit_heads afterwards.
 */
export function* chainAudit(entries: readonly GenAuditEntry[], ids: readonly number[], heads: Map<string, GenHead>, key: Buffer | null): Generator<Cell[]> {
  for (const [i, e] of entries.entries()) {
    const id = ids[i];
    if (id === undefined) throw new Error('chainAudit: fewer ids than entries');
    const chain = chainOf(e);
    const head = heads.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
    const before = e.before === undefined || e.before === null ? null : (JSON.parse(JSON.stringify(e.before)) as unknown);
    const after = e.after === undefined || e.after === null ? null : (JSON.parse(JSON.stringify(e.after)) as unknown);
    const at = new Date(e.at).toISOString();
    const seq = head.seq + 1;
    const hash = chainHash(
      key,
      auditChainInput(head.hash, { chain, seq, id: String(id), at, actorId: e.actorId, actorName: e.actorName, action: e.action, entity: e.entity, entityId: e.entityId, storeId: e.storeId, before, after, ip: e.ip }),
    );
    yield [id, chain, seq, at, e.actorId, e.actorName, e.action, e.entity, e.entityId, e.storeId, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after), e.ip, head.hash, hash, auditSearchText(e)];
    heads.set(chain, { seq, hash });
  }
}
