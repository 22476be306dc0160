import type { z } from 'zod';
import { ApiError, apiErrorFrom } from './api-error';
import { apiWords } from './api-words';
import type { Answer, HubPath, Method, PathParams, QueryKey, RequestBody } from './hub-routes';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type NoneIfEmpty<T> = keyof T extends never ? { param?: undefined } : { param: T };

/** A call's options, typed by the route: its body, query parameters and path parameters. */
export type RequestOptions<M extends Method, P extends string, S extends z.ZodType> = {
  query?: Partial<Record<QueryKey<M, P>, QueryValue>>;
  body?: RequestBody<M, P>;
  schema: S;
  headers?: Record<string, string>;
} & NoneIfEmpty<PathParams<P>>;

/** The answer schema must accept every answer the route's type says it sends. */
type AnswerFits<M extends Method, P extends string, S extends z.ZodType> = [Answer<M, P>] extends [z.input<S>] ? unknown : { schema: { doesNotAccept: Answer<M, P> } };

let currentToken: string | null = null;

let onUnauthenticated: () => void = () => {};

export function setAuthToken(token: string | null): void {
  currentToken = token;
}
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export const API_BASE = '/api/v1';

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', ...extra };
  // HTTP's scheme name, never shown (left in the untranslated baseline).
  if (currentToken) h.Authorization = `Bearer ${currentToken}`;
  // The reader's language: the hub writes the words of its CSV files in it.
  h['Accept-Language'] = apiWords().locale;
  return h;
}

async function send(method: string, path: string, query: Query | undefined, body: unknown, accept?: string, extra: Record<string, string> = {}) {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toSearch(query)}`, {
      method,
      headers: headers({
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(accept ? { Accept: accept } : {}),
        ...extra,
      }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', apiWords().t('web.api.unreachable'));
  }
  if (!res.ok) {
    const err = await apiErrorFrom(res);
    if (res.status === 401 && currentToken) onUnauthenticated();
    throw err;
  }
  return res;
}

/** `/users/:id` with `{ id }` → `/users/0190…`. */
function withParams(route: string, param: Record<string, string> | undefined): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(param?.[name] ?? ''));
}

/** One typed API call: the answer is parsed with the shared zod schema, so a drifting API fails loudly. */
export async function api<M extends Method, P extends HubPath<M>, S extends z.ZodType>(
  method: M,
  route: P,
  options: RequestOptions<M, P, S> & AnswerFits<M, P, S>,
): Promise<z.infer<S>> {
  const { query, body, schema, headers: extra, param } = options as RequestOptions<M, P, S> & { param?: Record<string, string> };
  const path = withParams(route, param);
  const res = await send(method, path, query, body, undefined, extra);
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error.issues, json);
    throw new ApiError(res.status, 'BAD_RESPONSE', apiWords().t('web.api.badShape', { method, path }));
  }
  return parsed.data;
}

/** A CSV export straight from the API (`?format=csv`), with the caller's filters. */
export interface CsvAnswer {
  text: string;
  /** Data rows in the file. */
  rows: number;
  /** Matching rows on the hub, when it says (X-Total-Count). */
  total: number | null;
  /** The hub cut the file short (X-Truncated), or null when it does not say. */
  truncated: boolean | null;
}

export async function apiCsv<P extends HubPath<'GET'>>(path: P, query: Partial<Record<QueryKey<'GET', P>, QueryValue>>): Promise<CsvAnswer> {
  const res = await send('GET', path, { ...query, format: 'csv' }, undefined, 'text/csv');
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('csv')) throw new ApiError(res.status, 'BAD_RESPONSE', apiWords().t('web.api.noCsv', { path }));
  const text = await res.text();
  const total = res.headers.get('x-total-count');
  const truncated = res.headers.get('x-truncated');
  return {
    text,
    rows: Math.max(0, csvRecords(text) - 1),
    total: total === null ? null : Number(total),
    truncated: truncated === null ? null : truncated === 'true',
  };
}

/** Records in a CSV text: line ends outside quoted fields, in one pass. */
export function csvRecords(text: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) n++;
  }
  return text.length && !text.endsWith('\n') ? n + 1 : n;
}

/** A finished file the hub streams (an export job's CSV), as text. */
export async function apiFile<P extends HubPath<'GET'>>(route: P, param: Record<string, string>): Promise<string> {
  const res = await send('GET', withParams(route, param), undefined, undefined, 'text/csv');
  return res.text();
}
