import {
  auditEntrySchema,
  hubChainVerificationSchema,
  verifyRunSchema,
  deviceCreateSchema,
  deviceEnrollmentSchema,
  deviceSchema,
  errorEnvelopeSchema,
  loginInputSchema,
  loginResultSchema,
  movementCreateSchema,
  movementSchema,
  pageSchema,
  productCreateSchema,
  productSchema,
  productUpdateSchema,
  pullQuerySchema,
  pullResponseSchema,
  timeResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  registerInputSchema,
  stockListItemSchema,
  stockRowSchema,
  stockCountsPageSchema,
  stockSummaryItemSchema,
  storeCreateSchema,
  storeSchema,
  storeUpdateSchema,
  supplierCreateSchema,
  supplierSchema,
  supplierUpdateSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from '@bazaar/shared';
import { z } from 'zod';
import { listQuery as logsQuery, verifyQuery } from '../audit/audit.routes';
import { listQuery as movementsQuery } from '../movements/movements.routes';
import { listQuery as productsQuery } from '../products/products.routes';
import { salesQuery, stockReportQuery, valuationQuery } from '../reports/reports.routes';
import { countsQuery, stockQuery, summaryQuery } from '../stock/stock.routes';
import { listQuery as storesQuery } from '../stores/stores.routes';
import { listQuery as suppliersQuery } from '../suppliers/suppliers.routes';
import { listQuery as usersQuery } from '../users/users.routes';

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Transforms (e.g. "true"/"false" query flags) have no JSON Schema: describe their input side.
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function queryParams(s: z.ZodObject): JsonSchema[] {
  const json = schema(s, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, sch]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: sch,
  }));
}

interface Op {
  summary: string;
  tag: string;
  public?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: [number, z.ZodType | null];
  csv?: boolean;
  /** Accepts an Idempotency-Key header (movements/idempotency.ts). */
  idempotent?: boolean;
}

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const idempotencyKeyParam = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'A retry with the same key and body answers the first answer (header Idempotent-Replayed: true) and records nothing new; the same key with another body is a 422. Per principal, kept a day.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};
const errorResponse = { description: 'Error', content: { 'application/json': { schema: schema(errorEnvelopeSchema, 'output') } } };

function operation(path: string, op: Op): JsonSchema {
  const parameters = [...(path.includes('{id}') ? [idParam] : []), ...(op.query ? queryParams(op.query) : []), ...(op.idempotent ? [idempotencyKeyParam] : [])];
  const [status, res] = op.ok;
  const content: JsonSchema = res ? { 'application/json': { schema: schema(res, 'output') } } : {};
  if (op.csv) content['text/csv'] = { schema: { type: 'string' } };
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body, 'input') } } } } : {}),
    responses: {
      [status]: { description: 'OK', ...(Object.keys(content).length ? { content } : {}) },
      '4XX': errorResponse,
      '5XX': errorResponse,
    },
  };
}

const anyRows = z.object({ items: z.array(z.record(z.string(), z.unknown())) }).loose();

const crud = (base: string, tag: string, item: z.ZodType, create: z.ZodType, update: z.ZodType, query: z.ZodObject) => ({
  [base]: {
    get: operation(base, { summary: `List ${tag} (filters, keyset paging)`, tag, query, ok: [200, pageSchema(item)] }),
    post: operation(base, { summary: `Create`, tag, body: create, ok: [201, item] }),
  },
  [`${base}/{id}`]: {
    get: operation(`${base}/{id}`, { summary: 'Get one', tag, ok: [200, item] }),
    put: operation(`${base}/{id}`, { summary: 'Replace', tag, body: create, ok: [200, item] }),
    patch: operation(`${base}/{id}`, { summary: 'Change some fields', tag, body: update, ok: [200, item] }),
    delete: operation(`${base}/{id}`, { summary: 'Delete (archives when it has history: 200 with the archived record)', tag, ok: [204, null] }),
  },
});

let cached: JsonSchema | undefined;

