import { auditHashInput, GENESIS_HASH, type ChainVerification } from '@bazaar/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { sha256Hex } from './audit.writer';

const PAGE = 2000;

/**
 * Walk the whole chain in id order and recompute every hash. Reports the first row whose
 * stored hash does not match its content, or whose prev_hash does not match the row before
 * (a row deleted or inserted in the middle). Reads in pages so memory stays flat.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor_id', 'action', 'entity', 'entity_id', 'store_id', 'before', 'after', 'ip', 'prev_hash', 'hash'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, firstBroken: { id: String(r.id), reason: 'prev_hash does not match the previous row (a row was removed, inserted or altered)' } };
      }
      const expected = sha256Hex(
        auditHashInput(prevHash, {
          id: String(r.id),
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          storeId: r.store_id,
          before: r.before ?? null,
          after: r.after ?? null,
          ip: r.ip,
        }),
      );
      if (expected !== r.hash) {
        return { ok: false, checked, firstBroken: { id: String(r.id), reason: 'hash does not match the row content (the row was edited)' } };
      }
      prevHash = r.hash;
      afterId = r.id;
      checked += 1;
    }
    if (rows.length < PAGE) return { ok: true, checked, firstBroken: null };
  }
}
