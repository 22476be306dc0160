import { DomainError, errorStatus, type ErrorCode, type ErrorEnvelope } from '@bazaar/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../db/db-unavailable';
import type { AppEnv } from './app-env';
import { pgDataErrorEnvelope } from './pg-data-error';

/** Seconds a client is asked to wait while the database is away (a restart takes a few). */
const DB_UNAVAILABLE_RETRY_AFTER_S = 2;

/** The one place errors become HTTP answers: the shared envelope, never a stack trace. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  const { status, envelope, retryAfter } = toEnvelope(err);
  if (status >= 500) {
    c.get('logger')?.error({ err, requestId: c.get('requestId') }, 'request failed');
  }
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  return c.json(envelope, status as ContentfulStatusCode);
}

function toEnvelope(err: Error): { status: number; envelope: ErrorEnvelope; retryAfter?: number } {
  if (err instanceof DomainError) {
    const details = err.details as { retryAfterSeconds?: number } | undefined;
    return {
      status: errorStatus[err.code],
      envelope: err.toEnvelope(),
      retryAfter: err.code === 'RATE_LIMITED' ? (details?.retryAfterSeconds ?? 60) : undefined,
    };
  }
  if (err instanceof ZodError) return { status: 400, envelope: zodEnvelope(err) };
  if (err instanceof HTTPException) {
    const code = codeForStatus(err.status);
    return { status: err.status, envelope: { error: { code, message: err.message || code.toLowerCase() } } };
  }
  if (isDatabaseUnavailable(err)) {
    // The database is restarting or unreachable; the pool reconnects by itself. Retries are safe: sync
    // pushes are idempotent by movement id, web movements by their Idempotency-Key.
    return {
      status: 503,
      envelope: { error: { code: 'SERVICE_UNAVAILABLE', message: 'the database is unavailable; retry shortly' } },
      retryAfter: DB_UNAVAILABLE_RETRY_AFTER_S,
    };
  }
  const pgCode = (err as { code?: unknown }).code;
  const dataError = pgDataErrorEnvelope(pgCode);
  if (dataError) return { status: 400, envelope: dataError };
  if (pgCode === '23505') {
    return { status: 409, envelope: { error: { code: 'CONFLICT', message: 'a record with these values already exists' } } };
  }
  if (pgCode === '23503') {
    return { status: 422, envelope: { error: { code: 'UNPROCESSABLE', message: 'a referenced record does not exist or is still in use' } } };
  }
  // 55P03: a row lock was not granted within the push's lock_timeout (busy store, or a retry racing itself).
  if (pgCode === '40001' || pgCode === '40P01' || pgCode === '55P03') {
    return {
      status: 503,
      envelope: { error: { code: 'SERVICE_UNAVAILABLE', message: 'the database was busy; retry the request' } },
      retryAfter: 1,
    };
  }
  return { status: 500, envelope: { error: { code: 'INTERNAL', message: 'internal error' } } };
}

/** A validation error that names each bad field ("qty: must be at most 100000000"). */
export function zodEnvelope(err: ZodError, where?: string): ErrorEnvelope {
  const issues = err.issues.map((i) => ({
    path: [...(where ? [where] : []), ...i.path.map(String)].join('.') || '(body)',
    message: unknownKeysMessage(i) ?? i.message,
  }));
  const first = issues[0];
  return {
    error: {
      code: 'VALIDATION_FAILED',
      message: first ? `${first.path}: ${first.message}` : 'invalid input',
      details: { issues },
    },
  };
}

function unknownKeysMessage(issue: ZodError['issues'][number]): string | undefined {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return undefined;
}

export function validationError(err: ZodError, where?: string): DomainError {
  const env = zodEnvelope(err, where);
  return new DomainError('VALIDATION_FAILED', env.error.message, env.error.details);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 422:
      return 'UNPROCESSABLE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  }
}
