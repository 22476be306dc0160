import { DomainError, uuidv7, type Role } from '@bazaar/shared';
import type { Executor, UserRow } from '../db/db.types';
import { hashPin, verifyPin } from './pin-hash';
import { assertMayTryPin, clearWrongPins, recordWrongPin } from './signin-backoff';

export interface LocalUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  active: boolean;
  origin: 'local' | 'hub';
  hasPin: boolean;
  /** Reads the counter in big text (issue 15). */
  bigText: boolean;
}

export function toLocalUser(r: UserRow): LocalUser {
  return { id: r.id, username: r.username, name: r.name, role: r.role, active: r.active === 1, origin: r.origin, hasPin: r.pin_hash !== null, bigText: r.big_text === 1 };
}

/** Turn big text on or off for one person on this counter; their choice, so no role is needed. */
export async function setUserBigText(db: Executor, userId: string, on: boolean): Promise<LocalUser> {
  const row = await db.updateTable('users').set({ big_text: on ? 1 : 0 }).where('id', '=', userId).returningAll().executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'the signed-in person is no longer on this counter');
  return toLocalUser(row);
}

export async function createLocalUser(
  db: Executor,
  input: { username: string; name: string; role: Role; pin: string },
  at: string,
): Promise<LocalUser> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new DomainError('CONFLICT', `a user named "${input.username}" already exists`, { field: 'username' });
  const row: UserRow = {
    id: uuidv7(),
    username: input.username,
    name: input.name,
    role: input.role,
    pin_hash: await hashPin(input.pin),
    active: 1,
    origin: 'local',
    created_at: at,
    updated_at: at,
    big_text: 0,
  };
  await db.insertInto('users').values(row).execute();
  return toLocalUser(row);
}

export async function activeUserCount(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The same message for an unknown user and a wrong PIN: do not reveal which usernames exist.
 * Wrong PINs back the username off (signin-backoff.ts), unknown usernames alike.
 */
export async function checkPin(db: Executor, username: string, pin: string, nowMs: number): Promise<LocalUser> {
  await assertMayTryPin(db, username, nowMs);
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = row?.pin_hash && row.active === 1 ? await verifyPin(pin, row.pin_hash) : false;
  if (!row || !ok) {
    await recordWrongPin(db, username, nowMs);
    throw new DomainError('UNAUTHENTICATED', 'unknown user or wrong PIN');
  }
  await clearWrongPins(db, username);
  return toLocalUser(row);
}

export async function listUsers(db: Executor): Promise<LocalUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toLocalUser);
}
