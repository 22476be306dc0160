import { DomainError, type Role } from '@bazaar/shared';
import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../http/app-env';
import { clientIp } from '../http/route-helpers';
import { AuthFailureGuard } from './auth-failures';
import type { DevicePrincipal, Principal, UserPrincipal } from './principal';
import type { CachedPrincipal } from './principal.cache';
import { hashToken, tokenKind } from './tokens';

/** Endpoints that work without a principal and ignore any token sent. */
const PUBLIC_PATHS = /^\/api\/v1\/(auth\/(login|register)|health|openapi\.json)$/;

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{10,200})\s*$/;

/** The one route a revoked device may still reach, when its store was archived (the route checks that). */
const RETIRED_DEVICE_PATH = '/api/v1/sync/push';

/**
 * Resolves `Authorization: Bearer <token>` into the context's principal (null without a
 * header). A header with an unknown, revoked or expired token is a 401 right here; an address
 * with too many of those in a minute gets 429 before any lookup (AuthFailureGuard).
 */
export function authenticate(deps: Pick<AppDeps, 'db' | 'clock' | 'principals' | 'config' | 'limiter'>): MiddlewareHandler<AppEnv> {
  const failures = new AuthFailureGuard(deps.limiter, deps.config.authFailuresPerIpPerMinute, () => deps.clock.now());
  return async (c, next) => {
    const header = c.req.header('authorization');
    // A stale token left in a client must not stop its owner from signing in again.
    if (!header || PUBLIC_PATHS.test(c.req.path)) {
      c.set('principal', null);
      return next();
    }
    const ip = clientIp(c, deps) ?? 'unknown';
    failures.check(ip);
    const token = bearerToken(header);
    if (!token) {
      await failures.failed(ip);
      throw new DomainError('UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"');
    }
    let principal: Principal | null;
    try {
      principal = await resolveToken(deps, token);
    } catch (err) {
      const refused = err instanceof DomainError && err.code === 'UNAUTHENTICATED';
      // A retired counter hands in its queue: the push route decides (sync.retired-device.ts).
      if (refused && tokenKind(token) === 'device' && c.req.method === 'POST' && c.req.path === RETIRED_DEVICE_PATH) {
        principal = null;
      } else {
        if (refused) await failures.failed(ip);
        throw err;
      }
    }
    c.set('principal', principal);
    return next();
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null when it is not one. */
export function bearerToken(header: string | undefined): string | null {
  return (header ? BEARER.exec(header)?.[1] : undefined) ?? null;
}

/**
 * The principal behind a token: from this node's principal cache when it is there (a few
 * seconds old at most, evicted by the writes that change it), else from the database.
 */
export async function resolveToken(deps: Pick<AppDeps, 'db' | 'clock' | 'principals'>, token: string): Promise<Principal> {
  const hash = hashToken(token);
  const cache = deps.principals;
  let found = cache?.get(hash);
  if (!found) {
    const ticket = cache?.begin() ?? 0;
    found = await lookupToken(deps, token, hash);
    cache?.set(hash, ticket, found);
  }
  if (found.tokenExpiresAt !== null && found.tokenExpiresAt <= deps.clock.now()) {
    throw new DomainError('TOKEN_EXPIRED', 'token expired; sign in again');
  }
  return found.principal;
}

async function lookupToken(deps: Pick<AppDeps, 'db'>, token: string, hash: string): Promise<CachedPrincipal> {
  const kind = tokenKind(token);
  if (kind === 'user') {
    const row = await deps.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id as token_id',
        't.expires_at',
        't.revoked_at',
        'u.id',
        'u.username',
        'u.name',
        'u.role',
        'u.active',
        sql<string[]>`coalesce((select array_agg(us.store_id::text order by us.store_id) from user_stores us where us.user_id = u.id), '{}'::text[])`.as(
          'store_ids',
        ),
      ])
      .where('t.token_hash', '=', hash)
      .where('t.kind', '=', 'user')
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || !row.active) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked token');
    return {
      principal: {
        kind: 'user',
        id: row.id,
        username: row.username,
        name: row.name,
        role: row.role,
        storeIds: row.store_ids,
        tokenId: row.token_id,
      },
      tokenExpiresAt: new Date(row.expires_at).getTime(),
    };
  }
  if (kind === 'device') {
    const row = await deps.db
      .selectFrom('devices')
      .select(['id', 'store_id', 'node', 'revoked_at'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
    return { principal: { kind: 'device', id: row.id, storeId: row.store_id, node: row.node }, tokenExpiresAt: null };
  }
  throw new DomainError('UNAUTHENTICATED', 'invalid token');
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new DomainError('UNAUTHENTICATED', 'sign in first: send Authorization: Bearer <token>');
  return p;
}

/** A signed-in user, optionally of one of roles (403 otherwise; devices are refused). */
export function requireUser(c: Context<AppEnv>, roles?: readonly Role[]): UserPrincipal {
  const p = requirePrincipal(c);
  if (p.kind !== 'user') throw new DomainError('FORBIDDEN', 'this endpoint is for users, not devices');
  if (roles && !roles.includes(p.role)) throw new DomainError('FORBIDDEN', `this needs the role ${roles.join(' or ')}`);
  return p;
}

export function requireDevice(c: Context<AppEnv>): DevicePrincipal {
  const p = requirePrincipal(c);
  if (p.kind !== 'device') throw new DomainError('FORBIDDEN', 'this endpoint is for enrolled devices (bzd_ token)');
  return p;
}
