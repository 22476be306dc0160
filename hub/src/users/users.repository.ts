import type { User } from '@bazaar/shared';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, UserRow } from '../db/database.types';
import { iso } from '../http/route-helpers';

type Db = Kysely<Database> | Transaction<Database>;

export type UserWithStores = UserRow & { store_ids: string[] };

/** Users with their store ids in one query (no N+1). */
export function selectUsers(db: Db) {
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .select(
      sql<string[]>`coalesce((select array_agg(us.store_id::text order by us.store_id) from user_stores us where us.user_id = u.id), '{}'::text[])`.as(
        'store_ids',
      ),
    );
}

export async function findUser(db: Db, id: string): Promise<UserWithStores | undefined> {
  return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
}

export function toUser(row: UserWithStores): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    storeIds: row.store_ids,
    active: row.active,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Replace a user's store assignments. */
export async function setUserStores(trx: Transaction<Database>, userId: string, storeIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('user_stores').where('user_id', '=', userId).execute();
  if (storeIds.length) {
    await trx
      .insertInto('user_stores')
      .values([...new Set(storeIds)].sort().map((store_id) => ({ store_id, user_id: userId })))
      .execute();
  }
}

/** The ids among storeIds that are not existing, live stores. */
export async function missingStores(db: Db, storeIds: readonly string[]): Promise<string[]> {
  if (storeIds.length === 0) return [];
  const found = await db.selectFrom('stores').select('id').where('id', 'in', [...storeIds]).where('archived', '=', false).execute();
  const ok = new Set(found.map((r) => r.id));
  return storeIds.filter((id) => !ok.has(id));
}