/** OpenAPI 3.1, generated from the same zod schemas the handlers validate with. */
export function openApiDocument(): JsonSchema {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Bazaar Inventory hub API',
      version: '1',
      description:
        'Errors are {"error":{"code","message","details"}}. Lists answer {"items","nextCursor"}; pass nextCursor back as cursor. ' +
        'Authenticate with Authorization: Bearer <token> (bzu_ user tokens, bzd_ device tokens).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/health': { get: operation('/health', { summary: 'Liveness and database check', tag: 'ops', public: true, ok: [200, z.object({ status: z.string(), database: z.string() }).loose()] }) },
      '/auth/register': { post: operation('/auth/register', { summary: 'Register (first user becomes admin, later ones staff with no store)', tag: 'auth', public: true, body: registerInputSchema, ok: [201, loginResultSchema] }) },
      '/auth/login': { post: operation('/auth/login', { summary: 'Sign in (throttled per IP and per username)', tag: 'auth', public: true, body: loginInputSchema, ok: [200, loginResultSchema] }) },
      '/auth/logout': { post: operation('/auth/logout', { summary: 'Revoke this token', tag: 'auth', ok: [204, null] }) },
      '/auth/me': { get: operation('/auth/me', { summary: 'The signed-in user', tag: 'auth', ok: [200, userSchema] }) },
      ...crud('/users', 'users', userSchema, userCreateSchema, userUpdateSchema, usersQuery),
      ...crud('/stores', 'stores', storeSchema, storeCreateSchema, storeUpdateSchema, storesQuery),
      ...crud('/suppliers', 'suppliers', supplierSchema, supplierCreateSchema, supplierUpdateSchema, suppliersQuery),
      ...crud('/products', 'products', productSchema, productCreateSchema, productUpdateSchema, productsQuery),
      '/stocks': { get: operation('/stocks', { summary: 'Stock per store and product', tag: 'stock', query: stockQuery, ok: [200, pageSchema(stockListItemSchema)] }) },
      '/stocks/counts': { get: operation('/stocks/counts', { summary: 'Low and out-of-stock counts per visible store, with totals (maintained counters)', tag: 'stock', query: countsQuery, ok: [200, stockCountsPageSchema] }) },
      '/stocks/summary': { get: operation('/stocks/summary', { summary: 'Totals per product across visible stores', tag: 'stock', query: summaryQuery, ok: [200, pageSchema(stockSummaryItemSchema)] }) },
      '/stock-movements': {
        get: operation('/stock-movements', { summary: 'Movements, newest first', tag: 'stock', query: movementsQuery, ok: [200, pageSchema(movementSchema)] }),
        post: operation('/stock-movements', { summary: 'Record one movement (shared merge rule, atomic)', tag: 'stock', body: movementCreateSchema, idempotent: true, ok: [201, z.object({ movement: movementSchema, stock: stockRowSchema })] }),
      },
      '/stock-movements/{id}': { get: operation('/stock-movements/{id}', { summary: 'One movement', tag: 'stock', ok: [200, movementSchema] }) },
      '/logs': { get: operation('/logs', { summary: 'Audit log search', tag: 'audit', query: logsQuery, ok: [200, pageSchema(auditEntrySchema)] }) },
      '/logs/verify': {
        get: operation('/logs/verify', { summary: 'Check the audit hash chains: one store (storeId), or a page of chains in key order; the last page checks the anchors', tag: 'audit', query: verifyQuery, ok: [200, hubChainVerificationSchema] }),
      },
      '/logs/verify/runs': { post: operation('/logs/verify/runs', { summary: 'Verify every chain as a background job', tag: 'audit', ok: [202, verifyRunSchema] }) },
      '/logs/verify/runs/{id}': { get: operation('/logs/verify/runs/{id}', { summary: 'Progress and result of a verification run', tag: 'audit', ok: [200, verifyRunSchema] }) },
      '/reports/low-stock': { get: operation('/reports/low-stock', { summary: 'Low stock (0 < qty ≤ reorder level)', tag: 'reports', query: stockReportQuery, ok: [200, anyRows], csv: true }) },
      '/reports/out-of-stock': { get: operation('/reports/out-of-stock', { summary: 'Out of stock (qty ≤ 0)', tag: 'reports', query: stockReportQuery, ok: [200, anyRows], csv: true }) },
      '/reports/sales': { get: operation('/reports/sales', { summary: 'Sales by day, store or product', tag: 'reports', query: salesQuery, ok: [200, anyRows], csv: true }) },
      '/reports/valuation': { get: operation('/reports/valuation', { summary: 'Stock value at cost and retail per store', tag: 'reports', query: valuationQuery, ok: [200, anyRows], csv: true }) },
      '/devices': {
        get: operation('/devices', { summary: 'Enrolled counters', tag: 'sync', ok: [200, pageSchema(deviceSchema)] }),
        post: operation('/devices', { summary: 'Enroll a counter (token shown once)', tag: 'sync', body: deviceCreateSchema, ok: [201, deviceEnrollmentSchema] }),
      },
      '/devices/{id}': { delete: operation('/devices/{id}', { summary: 'Revoke a counter', tag: 'sync', ok: [204, null] }) },
      '/sync/push': { post: operation('/sync/push', { summary: 'Push a batch of movements (device token)', tag: 'sync', body: pushRequestSchema, ok: [200, pushResponseSchema] }) },
      '/sync/time': { get: operation('/sync/time', { summary: 'Hub time and this device\'s acknowledged seq (device token)', tag: 'sync', ok: [200, timeResponseSchema] }) },
      '/sync/pull': { get: operation('/sync/pull', { summary: 'Pull catalog, staff and stock changes (device token)', tag: 'sync', query: pullQuerySchema, ok: [200, pullResponseSchema] }) },
    },
  };
  return cached;
}
