import { DomainError, type Role } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { DeviceClock } from './clock/device-clock';
import type { SettingsRow, StoreDb } from './db/db.types';
import type { SessionUser } from './core.api';
import type { AuditActor } from './audit/audit.log';
import { activeUserCount } from './users/users.service';

/** What every operation needs: the database, the clock, the store and who is signed in. */
export interface CoreContext {
  db: StoreDb;
  /** The same connection as `db`, for hot paths on prepared statements (inside writeTx only for writes). */
  raw: Database.Database;
  clock: DeviceClock;
  settings: SettingsRow;
  session: SessionUser | null;
}

const rank: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

export type Actor = AuditActor & { userId: string | null };

/**
 * Who is acting. A store with no users yet (a shopkeeper alone with the CLI) acts
 * anonymously; once users exist, every write needs a signed-in user of enough rank.
 */
export async function requireActor(ctx: CoreContext, minRole: Role = 'staff'): Promise<Actor> {
  return actorFor(ctx.session, ctx.session !== null || (await activeUserCount(ctx.db)) > 0, minRole);
}

/** requireActor's rule, given whether the store has an active user (the sale asks inside its transaction). */
export function actorFor(session: SessionUser | null, usersExist: boolean, minRole: Role = 'staff'): Actor {
  if (!session) {
    if (!usersExist) return { id: null, name: null, userId: null };
    throw new DomainError('UNAUTHENTICATED', 'sign in first (with the CLI: --user NAME --pin PIN, or BAZAAR_USER / BAZAAR_PIN)');
  }
  if (rank[session.role] < rank[minRole]) {
    throw new DomainError('FORBIDDEN', `this needs a ${minRole} or above; ${session.username} is ${session.role}`);
  }
  return { id: session.id, name: session.username, userId: session.id };
}

export function nowIso(ctx: CoreContext): string {
  return new Date(ctx.clock.nowMs()).toISOString();
}
