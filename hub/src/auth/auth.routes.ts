import { DomainError, loginInputSchema, loginResultSchema, passwordChangeSchema, registerInputSchema, setupStateSchema, userSchema, uuidv7 } from '@bazaar/shared';
import { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.writer';
import { CATALOG_SCOPE, nextVersion } from '../db/change-version';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actorOf, clientIp, pgError } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { findUser, toUser } from '../users/users.repository';
import { writeHubSettings } from '../settings/hub-settings.repository';
import { requireUser } from './auth.middleware';
import { dummySecretHash, hashSecret, verifySecret } from './password';
import { generateToken, hashToken } from './tokens';

const MINUTE = 60_000;

const tag = 'auth';
const register = route({ summary: "Register (first user becomes admin and may set the hub's currency and default language; later ones staff with no store)", tag, public: true, body: registerInputSchema, responses: { 201: loginResultSchema } });
const login = route({ summary: 'Sign in (throttled per IP and per username)', tag, public: true, body: loginInputSchema, responses: { 200: loginResultSchema } });
const setup = route({ summary: 'Whether the hub still waits for its first account (the web then opens Register, not Sign in)', tag, public: true, responses: { 200: setupStateSchema } });
const changePassword = route({ summary: 'Change your own password (the current one first); your other sessions end', tag, body: passwordChangeSchema, responses: { 204: null } });
const logout = route({ summary: 'Revoke this token', tag, responses: { 204: null } });
const whoAmI = route({ summary: 'The signed-in user', tag, responses: { 200: userSchema } });

export async function issueUserToken(trx: Transaction<Database>, deps: AppDeps, userId: string) {
  const token = generateToken('user');
  const expiresAt = new Date(deps.clock.now() + deps.config.tokenTtlHours * 3600_000);
  await trx
    .insertInto('api_tokens')
    .values({ id: uuidv7(), kind: 'user', user_id: userId, device_id: null, token_hash: hashToken(token), expires_at: expiresAt })
    .execute();
  return { token, expiresAt: expiresAt.toISOString() };
}

async function throttle(deps: AppDeps, key: string, limit: number, what: string) {
  const r = await deps.limiter.consume(key, limit, MINUTE);
  if (!r.allowed) {
    throw new DomainError('RATE_LIMITED', `too many ${what}; try again in ${r.retryAfterSeconds} s`, {
      retryAfterSeconds: r.retryAfterSeconds,
    });
  }
}

