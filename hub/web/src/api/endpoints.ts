import { z } from 'zod';
import {
  auditEntrySchema,
  chainVerificationSchema,
  conflictSchema,
  deviceEnrollmentSchema,
  deviceSchema,
  loginResultSchema,
  setupStateSchema,
  hubSettingsSchema,
  movementSchema,
  pageSchema,
  productSchema,
  stockCountsPageSchema,
  stockListItemSchema,
  stockRowSchema,
  stockSummaryItemSchema,
  storeSchema,
  supplierSchema,
  userSchema,
  archivePreviewSchema,
  type MovementCreate,
  type Page,
} from '@bazaar/shared';
import { api, type Query, type QueryValue } from './client';
import type { HubPath, Method, QueryKey, RequestBody } from './hub-routes';
import { SubmitKeys } from './submit-keys';

const ok = z.unknown();

/** A demo-data job as the settings page shows it (the hub sends more). */
const dummyJobSchema = z.looseObject({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.string().optional(),
  done: z.number().optional(),
  total: z.number().optional(),
  error: z.string().nullable().optional(),
});

/** `GET /auth/me` may answer the user or `{ user }`. */
const meSchema = z.union([userSchema, z.object({ user: userSchema }).transform((r) => r.user)]);
/** Registration may sign the new user in (token) or only create the account. */
const registerResultSchema = z.union([loginResultSchema, userSchema, z.object({ user: userSchema })]);

export const authApi = {
  login: (body: RequestBody<'POST', '/auth/login'>) => api('POST', '/auth/login', { body, schema: loginResultSchema }),
  register: (body: RequestBody<'POST', '/auth/register'>) => api('POST', '/auth/register', { body, schema: registerResultSchema }),
  logout: () => api('POST', '/auth/logout', { schema: ok }),
  me: () => api('GET', '/auth/me', { schema: meSchema }),
  setup: () => api('GET', '/auth/setup', { schema: setupStateSchema }),
  changePassword: (body: RequestBody<'POST', '/auth/password'>) => api('POST', '/auth/password', { body, schema: ok }),
};

export interface PageQuery extends Query {
  cursor?: string;
  limit?: number;
}

/** A list's query: the route's own parameters (a renamed one breaks the typecheck). */
export type ListQuery<P extends HubPath<'GET'>> = Partial<Record<QueryKey<'GET', P>, QueryValue>>;

type CrudPath = '/stores' | '/suppliers' | '/products' | '/users';

function crud<P extends CrudPath, Item extends z.ZodType>(path: P, item: Item) {
  const one = `${path}/:id` as `${P}/:id`;
  // One generic body for four routes: each call below is checked against its route where crud() is used.
  const call = api as (method: Method, route: string, options: { query?: Query; body?: unknown; param?: { id: string }; schema: z.ZodType }) => Promise<unknown>;
  return {
    list: (query: ListQuery<P>) => call('GET', path, { query, schema: pageSchema(item) }) as Promise<Page<z.infer<Item>>>,
    get: (id: string) => call('GET', one, { param: { id }, schema: item }) as Promise<z.infer<Item>>,
    create: (body: RequestBody<'POST', P>) => call('POST', path, { body, schema: item }) as Promise<z.infer<Item>>,
    update: (id: string, body: RequestBody<'PATCH', `${P}/:id`>) => call('PATCH', one, { param: { id }, body, schema: item }) as Promise<z.infer<Item>>,
    archive: (id: string) => call('DELETE', one, { param: { id }, schema: ok }),
  };
}

export const storesApi = {
  ...crud('/stores', storeSchema),
  /** What archiving would do (its counters are revoked), to say before it is done. */
  archivePreview: (id: string) => api('GET', '/stores/:id/archive-preview', { param: { id }, schema: archivePreviewSchema }),
};
export const suppliersApi = crud('/suppliers', supplierSchema);
export const productsApi = crud('/products', productSchema);
export const usersApi = crud('/users', userSchema);

export const stockApi = {
  list: (query: ListQuery<'/stocks'>) => api('GET', '/stocks', { query, schema: pageSchema(stockListItemSchema) }),
  summary: (query: ListQuery<'/stocks/summary'>) => api('GET', '/stocks/summary', { query, schema: pageSchema(stockSummaryItemSchema) }),
  /** Low/out counts per store and their totals, from counters the hub keeps (no row counting). */
  counts: (query: ListQuery<'/stocks/counts'>) => api('GET', '/stocks/counts', { query, schema: stockCountsPageSchema }),
};

/** A retried submit of the same movement reuses its Idempotency-Key: recorded once even if an answer was lost. */
const movementSubmits = new SubmitKeys();

export const movementsApi = {
  list: (query: ListQuery<'/stock-movements'>) => api('GET', '/stock-movements', { query, schema: pageSchema(movementSchema) }),
  get: (id: string) => api('GET', '/stock-movements/:id', { param: { id }, schema: movementSchema }),
  create: async (body: Omit<MovementCreate, 'unitPriceMinor' | 'unitCostMinor' | 'reason' | 'note' | 'supplierId'> &
    Partial<MovementCreate>) => {
    const key = movementSubmits.keyFor(body);
    const schema = z.object({ movement: movementSchema, stock: stockRowSchema });
    const answer = await api('POST', '/stock-movements', { body, schema, headers: { 'Idempotency-Key': key } });
    movementSubmits.succeeded(key);
    return answer;
  },
};

export const auditApi = {
  list: (query: ListQuery<'/logs'>) => api('GET', '/logs', { query, schema: pageSchema(auditEntrySchema) }),
  verify: () => api('GET', '/logs/verify', { schema: chainVerificationSchema }),
};

export const conflictsApi = {
  list: (query: ListQuery<'/conflicts'>) => api('GET', '/conflicts', { query, schema: pageSchema(conflictSchema) }),
  resolve: (id: string, note: string) =>
    api('POST', '/conflicts/:id/resolve', { param: { id }, body: { note }, schema: z.union([conflictSchema, ok]) }),
};

export const devicesApi = {
  list: (query: ListQuery<'/devices'>) => api('GET', '/devices', { query, schema: pageSchema(deviceSchema) }),
  enroll: (body: RequestBody<'POST', '/devices'>) => api('POST', '/devices', { body, schema: deviceEnrollmentSchema }),
  revoke: (id: string) => api('DELETE', '/devices/:id', { param: { id }, schema: ok }),
};

export const opsApi = {
  health: () => api('GET', '/health', { schema: z.record(z.string(), z.unknown()) }),
  generateDummyData: (body: RequestBody<'POST', '/dev/generate-dummy-data'>) =>
    api('POST', '/dev/generate-dummy-data', { body, schema: z.object({ job: dummyJobSchema, staffPassword: z.string().optional() }) }),
  dummyDataJob: (id: string) => api('GET', '/dev/generate-dummy-data/:id', { param: { id }, schema: z.object({ job: dummyJobSchema }) }),
};

/** The hub's currency and default language (everyone reads them; admins change them). */
export const hubSettingsApi = {
  get: () => api('GET', '/settings', { schema: hubSettingsSchema }),
  update: (body: RequestBody<'PATCH', '/settings'>) => api('PATCH', '/settings', { body, schema: hubSettingsSchema }),
};
