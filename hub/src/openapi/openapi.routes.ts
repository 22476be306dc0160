import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { openApiDocument } from './openapi.document';

export function createOpenApiRoutes() {
  return new Hono<AppEnv>().get('/openapi.json', (c) => c.json(openApiDocument(), 200));
}
