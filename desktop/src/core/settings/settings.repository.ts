import { DomainError } from '@bazaar/shared';
import type { Executor, SettingsRow, SyncStateRow } from '../db/db.types';

export async function findSettings(db: Executor): Promise<SettingsRow | undefined> {
  return db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** The store's settings; a database without a store cannot record anything yet. */
export async function requireSettings(db: Executor): Promise<SettingsRow> {
  const s = await findSettings(db);
  if (!s) {
    throw new DomainError('BAD_REQUEST', 'this database has no store yet: run `bazaar-store init --code CODE --name NAME` first');
  }
  return s;
}

export async function getSyncState(db: Executor): Promise<SyncStateRow> {
  return db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}
