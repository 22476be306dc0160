import { errorEnvelopeSchema } from '@bazaar/shared';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a zod schema: `input` for what a client sends, `output` for what the hub answers. */
export function jsonSchema(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Transforms (e.g. "true"/"false" query flags) have no JSON Schema: describe their input side.
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** One OpenAPI parameter per field of a query schema. */
export function queryParameters(s: z.ZodObject): JsonSchema[] {
  const json = jsonSchema(s, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

let errorResponse: JsonSchema | undefined;

/** Every error answers the shared envelope {"error":{"code","message","details"}}. */
export function errorResponseDoc(): JsonSchema {
  errorResponse ??= { description: 'Error', content: { 'application/json': { schema: jsonSchema(errorEnvelopeSchema, 'output') } } };
  return errorResponse;
}
