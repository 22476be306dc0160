import {
  DomainError,
  limitSchema,
  roleSchema,
  userCreateSchema,
  userUpdateSchema,
  pageSchema,
  userSchema,
  uuidSchema,
  uuidv7,
  type User,
} from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import { hashSecret, verifySecret } from '../auth/password';
import type { UserPrincipal } from '../auth/principal';
import { nextVersion } from '../db/change-version';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, idCursorSchema, pageOf } from '../http/cursor';
import { actorOf, boolQuery, containsPattern, pgError, definedOnly } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { findUser, missingStores, selectUsers, setUserStores, toUser, type UserWithStores } from './users.repository';

export const listQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  storeId: uuidSchema.optional(),
  active: boolQuery.optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});

const tag = 'users';
const id = { notFound: 'user not found' };
const list = route({ summary: 'List users (admin; managers see their staff)', tag, query: listQuery, responses: { 200: pageSchema(userSchema) } });
const create = route({ summary: 'Create a user (managers: staff of their stores)', tag, body: userCreateSchema, responses: { 201: userSchema } });
const getOne = route({ summary: 'One user (staff: themselves)', tag, id, responses: { 200: userSchema } });
const update = route({ summary: 'Change some fields (a new password or a deactivation ends their sessions)', tag, id, body: userUpdateSchema, responses: { 200: userSchema } });
const remove = route({ summary: 'Deactivate a user and revoke their tokens', tag, id, responses: { 204: null } });

/**
 * Who a manager may act on: staff all of whose stores are the manager's (one store elsewhere
 * makes them someone else's staff too: setting their password would hand the manager that
 * store), and staff with no store yet (so a manager can take on a newly registered person:
 * see mayActOn for what the manager may do with those).
 */
function managerMayManage(me: UserPrincipal, target: { role: string; store_ids: string[] }): boolean {
  if (me.role === 'admin') return true;
  if (me.role !== 'manager' || target.role !== 'staff') return false;
  return target.store_ids.every((s) => me.storeIds.includes(s));
}

/** A store-less user: a manager may only assign them one of the manager's stores (then they are the manager's staff). */
function assertMayTakeOn(me: UserPrincipal, target: { store_ids: string[] }, storeIds: readonly string[] | undefined): void {
  if (me.role !== 'manager' || target.store_ids.length > 0) return;
  if (!storeIds || storeIds.length === 0) throw new DomainError('NOT_FOUND', 'user not found');
}

/** The public view of a user, without password or PIN hashes. */
function auditView(u: User) {
  return { username: u.username, name: u.name, role: u.role, storeIds: u.storeIds, active: u.active };
}

