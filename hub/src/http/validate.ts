import { DomainError, nulPath, withMinorKeys } from '@bazaar/shared';
import type { Context } from 'hono';
import type { z } from 'zod';
import { validationError } from './error-handler';

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

function assertNoNul(value: unknown, where?: string): void {
  const path = nulPath(value);
  if (path === null) return;
  const field = where ? `${where}.${path}` : path;
  throw new DomainError('VALIDATION_FAILED', `${field}: must not contain NUL characters`, { issues: [{ path: field, message: 'must not contain NUL characters' }] });
}

/** Parse the JSON body with a zod schema: invalid JSON → 400 INVALID_JSON, bad fields → 400 naming them. */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  // A JSON body sent as text/plain (or form data) is a "simple" cross-site request: refuse it.
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json', { contentType: type.slice(0, 100) || null });
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = text.length === 0 ? undefined : JSON.parse(text);
  } catch (err) {
    throw new DomainError('INVALID_JSON', `request body is not valid JSON: ${(err as Error).message}`);
  }
  if (body === undefined) throw new DomainError('INVALID_JSON', 'request body is empty; send a JSON object');
  assertNoNul(body);
  // Money keys in the names of before sync protocol 3 (`pricePaise`) are read as today's (`priceMinor`).
  const parsed = schema.safeParse(withMinorKeys(body));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Parse query parameters (single values) with a zod schema. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const query = c.req.query();
  assertNoNul(query, 'query');
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, 'query');
  return parsed.data;
}

/** Validate a path parameter. */
export function parseParam<S extends z.ZodType>(c: Context, name: string, schema: S, notFound = 'not found'): z.output<S> {
  const parsed = schema.safeParse(c.req.param(name));
  // A malformed id can name nothing: same answer as an id that does not exist.
  if (!parsed.success) throw new DomainError('NOT_FOUND', notFound);
  return parsed.data;
}
