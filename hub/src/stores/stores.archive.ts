import type { ArchivePreview } from '@bazaar/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import { isoOrNull } from '../http/route-helpers';


/** What archiving a store does, said before it is done (GET /stores/:id/archive-preview). */
export async function archivePreview(db: Kysely<Database>, storeId: string): Promise<ArchivePreview> {
  const devices = await db
    .selectFrom('devices')
    .select(['id', 'name', 'last_seq', 'last_push_at'])
    .where('store_id', '=', storeId)
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
  const conflicts = await db
    .selectFrom('conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('store_id', '=', storeId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return {
    storeId,
    activeDevices: devices.map((d) => ({ id: d.id, name: d.name, lastSeq: Number(d.last_seq), lastPushAt: isoOrNull(d.last_push_at) })),
    openConflicts: Number(conflicts.n),
    effect:
      'archiving revokes every counter of the store; movements still queued on a counter are accepted on its next push, stored as rejected and raised as conflicts for head office to decide',
  };
}

/** Revoke the store's active devices in the archiving transaction; answers their ids (to evict from the principal cache). */
export async function revokeStoreDevices(trx: Transaction<Database>, storeId: string, at: Date): Promise<string[]> {
  const rows = await trx.updateTable('devices').set({ revoked_at: at }).where('store_id', '=', storeId).where('revoked_at', 'is', null).returning('id').execute();
  return rows.map((r) => r.id);
}
