import { DomainError } from '@bazaar/shared';
import type { Executor } from '../db/db.types';

/** Wrong PINs allowed before the back-off starts; then 30 s, doubling per wrong PIN, at most 15 min. */
export const PIN_FREE_TRIES = 3;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export function lockMsAfter(failures: number): number {
  if (failures < PIN_FREE_TRIES) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - PIN_FREE_TRIES));
}

/**
 * Throws RATE_LIMITED while this username is backed off. A clock set back behind the last
 * wrong PIN counts as still locked (turning the PC's clock back must not reopen the door).
 */
export async function assertMayTryPin(db: Executor, username: string, nowMs: number): Promise<void> {
  const row = await db.selectFrom('signin_attempts').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row || row.failures < PIN_FREE_TRIES) return;
  const until = nowMs < row.last_failed_at ? row.last_failed_at + lockMsAfter(row.failures) : row.locked_until;
  if (nowMs >= until) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((until - nowMs) / 1000));
  throw new DomainError('RATE_LIMITED', `too many wrong PINs for this user; try again in ${retryAfterSeconds} s`, { retryAfterSeconds, field: 'pin' });
}

export async function recordWrongPin(db: Executor, username: string, nowMs: number): Promise<void> {
  const row = await db.selectFrom('signin_attempts').select('failures').where('username', '=', username).executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const values = { username, failures, locked_until: nowMs + lockMsAfter(failures), last_failed_at: nowMs };
  await db
    .insertInto('signin_attempts')
    .values(values)
    .onConflict((oc) => oc.column('username').doUpdateSet({ failures, locked_until: values.locked_until, last_failed_at: nowMs }))
    .execute();
}

export async function clearWrongPins(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('signin_attempts').where('username', '=', username).execute();
}
