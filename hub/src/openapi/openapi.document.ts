import type { Env, Hono, Schema } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { JsonSchema } from './openapi.schema';

/** Where the API is mounted; the document's paths are relative to it (servers[0].url). */
export const API_PREFIX = '/api/v1';

const documentation = {
  info: {
    title: 'Bazaar Inventory hub API',
    version: '1',
    description:
      'Errors are {"error":{"code","message","details"}}. Lists answer {"items","nextCursor"}; pass nextCursor back as cursor. ' +
      'Authenticate with Authorization: Bearer <token> (bzu_ user tokens, bzd_ device tokens).',
  },
  servers: [{ url: API_PREFIX }],
  security: [{ bearer: [] }],
  components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
};

/** `/api/v1/users/:id` → `/users/{id}`, the key of that route in the document. */
export function documentPath(honoPath: string): string {
  const relative = honoPath.startsWith(`${API_PREFIX}/`) ? honoPath.slice(API_PREFIX.length) : honoPath;
  return relative.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, '{$1}');
}

/** OpenAPI 3.1, generated from the route definitions the app serves (openapi.route.ts). */
export async function openApiDocument<E extends Env, S extends Schema, P extends string>(app: Hono<E, S, P>): Promise<JsonSchema> {
  const spec = (await generateSpecs(app, { documentation, excludeStaticFile: false })) as JsonSchema & { paths: Record<string, unknown> };
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(spec.paths)) paths[documentPath(path)] = item;
  return { ...spec, paths };
}
