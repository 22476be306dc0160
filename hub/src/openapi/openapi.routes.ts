import { Hono, type Env, type Schema } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { openApiDocument } from './openapi.document';
import { route } from './openapi.route';
import type { JsonSchema } from './openapi.schema';

const getDocument = route({ summary: 'This document (OpenAPI 3.1)', tag: 'ops', public: true, responses: { 200: z.record(z.string(), z.unknown()) } });

/** GET /openapi.json, generated from the routes `app` serves when first asked for. */
export function createOpenApiRoutes<E extends Env, S extends Schema, P extends string>(app: Hono<E, S, P>) {
  let document: Promise<JsonSchema> | undefined;
  return new Hono<AppEnv>().get('/openapi.json', getDocument, async (c) => {
    document ??= openApiDocument(app);
    return c.json(await document, 200);
  });
}
