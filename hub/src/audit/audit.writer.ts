import { createHash } from 'node:crypto';
import { auditHashInput, GENESIS_HASH, type AuditHashFields } from '@bazaar/shared';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';

export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  storeId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at?: Date;
}

/** Any constant: the one advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 7_020_301;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON round trip: what we hash must be exactly what jsonb gives back (no undefined, no Date objects). */
function jsonValue(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

/**
 * Append audit rows in the caller's transaction, hash-chained. The chain is one sequence, so
 * appends are serialised by a transaction-scoped advisory lock held until commit; call this
 * LAST in a transaction (after lockScopes and row locks) so no one waits on the chain while
 * holding other locks for long, and the lock order stays deadlock-free.
 */
export async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  if (list.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  // A statement of its own after the lock: its snapshot, taken once the lock is held, sees the
  // chain's last committed row. The ids come in ascending order, one per entry.
  const { rows } = await sql<{ last: string | null; ids: (string | number)[] }>`
    SELECT (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS last,
           array(SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) FROM generate_series(1, ${list.length})) AS ids`.execute(trx);
  const { last, ids } = rows[0]!;

  let prevHash = last ?? GENESIS_HASH;
  const chained = list.map((e, i) => {
    const fields: AuditHashFields = {
      id: String(ids[i]!),
      at: (e.at ?? new Date()).toISOString(),
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      storeId: e.storeId,
      before: jsonValue(e.before),
      after: jsonValue(e.after),
      ip: e.ip ?? null,
    };
    const hash = sha256Hex(auditHashInput(prevHash, fields));
    const row = { fields, actorName: e.actorName, prevHash, hash, searchText: searchText(e) };
    prevHash = hash;
    return row;
  });

  await trx
    .insertInto('audit_log')
    .values(
      chained.map((r) => ({
        id: Number(r.fields.id),
        at: r.fields.at,
        actor_id: r.fields.actorId,
        actor_name: r.actorName,
        action: r.fields.action,
        entity: r.fields.entity,
        entity_id: r.fields.entityId,
        store_id: r.fields.storeId,
        before: r.fields.before === null ? null : JSON.stringify(r.fields.before),
        after: r.fields.after === null ? null : JSON.stringify(r.fields.after),
        ip: r.fields.ip,
        prev_hash: r.prevHash,
        hash: r.hash,
        search: sql`to_tsvector('simple', ${r.searchText})`,
      })),
    )
    .execute();
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
