import { z } from 'zod';
import {
  codeSchema,
  dayStringSchema,
  expiryDateSchema,
  lotSchema,
  discountSchema,
  movementKindSchema,
  paymentMethodSchema,
  nameSchema,
  minorSchema,
  pinSchema,
  productCreateSchema,
  productUpdateSchema,
  removalReasonSchema,
  roleSchema,
  stockStatusSchema,
  supplierCreateSchema,
  usernameSchema,
  uuidSchema,
  MAX_QTY,
  type AuditEntry,
  type Bill,
  type ChainVerification,
  type MovementKind,
  type Pack,
  type Product,
  type RemovalReason,
  type Role,
  type StockStatus,
  type Supplier,
} from '@bazaar/shared';
import type { EnrollPriceChange } from './sync/sync.enroll-preview';

/*
 * The desktop core's one API. The Electron preload and the HTTP bridge expose exactly
 * this (inputs validated with these schemas, results plain JSON, errors DomainError
 * with a shared ErrorCode), so the renderer cannot tell which transport it talks to.
 */

/** A product as typed or scanned: its barcode, its SKU or its id. */
const productRefSchema = z.string().trim().min(1, 'must name a product (barcode, SKU or id)').max(64);
const positiveQty = z
  .number({ message: 'must be a number' })
  .int('must be a whole number of base units (g, ml or pieces)')
  .min(1, 'must be more than zero')
  .max(MAX_QTY, `must be at most ${MAX_QTY}`);
const noteSchema = z.string().trim().max(500, 'must be at most 500 characters').optional();

export const initStoreInput = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  varianceThreshold: z.number().int().min(0).max(MAX_QTY).optional(),
});
export const createUserInput = z.strictObject({ username: usernameSchema, name: nameSchema, role: roleSchema, pin: pinSchema });
export const signInInput = z.strictObject({ username: usernameSchema, pin: z.string().min(1, 'must not be empty').max(8) });
export const addSupplierInput = supplierCreateSchema;
export const addProductInput = productCreateSchema.omit({ id: true });
export const updateProductInput = z.strictObject({ product: productRefSchema, patch: productUpdateSchema.omit({ archived: true }) });
export const archiveProductInput = z.strictObject({ product: productRefSchema, archived: z.boolean().default(true) });
export const importProductsInput = z.strictObject({ csv: z.string().max(64 * 1024 * 1024, 'CSV is over 64 MB') });
export const findProductInput = z.strictObject({ code: productRefSchema });
/** What the scanner read: a product's barcode, SKU or id, a pack's barcode, or a label scale's barcode. */
export const scanCodeInput = z.strictObject({ code: productRefSchema });
export const searchProductsInput = z.strictObject({
  query: z.string().max(200),
  limit: z.number().int().min(1).max(200).default(20),
  includeArchived: z.boolean().default(false),
});

export const saleLineInput = z.strictObject({
  product: productRefSchema,
  qty: positiveQty,
  /** Defaults to the product's price (per piece, or per kg / L for weighed goods). */
  unitPriceMinor: minorSchema.optional(),
  discount: discountSchema.optional(),
  /** Sold as this pack of the product (its name): qty is then whole packs' base units, charged at the pack's price. */
  pack: z.string().trim().min(1).max(40).optional(),
  /** A price-embedded scale label's printed price: the line charges it (qty is the weight it stands for). */
  labelPriceMinor: minorSchema.min(1).optional(),
});
/** One payment as the cashier enters it: cash with what was tendered, other methods with an amount. */
export const paymentInput = z.strictObject({ method: paymentMethodSchema, amountMinor: minorSchema.optional(), tenderedMinor: minorSchema.optional() });
/** A manager standing beside the cashier, approving with their PIN (checked offline against the local PIN hashes). */
export const approvalInput = z.strictObject({ username: usernameSchema, pin: z.string().min(1, 'must not be empty').max(8) });
export const sellInput = z.strictObject({
  lines: z.array(saleLineInput).min(1, 'a sale needs at least one line').max(500, 'at most 500 lines per sale'),
  note: noteSchema,
  billDiscount: discountSchema.optional(),
  /** None given: paid exactly in cash. */
  payments: z.array(paymentInput).max(10).optional(),
  approval: approvalInput.optional(),
  /** The customer whose account the part paid by "credit" goes on, and when it is due (issue 20). */
  credit: z.strictObject({ customer: z.string().trim().min(1, 'name a customer (phone or name)').max(200), dueOn: dayStringSchema.optional() }).optional(),
});
export const stockInInput = z.strictObject({
  product: productRefSchema,
  qty: positiveQty,
  unitCostMinor: minorSchema.optional(),
  /** Supplier id or exact name. */
  supplier: z.string().trim().min(1).max(200).optional(),
  note: noteSchema,
  /** The batch printed on the goods, and the day they expire (the store's calendar). */
  lot: lotSchema.optional(),
  expiresOn: expiryDateSchema.optional(),
});
export const removeInput = z.strictObject({ product: productRefSchema, qty: positiveQty, reason: removalReasonSchema, note: noteSchema });
/** Remove every batch past its expiry day (the store's calendar) in one step, reason `expiry`. */
export const removeExpiredInput = z.strictObject({ note: noteSchema });
export const countInput = z.strictObject({
  lines: z
    .array(z.strictObject({ product: productRefSchema, counted: z.number().int('must be whole base units').min(0, 'a count cannot be negative').max(MAX_QTY) }))
    .min(1, 'count at least one product')
    .max(5000),
  note: noteSchema,
});
export const adjustInput = z.strictObject({
  product: productRefSchema,
  delta: z.number().int().min(-MAX_QTY).max(MAX_QTY).refine((n) => n !== 0, 'must not be zero'),
  note: z.string().trim().min(1, 'say why the stock is adjusted').max(500),
});
export const listStockInput = z.strictObject({
  search: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  supplierId: uuidSchema.optional(),
  status: stockStatusSchema.optional(),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(100_000).default(100),
  offset: z.number().int().min(0).default(0),
});
export const historyInput = z.strictObject({
  product: productRefSchema.optional(),
  kind: movementKindSchema.optional(),
  userId: uuidSchema.optional(),
  batchId: uuidSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  /** nextCursor of the previous page. */
  cursor: z.string().regex(/^(\d+|\d{4}-\d{2}-\d{2}T[\d:.]+Z~\d+)$/, 'not a cursor from this list').optional(),
});
export const verifyAuditInput = z.strictObject({ full: z.boolean().optional() });
export type VerifyAuditInput = z.input<typeof verifyAuditInput>;

