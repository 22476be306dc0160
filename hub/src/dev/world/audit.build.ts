import { createHash } from 'node:crypto';
import { auditHashInput, GENESIS_HASH } from '@bazaar/shared';
import type { Cell } from './sink';
import { searchText } from '../../audit/audit.writer';

export interface GenAuditEntry {
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  storeId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Staging columns: audit_log's, with the free text to index instead of the tsvector. */
export const AUDIT_STAGE_COLUMNS = [
  ['id', 'bigint'],
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

/**
 * Hash-chain entries (already in time order) after `prevHash`, with ids from the audit
 * sequence, exactly as the hub's writer would: GET /logs/verify must accept the result.
 */
export function* chainAudit(entries: readonly GenAuditEntry[], ids: readonly number[], prevHash: string = GENESIS_HASH): Generator<Cell[]> {
  let prev = prevHash;
  for (const [i, e] of entries.entries()) {
    const id = ids[i];
    if (id === undefined) throw new Error('chainAudit: fewer ids than entries');
    const before = e.before === undefined || e.before === null ? null : (JSON.parse(JSON.stringify(e.before)) as unknown);
    const after = e.after === undefined || e.after === null ? null : (JSON.parse(JSON.stringify(e.after)) as unknown);
    const at = new Date(e.at).toISOString();
    const hash = createHash('sha256')
      .update(auditHashInput(prev, { id: String(id), at, actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId, storeId: e.storeId, before, after, ip: e.ip }), 'utf8')
      .digest('hex');
    yield [id, at, e.actorId, e.actorName, e.action, e.entity, e.entityId, e.storeId, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after), e.ip, prev, hash, auditSearchText(e)];
    prev = hash;
  }
}
