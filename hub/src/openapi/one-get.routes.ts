import { Hono, type Context } from 'hono';
import type { HandlerResponse } from 'hono/types';
import type { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { route, type RouteDoc } from './openapi.route';

/**
 * A module that serves one GET route with a query: the route's one definition, then who may call
 * it (`who`: requireUser or requireDevice, so 401/403 come first), then the query parsed (400),
 * then the handler with both.
 */
export function oneGet<P extends string, Q extends z.ZodObject, W, R extends HandlerResponse<unknown>>(
  path: P,
  doc: RouteDoc<Q, undefined>,
  who: (c: Context<AppEnv>) => W,
  handler: (c: Context<AppEnv>, caller: W, query: z.output<Q>) => R,
) {
  const r = route(doc);
  return new Hono<AppEnv>().get(path, r, (c) => handler(c, who(c), r.query(c)));
}
