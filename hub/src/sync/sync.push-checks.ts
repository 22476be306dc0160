import { clampShopDate, shopDateProblem, uuidv7, type SyncMovement } from '@bazaar/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import type { OpenConflict } from '../stock/stock.conflicts';

/**
 * The users a counter of this store may name on a movement: the store's staff and managers
 * (deactivated ones too: a sale recorded before a deactivation can arrive after it). Anyone
 * else (an admin, another store's staff, an id that names no one) is never stored as the actor.
 */
export async function storePeople(trx: Transaction<Database>, storeId: string, movements: readonly SyncMovement[]): Promise<Set<string>> {
  const named = [...new Set(movements.map((m) => m.userId).filter((u): u is string => u !== null))];
  if (named.length === 0) return new Set();
  const rows = await trx
    .selectFrom('user_stores as us')
    .innerJoin('users as u', 'u.id', 'us.user_id')
    .select('u.id')
    .where('us.store_id', '=', storeId)
    .where('u.id', 'in', named)
    .where('u.role', 'in', ['staff', 'manager'])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * A pushed date PostgreSQL or a shop cannot have (year 0000, offset +23:00): the movement is
 * stored with the nearest date in range and rejected, so that one bad row never fails the batch
 * (and the counter's queue never sticks retrying it).
 */
export function pushedDate(value: string, nowMs: number): { value: string; problem: string | null } {
  const problem = shopDateProblem(value, nowMs);
  return problem ? { value: clampShopDate(value, nowMs), problem: `occurredAt ${value.slice(0, 40)}: ${problem}` } : { value, problem: null };
}

/** A device time reading outside the range is not kept (it is audit detail, not the movement's date). */
export function pushedDeviceTime(value: string | null | undefined, nowMs: number): string | null {
  if (value === null || value === undefined) return null;
  return shopDateProblem(value, nowMs) ? null : value;
}

/** One conflict per movement whose named user was not accepted (stored with no user). */
export function unknownUserConflicts(
  storeId: string,
  deviceId: string,
  dropped: ReadonlyMap<string, { userId: string; seq: number; productId: string }>,
  inserted: ReadonlySet<string>,
): OpenConflict[] {
  return [...dropped]
    .filter(([id]) => inserted.has(id))
    .map(([movementId, d]) => ({
      store_id: storeId,
      id: uuidv7(),
      kind: 'UNKNOWN_USER',
      product_id: d.productId,
      movement_id: movementId,
      device_id: deviceId,
      details: JSON.stringify({ namedUserId: d.userId, seq: d.seq, reason: 'the user is not staff of this store; stored with no user' }),
    }));
}
