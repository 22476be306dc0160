import { z } from 'zod';
import { barcodeSchema, codeSchema, isoDateTimeSchema, nameSchema } from './common.schema';
import { packsSchema } from '../units/packs';
import { DEFAULT_STORE_TIME_ZONE, timeZoneSchema } from './store-time';
import { localeSchema } from './hub-settings.schema';
import { DEFAULT_VARIANCE_LOOSE_PERCENT } from '../stock/count-variance';
import { uuidSchema } from '../ids/uuidv7';
import { baseUnitSchema, minorSchema, MAX_QTY } from '../units/units';

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable();

export const storeSchema = z.object({
  id: uuidSchema,
  code: codeSchema,
  name: nameSchema,
  region: optionalText(100),
  location: optionalText(300),
  /** Pieces a count may be off by before it is flagged for review (products counted in pieces). */
  varianceThreshold: z.number().int().min(0),
  /** Percent of the stock a count of loose goods (weight, volume) may be off by before it is flagged. Hubs before it: 2. */
  varianceLoosePercent: z.number().min(0).max(100).default(DEFAULT_VARIANCE_LOOSE_PERCENT),
  /** IANA zone of the store's clock: its days, shifts and reports are this zone's. Hubs before it: India's. */
  timeZone: z.string().default(DEFAULT_STORE_TIME_ZONE),
  /** The store's language for whoever has not picked one (user > store > hub default); null: the hub's. Hubs before it: null. */
  defaultLocale: localeSchema.nullable().default(null),
  archived: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Store = z.infer<typeof storeSchema>;

/**
 * The fields a person sets on a store, with no defaults: a change (PATCH) names what it changes
 * and leaves the rest as it is. zod applies a field's default even inside `.partial()`, so an
 * update schema made from a create schema with defaults would reset every unnamed field.
 */
const storeFields = {
  code: codeSchema,
  name: nameSchema,
  region: optionalText(100).optional(),
  location: optionalText(300).optional(),
  varianceThreshold: z.number().int().min(0).max(MAX_QTY),
  varianceLoosePercent: z.number().min(0).max(100),
  timeZone: timeZoneSchema,
  defaultLocale: localeSchema.nullable().optional(),
};
export const storeCreateSchema = z.strictObject({
  ...storeFields,
  varianceThreshold: storeFields.varianceThreshold.default(10),
  varianceLoosePercent: storeFields.varianceLoosePercent.default(DEFAULT_VARIANCE_LOOSE_PERCENT),
  timeZone: storeFields.timeZone.default(DEFAULT_STORE_TIME_ZONE),
});
export type StoreCreate = z.infer<typeof storeCreateSchema>;
export const storeUpdateSchema = z.strictObject(storeFields).partial().extend({ archived: z.boolean().optional() }).strict();
export type StoreUpdate = z.infer<typeof storeUpdateSchema>;

/** What archiving a store would do (its counters are revoked), said before it is done. */
export const archivePreviewSchema = z.object({
  storeId: z.string(),
  /** The counters archiving revokes: each may still hold movements it has not pushed. */
  activeDevices: z.array(z.object({ id: z.string(), name: z.string(), lastSeq: z.number(), lastPushAt: z.string().nullable() })),
  openConflicts: z.number(),
  effect: z.string(),
});
export type ArchivePreview = z.infer<typeof archivePreviewSchema>;

export const supplierSchema = z.object({
  id: uuidSchema,
  name: nameSchema,
  phone: optionalText(40),
  email: optionalText(200),
  address: optionalText(500),
  archived: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierCreateSchema = z.strictObject({
  name: nameSchema,
  phone: optionalText(40).optional(),
  email: z.email('must be an email address').nullable().optional(),
  address: optionalText(500).optional(),
});
export type SupplierCreate = z.infer<typeof supplierCreateSchema>;
export const supplierUpdateSchema = supplierCreateSchema.partial().extend({ archived: z.boolean().optional() }).strict();
export type SupplierUpdate = z.infer<typeof supplierUpdateSchema>;

export const skuSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'may contain only letters, digits, ".", "_", "/" and "-"');

export const productSchema = z.object({
  id: uuidSchema,
  sku: skuSchema,
  barcode: barcodeSchema.nullable(),
  name: nameSchema,
  unit: baseUnitSchema,
  category: optionalText(100),
  supplierId: uuidSchema.nullable(),
  /** Selling price in minor units per piece, or per kg / per L for weighed goods. */
  priceMinor: minorSchema,
  costMinor: minorSchema,
  reorderLevel: z.number().int().min(0).max(MAX_QTY),
  /** Packaging units (carton = 24 pc): each may have its own barcode and price. Hubs before them: none. */
  packs: packsSchema.default([]),
  archived: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Product = z.infer<typeof productSchema>;

/** The fields a person sets on a product, with no defaults (see `storeFields`). */
const productFields = {
  sku: skuSchema,
  barcode: barcodeSchema.nullable().optional(),
  name: nameSchema,
  unit: baseUnitSchema,
  category: optionalText(100).optional(),
  supplierId: uuidSchema.nullable().optional(),
  priceMinor: minorSchema,
  costMinor: minorSchema,
  reorderLevel: z.number().int().min(0).max(MAX_QTY),
  packs: packsSchema,
};
export const productCreateSchema = z.strictObject({
  /** A device may choose the id of a product it created offline. */
  id: uuidSchema.optional(),
  ...productFields,
  costMinor: productFields.costMinor.default(0),
  reorderLevel: productFields.reorderLevel.default(0),
  packs: productFields.packs.default([]),
});
export type ProductCreate = z.infer<typeof productCreateSchema>;
export const productUpdateSchema = z.strictObject(productFields).partial().extend({ archived: z.boolean().optional() }).strict();
export type ProductUpdate = z.infer<typeof productUpdateSchema>;
