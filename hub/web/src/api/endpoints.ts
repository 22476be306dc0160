import { z } from 'zod';
import {
  auditEntrySchema,
  chainVerificationSchema,
  conflictSchema,
  deviceEnrollmentSchema,
  deviceSchema,
  loginResultSchema,
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
  type DeviceCreate,
  type LoginInput,
  type MovementCreate,
  type ProductCreate,
  type ProductUpdate,
  type RegisterInput,
  type StoreCreate,
  type StoreUpdate,
  type SupplierCreate,
  type SupplierUpdate,
  type UserCreate,
  type UserUpdate,
} from '@bazaar/shared';
import { api, type Query } from './client';
import { SubmitKeys } from './submit-keys';

const ok = z.unknown();

/** `GET /auth/me` may answer the user or `{ user }`. */
const meSchema = z.union([userSchema, z.object({ user: userSchema }).transform((r) => r.user)]);
/** Registration may sign the new user in (token) or only create the account. */
const registerResultSchema = z.union([loginResultSchema, userSchema, z.object({ user: userSchema })]);

export const authApi = {
  login: (body: LoginInput) => api('POST', '/auth/login', { body, schema: loginResultSchema }),
  register: (body: RegisterInput) => api('POST', '/auth/register', { body, schema: registerResultSchema }),
  logout: () => api('POST', '/auth/logout', { schema: ok }),
  me: () => api('GET', '/auth/me', { schema: meSchema }),
};

export interface PageQuery extends Query {
  cursor?: string;
  limit?: number;
}

function crud<Item extends z.ZodType, Create, Update>(path: string, item: Item) {
  return {
    list: (query: PageQuery) => api('GET', path, { query, schema: pageSchema(item) }),
    get: (id: string) => api('GET', `${path}/${id}`, { schema: item }),
    create: (body: Create) => api('POST', path, { body, schema: item }),
    update: (id: string, body: Update) => api('PATCH', `${path}/${id}`, { body, schema: item }),
    archive: (id: string) => api('DELETE', `${path}/${id}`, { schema: ok }),
  };
}

const archivePreviewSchema = z.object({
  activeDevices: z.array(z.object({ id: z.string(), name: z.string(), lastSeq: z.number(), lastPushAt: z.string().nullable() })),
  openConflicts: z.number(),
});
export type ArchivePreview = z.infer<typeof archivePreviewSchema>;

export const storesApi = {
  ...crud<typeof storeSchema, StoreCreate, StoreUpdate>('/stores', storeSchema),
  /** What archiving would do (its counters are revoked), to say before it is done. */
  archivePreview: (id: string) => api('GET', `/stores/${id}/archive-preview`, { schema: archivePreviewSchema }),
};
export const suppliersApi = crud<typeof supplierSchema, SupplierCreate, SupplierUpdate>('/suppliers', supplierSchema);
export const productsApi = crud<typeof productSchema, ProductCreate, ProductUpdate>('/products', productSchema);
export const usersApi = crud<typeof userSchema, UserCreate, UserUpdate>('/users', userSchema);

export const stockApi = {
  list: (query: PageQuery) => api('GET', '/stocks', { query, schema: pageSchema(stockListItemSchema) }),
  summary: (query: PageQuery) => api('GET', '/stocks/summary', { query, schema: pageSchema(stockSummaryItemSchema) }),
  /** Low/out counts per store and their totals, from counters the hub keeps (no row counting). */
  counts: (query: PageQuery) => api('GET', '/stocks/counts', { query, schema: stockCountsPageSchema }),
};

/** A retried submit of the same movement reuses its Idempotency-Key: recorded once even if an answer was lost. */
const movementSubmits = new SubmitKeys();

export const movementsApi = {
  list: (query: PageQuery) => api('GET', '/stock-movements', { query, schema: pageSchema(movementSchema) }),
  get: (id: string) => api('GET', `/stock-movements/${id}`, { schema: movementSchema }),
  create: async (body: Omit<MovementCreate, 'unitPricePaise' | 'unitCostPaise' | 'reason' | 'note' | 'supplierId'> &
    Partial<MovementCreate>) => {
    const key = movementSubmits.keyFor(body);
    const schema = z.object({ movement: movementSchema, stock: stockRowSchema });
    const answer = await api('POST', '/stock-movements', { body, schema, headers: { 'Idempotency-Key': key } });
    movementSubmits.succeeded(key);
    return answer;
  },
};

export const auditApi = {
  list: (query: PageQuery) => api('GET', '/logs', { query, schema: pageSchema(auditEntrySchema) }),
  verify: () => api('GET', '/logs/verify', { schema: chainVerificationSchema }),
};

export const conflictsApi = {
  list: (query: PageQuery) => api('GET', '/conflicts', { query, schema: pageSchema(conflictSchema) }),
  resolve: (id: string, note: string) =>
    api('POST', `/conflicts/${id}/resolve`, { body: { note }, schema: z.union([conflictSchema, ok]) }),
};

export const devicesApi = {
  list: (query: PageQuery) => api('GET', '/devices', { query, schema: pageSchema(deviceSchema) }),
  enroll: (body: DeviceCreate) => api('POST', '/devices', { body, schema: deviceEnrollmentSchema }),
  revoke: (id: string) => api('DELETE', `/devices/${id}`, { schema: ok }),
};

export const opsApi = {
  health: () => api('GET', '/health', { schema: z.record(z.string(), z.unknown()) }),
  generateDummyData: (body: Record<string, unknown>) =>
    api('POST', '/dev/generate-dummy-data', { body, schema: z.record(z.string(), z.unknown()) }),
};
