import type { ExtractSchema } from 'hono/types';
import type { HubApp } from '../../../src/app';

/*
 * The hub's routes as its app type declares them (each route's definition in hub/src, the
 * one the OpenAPI document is generated from): a renamed path, a changed body or query, or an
 * answer of another shape breaks this package's typecheck. Types only; nothing of the hub is bundled.
 */
type Schema = ExtractSchema<HubApp>;
type Prefix = '/api/v1';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Key<M extends Method> = `$${Lowercase<M>}`;

/** The paths below /api/v1 (Hono's `:id` form) that the hub serves with this method. */
export type HubPath<M extends Method> = {
  [P in keyof Schema]: P extends `${Prefix}${infer R}` ? (Key<M> extends keyof Schema[P] ? R : never) : never;
}[keyof Schema];

type Endpoint<M extends Method, P extends string> = `${Prefix}${P}` extends infer K extends keyof Schema
  ? Key<M> extends infer H extends keyof Schema[K]
    ? Schema[K][H]
    : never
  : never;

/** The JSON body the route validates (undefined when it takes none). */
export type RequestBody<M extends Method, P extends string> = Endpoint<M, P> extends { input: { json: infer J } } ? J : undefined;

/** The query parameters the route reads. */
export type QueryKey<M extends Method, P extends string> = Endpoint<M, P> extends { input: { query: infer Q } } ? keyof Q & string : never;

/** What the route answers as JSON, over all its statuses. */
export type Answer<M extends Method, P extends string> = Extract<Endpoint<M, P>, { outputFormat: 'json' }>['output'];

/** `{ id: string }` for `/users/:id`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Record<Name, string> & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Record<Name, string>
    : Record<never, never>;