export const auditLogInput = z.strictObject({
  action: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  cursor: z.string().regex(/^\d+$/, 'not a cursor from this list').optional(),
});
export const enrollInput = z.strictObject({
  hubUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://hub.example.com' }),
  token: z.string().trim().min(16, 'that does not look like a device token').max(500),
  /** Enroll even though the store is already enrolled to a hub. */
  force: z.boolean().default(false),
});

/** Big text for the signed-in person (issue 15). */
export const setBigTextInput = z.strictObject({ on: z.boolean({ message: 'must be true or false' }) });

export type InitStoreInput = z.input<typeof initStoreInput>;
export type CreateUserInput = z.input<typeof createUserInput>;
export type SignInInput = z.input<typeof signInInput>;
export type AddSupplierInput = z.input<typeof addSupplierInput>;
export type AddProductInput = z.input<typeof addProductInput>;
export type UpdateProductInput = z.input<typeof updateProductInput>;
export type ArchiveProductInput = z.input<typeof archiveProductInput>;
export type ImportProductsInput = z.input<typeof importProductsInput>;
export type FindProductInput = z.input<typeof findProductInput>;
export type ScanCodeInput = z.input<typeof scanCodeInput>;
export type SearchProductsInput = z.input<typeof searchProductsInput>;
export type SellInput = z.input<typeof sellInput>;
export type StockInInput = z.input<typeof stockInInput>;
export type RemoveInput = z.input<typeof removeInput>;
export type RemoveExpiredInput = z.input<typeof removeExpiredInput>;
export type CountInput = z.input<typeof countInput>;
export type AdjustInput = z.input<typeof adjustInput>;
export type ListStockInput = z.input<typeof listStockInput>;
export type HistoryInput = z.input<typeof historyInput>;
export type AuditLogInput = z.input<typeof auditLogInput>;
export type EnrollInput = z.input<typeof enrollInput>;
export type SetBigTextInput = z.input<typeof setBigTextInput>;

export interface StoreInfo {
  initialised: boolean;
  storeId: string | null;
  storeCode: string | null;
  storeName: string | null;
  deviceId: string | null;
  hlcNode: string | null;
  enrolled: boolean;
  hubUrl: string | null;
  session: SessionUser | null;
  usersExist: boolean;
}

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** This person reads the counter in big text (issue 15). */
  bigText: boolean;
}

export interface LocalUserView extends SessionUser {
  active: boolean;
  origin: 'local' | 'hub';
  hasPin: boolean;
}

export type ProductView = Product & { origin: 'local' | 'hub'; qty: number; status: StockStatus };

/** A scanned code read: the product, and what the code itself says of the quantity. */
export interface ScanView {
  product: ProductView;
  /** The pack whose barcode was scanned (one of it), or null. */
  pack: Pack | null;
  /** Base units the code stands for (a pack's size, a scale label's weight); null: the cashier says (1 pc, or weigh). */
  qty: number | null;
  /** A price-embedded scale label's printed price, or null. */
  labelPriceMinor: number | null;
}

export interface MovementView {
  id: string;
  seq: number;
  hlc: string;
  kind: MovementKind;
  productId: string;
  sku: string;
  productName: string;
  unit: 'pc' | 'g' | 'ml';
  qty: number;
  unitPriceMinor: number | null;
  unitCostMinor: number | null;
  reason: RemovalReason | null;
  note: string | null;
  supplierId: string | null;
  batchId: string | null;
  userId: string | null;
  lot: string | null;
  expiresOn: string | null;
  occurredAt: string;
  syncStatus: 'pending' | 'applied' | 'duplicate' | 'rejected';
  syncReason: string | null;
}

