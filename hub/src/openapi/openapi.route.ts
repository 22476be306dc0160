import { uuidSchema } from '@bazaar/shared';
import type { Context, MiddlewareHandler } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { parseJson, parseParam, parseQuery } from '../http/validate';
import { errorResponseDoc, jsonSchema, queryParameters, type JsonSchema } from './openapi.schema';

/** An answer: a zod schema (JSON), null (no body), or another media type. */
export type ResponseDoc = z.ZodType | null | { description?: string; schema?: z.ZodType; csv?: boolean; mediaType?: string };

export interface RouteDoc<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> {
  summary: string;
  tag: string;
  description?: string;
  /** Works without a token (security: none). */
  public?: boolean;
  /** The path has an `:id`; a malformed one answers 404 with this message, like a missing one. */
  id?: { notFound: string; schema?: z.ZodType<string> };
  /** Other path parameters; a malformed one is a 400 naming what is wrong. */
  params?: Readonly<Record<string, z.ZodType<string>>>;
  query?: Q;
  body?: B;
  /** Parameters the handler reads itself (headers, a token in the query), as OpenAPI parameter objects. */
  parameters?: readonly JsonSchema[];
  responses: Readonly<Record<number, ResponseDoc>>;
}

type None = Record<never, never>;
type In<Q, B> = (Q extends z.ZodType ? { query: z.input<Q> } : None) & (B extends z.ZodType ? { json: z.input<B> } : None);

/**
 * A route's one definition: a middleware that documents it (the OpenAPI document is generated
 * from these, hono-openapi walking app.routes) and types its input for hc<HubApp>, with the
 * parsers its handler reads its input through. The handler calls them where it always did
 * (after its role checks), so the order of 401/403/404/400 answers is the handler's own.
 */
export type Route<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> = MiddlewareHandler<AppEnv, string, { in: In<Q, B> }> & {
  query(c: Context): Q extends z.ZodType ? z.output<Q> : never;
  json(c: Context): Promise<B extends z.ZodType ? z.output<B> : never>;
  id(c: Context): string;
  param(c: Context, name: string): string;
};

export function route<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(doc: RouteDoc<Q, B>): Route<Q, B> {
  const middleware = describeRoute(lazySpec(doc));
  const query = doc.query;
  const body = doc.body;
  const id = doc.id;
  const params = doc.params;
  return Object.assign(middleware, {
    query: (c: Context) => {
      if (!query) throw new Error(`${doc.summary}: this route has no query schema`);
      return parseQuery(c, query);
    },
    json: (c: Context) => {
      if (!body) throw new Error(`${doc.summary}: this route has no body schema`);
      return parseJson(c, body);
    },
    id: (c: Context) => {
      if (!id) throw new Error(`${doc.summary}: this route has no id`);
      return parseParam(c, 'id', id.schema ?? uuidSchema, id.notFound);
    },
    param: (c: Context, name: string) => {
      const schema = params?.[name];
      if (!schema) throw new Error(`${doc.summary}: this route has no path parameter ${name}`);
      return schema.parse(c.req.param(name));
    },
  }) as Route<Q, B>;
}

/** The operation object, built when the document is first generated (not at every createApp). */
function lazySpec(doc: RouteDoc<z.ZodObject | undefined, z.ZodType | undefined>): Parameters<typeof describeRoute>[0] {
  let built: JsonSchema | undefined;
  const spec = (): JsonSchema => (built ??= operation(doc));
  return {
    get summary() { return doc.summary; },
    get tags() { return [doc.tag]; },
    get description() { return doc.description; },
    get security() { return doc.public ? [] : undefined; },
    get parameters() { return spec().parameters as never; },
    get requestBody() { return spec().requestBody as never; },
    get responses() { return spec().responses as never; },
  };
}

function operation(doc: RouteDoc<z.ZodObject | undefined, z.ZodType | undefined>): JsonSchema {
  const idParam = doc.id ? [{ name: 'id', in: 'path', required: true, schema: jsonSchema(doc.id.schema ?? uuidSchema, 'input') }] : [];
  const pathParams = Object.entries(doc.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: jsonSchema(schema, 'input') }));
  const parameters = [...idParam, ...pathParams, ...(doc.query ? queryParameters(doc.query) : []), ...(doc.parameters ?? [])];
  const responses: JsonSchema = {};
  for (const [status, res] of Object.entries(doc.responses)) responses[status] = responseObject(res);
  return {
    parameters,
    requestBody: doc.body ? { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } } } : undefined,
    responses: { ...responses, '4XX': errorResponseDoc(), '5XX': errorResponseDoc() },
  };
}

function responseObject(res: ResponseDoc): JsonSchema {
  if (res === null) return { description: 'OK, no body' };
  if ('_zod' in res) return { description: 'OK', content: { 'application/json': { schema: jsonSchema(res, 'output') } } };
  const content: JsonSchema = {};
  if (res.schema) content[res.mediaType ?? 'application/json'] = { schema: jsonSchema(res.schema, 'output') };
  if (res.csv) content['text/csv'] = { schema: { type: 'string' } };
  return { description: res.description ?? 'OK', ...(Object.keys(content).length ? { content } : {}) };
}
