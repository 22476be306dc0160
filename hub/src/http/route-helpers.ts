import { DomainError, shopDateTime, type ErrorCode } from '@bazaar/shared';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AuditEntry } from '../audit/audit.writer';
import type { UserPrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from './app-env';

/** The client's address: the socket peer, or X-Forwarded-For's first hop behind a trusted proxy. */
export function clientIp(c: Context<AppEnv>, deps: Pick<AppDeps, 'config'>): string | null {
  if (deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** Who did it, for audit rows. */
export function actorOf(c: Context<AppEnv>, deps: Pick<AppDeps, 'config'>, user: UserPrincipal): Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'> {
  return { actorId: user.id, actorName: user.username, ip: clientIp(c, deps) };
}

/** ILIKE pattern for "contains q", with the user's % and _ taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * A picked filter value (a region, a category) matches however it was typed: "north" finds the
 * stores of "North". Exact otherwise, so "Nor" finds nothing (the picker suggests whole values).
 */
export function sameText(column: string, value: string) {
  return sql<boolean>`lower(${sql.ref(column)}) = lower(${value})`;
}

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
export const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

export const boolQuery = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((v) => v === 'true');

export const dateQuery = shopDateTime();

/** Postgres error helpers: constraint violations become 409/422, never 500. */
export function pgError(err: unknown): { code?: string; constraint?: string } {
  if (typeof err !== 'object' || err === null) return {};
  const e = err as { code?: unknown; constraint?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
  };
}

export function rethrowUnique(err: unknown, map: Readonly<Record<string, readonly [ErrorCode, string]>>): never {
  const { code, constraint } = pgError(err);
  if (code === '23505') {
    const hit = constraint ? map[constraint] : undefined;
    if (hit) throw new DomainError(hit[0], hit[1]);
    throw new DomainError('CONFLICT', 'a record with these values already exists');
  }
  throw err;
}

/** The columns of a PATCH: only the fields the caller sent (undefined = leave the column alone). */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