export interface RemoveExpiredResult {
  /** The store's today: batches that expired before it were removed. */
  today: string;
  /** One line per batch taken off, earliest expiry first. */
  removed: { movementId: string; productId: string; sku: string; productName: string; unit: 'pc' | 'g' | 'ml'; lot: string | null; expiresOn: string; qty: number; costMinor: number; stockAfter: number }[];
}

export interface SaleResult {
  /** The bill's id; the sale's movements carry it as their batch id. */
  batchId: string;
  billNumber: string;
  /** What the bill came to, after discounts and rounding. */
  totalMinor: number;
  changeMinor: number;
  bill: Bill;
  lines: { movementId: string; seq: number; productId: string; sku: string; name: string; qty: number; unitPriceMinor: number; lineTotalMinor: number; stockAfter: number }[];
}

export interface SingleMovementResult {
  movement: MovementView;
  stockAfter: number;
}

export interface CountResult {
  batchId: string;
  lines: { movementId: string; productId: string; sku: string; name: string; unit: 'pc' | 'g' | 'ml'; expected: number; counted: number; variance: number }[];
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  bad: { line: number; sku: string | null; message: string }[];
}

export interface StockListResult {
  total: number;
  items: {
    productId: string;
    sku: string;
    barcode: string | null;
    name: string;
    unit: 'pc' | 'g' | 'ml';
    category: string | null;
    supplierId: string | null;
    priceMinor: number;
    qty: number;
    reorderLevel: number;
    status: StockStatus;
    archived: boolean;
  }[];
}

export interface SyncStatusView {
  enrolled: boolean;
  hubUrl: string | null;
  /** online = the last attempt reached the hub; offline = it did not; never = not tried yet. */
  state: 'standalone' | 'online' | 'offline' | 'never' | 'halted';
  pendingMovements: number;
  pendingProducts: number;
  rejectedMovements: number;
  ackedSeq: number;
  lastSeq: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  clockOffsetMs: number;
  halted: string | null;
}

export interface SyncRunResult {
  pushedMovements: number;
  pushBatches: number;
  rejected: number;
  remaps: number;
  pulledPages: number;
  pulledProducts: number;
  pulledStockRows: number;
  status: SyncStatusView;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number | null;
}

export interface CoreHooks {
  onProgress?: (done: number, total: number) => void;
}

export interface CoreApi {
  info(): Promise<StoreInfo>;
  initStore(input: InitStoreInput): Promise<StoreInfo>;
  startSetupOver(): Promise<StoreInfo>;
  createUser(input: CreateUserInput): Promise<LocalUserView>;
  listUsers(): Promise<LocalUserView[]>;
  signIn(input: SignInInput): Promise<SessionUser>;
  signOut(): Promise<void>;
  setBigText(input: SetBigTextInput): Promise<SessionUser>;
  addSupplier(input: AddSupplierInput): Promise<Supplier>;
  listSuppliers(): Promise<Supplier[]>;
  addProduct(input: AddProductInput): Promise<ProductView>;
  updateProduct(input: UpdateProductInput): Promise<ProductView>;
  archiveProduct(input: ArchiveProductInput): Promise<ProductView>;
  importProducts(input: ImportProductsInput, hooks?: CoreHooks): Promise<ImportResult>;
  findProduct(input: FindProductInput): Promise<ProductView>;
  scanCode(input: ScanCodeInput): Promise<ScanView>;
  searchProducts(input: SearchProductsInput): Promise<ProductView[]>;
  listCategories(): Promise<string[]>;
  sell(input: SellInput): Promise<SaleResult>;
  stockIn(input: StockInInput): Promise<SingleMovementResult>;
  remove(input: RemoveInput): Promise<SingleMovementResult>;
  removeExpired(input?: RemoveExpiredInput): Promise<RemoveExpiredResult>;
  count(input: CountInput): Promise<CountResult>;
  adjust(input: AdjustInput): Promise<SingleMovementResult>;
  listStock(input: ListStockInput): Promise<StockListResult>;
  history(input: HistoryInput): Promise<{ items: MovementView[]; nextCursor: string | null }>;
  auditLog(input: AuditLogInput): Promise<{ items: AuditEntry[]; nextCursor: string | null }>;
  verifyAudit(input: VerifyAuditInput): Promise<ChainVerification & { mode: 'incremental' | 'full'; coveredBefore: number }>;
  enroll(input: EnrollInput): Promise<SyncStatusView>;
  enrollPreview(input: EnrollInput): Promise<{ priceChanges: EnrollPriceChange[] }>;
  syncNow(hooks?: { onProgress?: (p: SyncProgress) => void }): Promise<SyncRunResult>;
  syncStatus(): Promise<SyncStatusView>;
  close(): Promise<void>;
}