export function createAuthRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .post('/register', register, async (c) => {
      const ip = clientIp(c, deps);
      await throttle(deps, `register:ip:${ip ?? 'unknown'}`, deps.config.loginPerIpPerMinute, 'registrations from this address');
      const input = await register.json(c);
      const passwordHash = await hashSecret(input.password);
      const result = await db
        .transaction()
        .execute(async (trx) => {
          // The catalog counter lock serialises registrations: two racing "first" users cannot both become admin.
          const version = await nextVersion(trx, CATALOG_SCOPE);
          const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
          if (!anyUser && !deps.config.openFirstRegistration) {
            throw new DomainError('FORBIDDEN', 'self-registration of the first admin is disabled on this hub');
          }
          const role = anyUser ? ('staff' as const) : ('admin' as const);
          const id = uuidv7();
          await trx
            .insertInto('users')
            .values({ id, username: input.username, name: input.name, role, password_hash: passwordHash, pin_hash: null, version, updated_at: new Date(deps.clock.now()) })
            .execute();
          const issued = await issueUserToken(trx, deps, id);
          const user = toUser((await findUser(trx, id))!);
          await writeAudit(trx, {
            actorId: id,
            actorName: input.username,
            action: 'auth.register',
            entity: 'user',
            entityId: id,
            storeId: null,
            after: { username: user.username, name: user.name, role: user.role },
            ip,
          });
          // The hub's setup: the first account says which money and language the hub keeps.
          if (!anyUser && (input.currency || input.defaultLocale)) {
            const change = { ...(input.currency ? { currency: input.currency } : {}), ...(input.defaultLocale ? { defaultLocale: input.defaultLocale } : {}) };
            const { before, after } = await writeHubSettings(trx, change, new Date(deps.clock.now()));
            await writeAudit(trx, { actorId: id, actorName: input.username, action: 'hub.settings_update', entity: 'hub', entityId: null, storeId: null, before, after, ip });
          }
          return { ...issued, user };
        })
        .catch((err: unknown) => {
          if (pgError(err).code === '23505') throw new DomainError('CONFLICT', 'username: this username is taken');
          throw err;
        });
      return c.json(result, 201);
    })
    .post('/login', login, async (c) => {
      const ip = clientIp(c, deps);
      await throttle(deps, `login:ip:${ip ?? 'unknown'}`, deps.config.loginPerIpPerMinute, 'sign-in attempts from this address');
      const input = await login.json(c);
      // Per username *and* address: someone guessing from elsewhere cannot lock the owner out.
      const userKey = `login:user:${input.username}:ip:${ip ?? 'unknown'}`;
      await throttle(deps, userKey, deps.config.loginPerUserPerMinute, 'sign-in attempts for this user from this address');
      const row = await db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', input.username).executeTakeFirst();
      // Always run scrypt, so response time does not tell whether the username exists.
      const ok = await verifySecret(input.password, row?.password_hash ?? (await dummySecretHash()));
      if (!row || !ok || !row.active) {
        await db.transaction().execute((trx) =>
          writeAudit(trx, {
            actorId: row?.id ?? null,
            actorName: input.username,
            action: 'auth.login_failed',
            entity: 'user',
            entityId: row?.id ?? null,
            storeId: null,
            after: { username: input.username, reason: !row ? 'unknown user' : !ok ? 'wrong password' : 'inactive' },
            ip,
          }),
        );
        throw new DomainError('UNAUTHENTICATED', 'wrong username or password');
      }
      const result = await db.transaction().execute(async (trx) => {
        const issued = await issueUserToken(trx, deps, row.id);
        const user = toUser((await findUser(trx, row.id))!);
        await writeAudit(trx, {
          actorId: row.id,
          actorName: user.username,
          action: 'auth.login',
          entity: 'user',
          entityId: row.id,
          storeId: null,
          after: { expiresAt: issued.expiresAt },
          ip,
        });
        return { ...issued, user };
      });
      await deps.limiter.reset(userKey);
      return c.json(result, 200);
    })
    .get('/setup', setup, async (c) => {
      // Only a yes/no, and only while the hub is empty with open first registration: nothing about who exists.
      const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      return c.json({ needsFirstUser: !anyUser && deps.config.openFirstRegistration }, 200);
    })
    .post('/password', changePassword, async (c) => {
      const me = requireUser(c);
      const input = await changePassword.json(c);
      const ip = clientIp(c, deps);
      await throttle(deps, `password:user:${me.id}`, deps.config.loginPerUserPerMinute, 'password attempts');
      const row = await db.selectFrom('users').select('password_hash').where('id', '=', me.id).executeTakeFirst();
      if (!row) throw new DomainError('UNAUTHENTICATED', 'this account no longer exists');
      if (!(await verifySecret(input.currentPassword, row.password_hash))) throw new DomainError('UNPROCESSABLE', 'currentPassword: this is not your current password');
      const passwordHash = await hashSecret(input.password);
      await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx);
        await trx.updateTable('users').set({ password_hash: passwordHash, version, updated_at: new Date(deps.clock.now()) }).where('id', '=', me.id).execute();
        await trx.updateTable('api_tokens').set({ revoked_at: new Date(deps.clock.now()) }).where('user_id', '=', me.id).where('revoked_at', 'is', null).where('id', '!=', me.tokenId).execute();
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'user.password_change', entity: 'user', entityId: me.id, storeId: null, after: { password: 'changed' }, ip });
      });
      deps.principals?.evictUser(me.id);
      return c.body(null, 204);
    })
    .post('/logout', logout, async (c) => {
      const me = requireUser(c);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('api_tokens').set({ revoked_at: new Date(deps.clock.now()) }).where('id', '=', me.tokenId).execute();
        await writeAudit(trx, {
          ...actorOf(c, deps, me),
          action: 'auth.logout',
          entity: 'user',
          entityId: me.id,
          storeId: null,
        });
      });
      deps.principals?.evictToken(me.tokenId);
      return c.body(null, 204);
    })
    .get('/me', whoAmI, async (c) => {
      const me = requireUser(c);
      const row = await findUser(db, me.id);
      if (!row) throw new DomainError('UNAUTHENTICATED', 'this account no longer exists');
      return c.json(toUser(row), 200);
    });
}
