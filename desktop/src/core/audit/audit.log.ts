import { createHash } from 'node:crypto';
import { GENESIS_HASH, auditHashInput, canonicalJson, uuidv7, type AuditEntry } from '@bazaar/shared';
import { sql } from 'kysely';
import type { AuditTable, Executor } from '../db/db.types';

/** The audit action of a counter sale (movements.sale.ts writes it). */
export const SALE_ACTION = 'sale.create';

export interface AuditActor {
  id: string | null;
  name: string | null;
}

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | null;
  storeId: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** An audit row as written (pos is SQLite's to assign). */
export type AuditRowValues = Omit<AuditTable, 'pos'>;

/** The row that chains `rec` after `prevHash`: shared by the Kysely and the prepared-statement writers. */
export function buildAuditRow(prevHash: string, rec: AuditRecord): AuditRowValues {
  const id = uuidv7(rec.at.getTime());
  const at = rec.at.toISOString();
  // Stored as canonical JSON so that verification re-hashes exactly what was hashed.
  const before = rec.before === undefined ? null : JSON.parse(canonicalJson(rec.before));
  const after = rec.after === undefined ? null : JSON.parse(canonicalJson(rec.after));
  const hash = sha256(
    auditHashInput(prevHash, {
      id,
      at,
      actorId: rec.actor.id,
      action: rec.action,
      entity: rec.entity,
      entityId: rec.entityId,
      storeId: rec.storeId,
      before,
      after,
      ip: null,
    }),
  );
  return {
    id,
    at,
    actor_id: rec.actor.id,
    actor_name: rec.actor.name,
    action: rec.action,
    entity: rec.entity,
    entity_id: rec.entityId,
    store_id: rec.storeId,
    before_json: canonicalJson(before),
    after_json: canonicalJson(after),
    prev_hash: prevHash,
    hash,
  };
}

/** Append one audit row, chained to the previous one. Call inside the write transaction it describes. */
export async function appendAudit(db: Executor, rec: AuditRecord): Promise<void> {
  const prev = await db.selectFrom('audit').select('hash').orderBy('pos', 'desc').limit(1).executeTakeFirst();
  await db.insertInto('audit').values(buildAuditRow(prev?.hash ?? GENESIS_HASH, rec)).execute();
}

export interface AuditQuery {
  action?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  beforePos?: number | undefined;
}

export async function listAudit(db: Executor, q: AuditQuery): Promise<{ items: (AuditEntry & { pos: number })[]; nextCursor: string | null }> {
  let query = db.selectFrom('audit').selectAll().orderBy('pos', 'desc').limit(q.limit + 1);
  if (q.action) query = query.where('action', '=', q.action);
  // The action index leaves sales out (migration 0003): saying so lets the planner use it for the others.
  if (q.action && q.action !== SALE_ACTION) query = query.where('action', '<>', sql.lit(SALE_ACTION));
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.beforePos !== undefined) query = query.where('pos', '<', q.beforePos);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const items = page.map((r) => ({
    pos: r.pos,
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    storeId: r.store_id,
    before: JSON.parse(r.before_json) as unknown,
    after: JSON.parse(r.after_json) as unknown,
    ip: null,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? String(last.pos) : null };
}
