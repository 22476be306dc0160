import { clampShopDate, shopDateProblem, uuidv7 } from '@bazaar/shared';
import type { OpenConflict } from '../stock/stock.conflicts';

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