export function createUsersRoutes(deps: AppDeps) {
  const { db } = deps;

  async function loadManageable(me: UserPrincipal, id: string): Promise<UserWithStores> {
    const row = await findUser(db, id);
    // Users outside the caller's reach get the same 404 as users that do not exist.
    if (!row || !managerMayManage(me, row)) throw new DomainError('NOT_FOUND', 'user not found');
    return row;
  }

  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, idCursorSchema);
      let q = selectUsers(db).orderBy('u.id').limit(query.limit + 1);
      if (after) q = q.where('u.id', '>', after[0]);
      if (query.q) q = q.where((eb) => eb.or([eb('u.username', 'ilike', containsPattern(query.q!)), eb('u.name', 'ilike', containsPattern(query.q!))]));
      if (query.role) q = q.where('u.role', '=', query.role);
      if (query.active !== undefined) q = q.where('u.active', '=', query.active);
      if (query.storeId) q = q.where((eb) => eb.exists(eb.selectFrom('user_stores').select('user_id').whereRef('user_id', '=', 'u.id').where('store_id', '=', query.storeId!)));
      if (me.role === 'manager') {
        q = q
          .where('u.role', '=', 'staff')
          .where((eb) =>
            // No store outside the manager's (store-less staff included, to be taken on).
            eb.not(eb.exists(eb.selectFrom('user_stores').select('user_id').whereRef('user_id', '=', 'u.id').where('store_id', 'not in', me.storeIds.length ? me.storeIds : [uuidv7()]))),
          );
      }
      const rows = await q.execute();
      return c.json(pageOf(rows, query.limit, toUser, (r) => [r.id]), 200);
    })
    .post('/', create, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const input = await create.json(c);
      if (me.role === 'manager') {
        if (input.role !== 'staff') throw new DomainError('FORBIDDEN', 'role: managers can create staff only');
        if (input.storeIds.some((s) => !me.storeIds.includes(s))) throw new DomainError('FORBIDDEN', 'storeIds: you can assign only your own stores');
      }
      const missing = await missingStores(db, input.storeIds);
      if (missing.length) throw new DomainError('UNPROCESSABLE', `storeIds: no such store ${missing[0]}`, { missing });
      const passwordHash = await hashSecret(input.password);
      const pinHash = input.pin ? await hashSecret(input.pin) : null;
      const user = await db
        .transaction()
        .execute(async (trx) => {
          const id = uuidv7();
          const version = await nextVersion(trx);
          await trx
            .insertInto('users')
            .values({ id, username: input.username, name: input.name, role: input.role, password_hash: passwordHash, pin_hash: pinHash, version, updated_at: new Date(deps.clock.now()) })
            .execute();
          await setUserStores(trx, id, input.storeIds);
          const created = toUser((await findUser(trx, id))!);
          await writeAudit(trx, {
            ...actorOf(c, deps, me),
            action: 'user.create',
            entity: 'user',
            entityId: id,
            storeId: created.storeIds.length === 1 ? created.storeIds[0]! : null,
            after: { ...auditView(created), pin: input.pin ? 'set' : 'none' },
          });
          return created;
        })
        .catch((err: unknown) => {
          if (pgError(err).code === '23505') throw new DomainError('CONFLICT', 'username: this username is taken');
          throw err;
        });
      return c.json(user, 201);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c);
      const id = getOne.id(c);
      if (me.role === 'staff') {
        if (id !== me.id) throw new DomainError('NOT_FOUND', 'user not found');
        return c.json(toUser((await findUser(db, id))!), 200);
      }
      return c.json(toUser(await loadManageable(me, id)), 200);
    })
    .patch('/:id', update, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = update.id(c);
      const input = await update.json(c);
      const current = await loadManageable(me, id);
      assertMayTakeOn(me, current, input.storeIds);
      const storeIds = input.storeIds;
      if (me.role === 'manager') {
        if (input.role !== undefined && input.role !== 'staff') throw new DomainError('FORBIDDEN', 'role: managers cannot promote users');
        if (storeIds?.some((s) => !me.storeIds.includes(s))) throw new DomainError('FORBIDDEN', 'storeIds: you can assign only your own stores');
      }
      if (id === me.id && (input.role !== undefined || input.active === false)) {
        throw new DomainError('FORBIDDEN', 'you cannot change your own role or deactivate yourself');
      }
      if (storeIds) {
        const missing = await missingStores(db, storeIds.filter((s) => !current.store_ids.includes(s)));
        if (missing.length) throw new DomainError('UNPROCESSABLE', `storeIds: no such store ${missing[0]}`, { missing });
      }
      if (id === me.id && input.password) {
        // Someone at an open session must not be able to lock its owner out: they prove the old password first.
        if (!input.currentPassword) throw new DomainError('UNPROCESSABLE', 'currentPassword: type your current password to change it');
        const stored = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
        if (!(await verifySecret(input.currentPassword, stored.password_hash))) throw new DomainError('UNPROCESSABLE', 'currentPassword: this is not your current password');
      }
      const passwordHash = input.password ? await hashSecret(input.password) : undefined;
      const pinHash = input.pin === undefined ? undefined : input.pin === null ? null : await hashSecret(input.pin);
      const updated = await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx);
        await trx
          .updateTable('users')
          .set({
            ...definedOnly({ name: input.name, role: input.role, active: input.active }),
            ...(passwordHash ? { password_hash: passwordHash } : {}),
            ...(pinHash !== undefined ? { pin_hash: pinHash } : {}),
            version,
            updated_at: new Date(deps.clock.now()),
          })
          .where('id', '=', id)
          .execute();
        if (storeIds) await setUserStores(trx, id, storeIds);
        // A changed password or a deactivation ends every session of that user.
        if (passwordHash || input.active === false) {
          // Changing one's own password keeps the session it was changed from.
          let revoke = trx.updateTable('api_tokens').set({ revoked_at: new Date(deps.clock.now()) }).where('user_id', '=', id).where('revoked_at', 'is', null);
          if (id === me.id) revoke = revoke.where('id', '!=', me.tokenId);
          await revoke.execute();
        }
        const after = toUser((await findUser(trx, id))!);
        const before = toUser(current);
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: input.role !== undefined && input.role !== before.role ? 'user.role_change' : 'user.update',
          entity: 'user',
          entityId: id,
          storeId: null,
          before: auditView(before),
          after: { ...auditView(after), ...(passwordHash ? { password: 'changed' } : {}), ...(pinHash !== undefined ? { pin: pinHash ? 'changed' : 'removed' } : {}) },
        });
        return after;
      });
      // Role, stores and active are part of the principal: this node stops serving the old one now.
      deps.principals?.evictUser(id);
      return c.json(updated, 200);
    })
    .delete('/:id', remove, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = remove.id(c);
      const current = await loadManageable(me, id);
      assertMayTakeOn(me, current, undefined);
      if (id === me.id) throw new DomainError('FORBIDDEN', 'you cannot delete yourself');
      await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx);
        if (current.role === 'admin') {
          const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> ${id}`.execute(trx);
          if ((rows[0]?.n ?? 0) === 0) throw new DomainError('CONFLICT', 'cannot delete the last active admin');
        }
        // Users are deactivated, not erased: movements and audit rows keep pointing at them.
        await trx.updateTable('users').set({ active: false, version, updated_at: new Date(deps.clock.now()) }).where('id', '=', id).execute();
        await trx.updateTable('api_tokens').set({ revoked_at: new Date(deps.clock.now()) }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: 'user.delete',
          entity: 'user',
          entityId: id,
          storeId: null,
          before: auditView(toUser(current)),
          after: { active: false },
        });
      });
      deps.principals?.evictUser(id);
      return c.body(null, 204);
    });
}
