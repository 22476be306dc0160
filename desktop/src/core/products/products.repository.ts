import { sql } from 'kysely';
import { packsSchema, type Pack, type Product, parseMinorJson } from '@bazaar/shared';
import type { Executor, ProductRow } from '../db/db.types';
import { escapeLike } from '../db/sql-like';

export function toProduct(r: ProductRow): Product & { origin: 'local' | 'hub' } {
  return {
    id: r.id,
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    unit: r.unit,
    category: r.category,
    supplierId: r.supplier_id,
    priceMinor: r.price_minor,
    costMinor: r.cost_minor,
    reorderLevel: r.reorder_level,
    packs: parsePacks(r.packs),
    archived: r.archived === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    origin: r.origin,
  };
}

/** The packs column as the shared schema reads it; a row the app did not write is read as no packs rather than failing every lookup. */
export function parsePacks(json: string): Pack[] {
  try {
    const r = packsSchema.safeParse(parseMinorJson(json));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

export async function productById(db: Executor, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function productBySku(db: Executor, sku: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirst();
}

export async function productByBarcode(db: Executor, barcode: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('barcode', '=', barcode).executeTakeFirst();
}

/** The product one of whose packs has this barcode (pack_barcodes, kept by migration 0012's triggers). */
export async function productByPackBarcode(db: Executor, barcode: string): Promise<ProductRow | undefined> {
  return db.selectFrom('pack_barcodes').innerJoin('products', 'products.id', 'pack_barcodes.product_id').selectAll('products').where('pack_barcodes.barcode', '=', barcode).orderBy('products.id').limit(1).executeTakeFirst();
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a scanner or a person types: a barcode, a SKU or an id; each an indexed equality lookup. */
export async function productByCode(db: Executor, code: string): Promise<ProductRow | undefined> {
  const c = code.trim();
  if (uuidRe.test(c)) {
    const byId = await productById(db, c.toLowerCase());
    if (byId) return byId;
  }
  return (await productByBarcode(db, c)) ?? (await productBySku(db, c));
}

/**
 * Search as the counter does while someone types: exact barcode / SKU first, then name
 * prefix as an index range on name_key (LIKE would not use the index with NOCASE rules).
 */
export async function searchProducts(db: Executor, query: string, limit: number, includeArchived: boolean): Promise<ProductRow[]> {
  const term = query.trim();
  if (!term) return [];
  const exact = await productByCode(db, term);
  const key = term.toLowerCase();
  let q = db
    .selectFrom('products')
    .selectAll()
    .where('name_key', '>=', key)
    .where('name_key', '<', `${key}\uffff`)
    .orderBy('name_key')
    .orderBy('id')
    .limit(limit);
  if (!includeArchived) q = q.where('archived', '=', 0);
  const byName = await q.execute();
  const skuPrefix: ProductRow[] = [];
  // SKUs are usually upper case; the unique index is binary, so try the term as typed and upper-cased.
  for (const prefix of new Set([term, term.toUpperCase()])) {
    if (byName.length + skuPrefix.length >= limit) break;
    skuPrefix.push(
      ...(await db
        .selectFrom('products')
        .selectAll()
        .where('sku', '>=', prefix)
        .where('sku', '<', `${prefix}\uffff`)
        .where('archived', 'in', includeArchived ? [0, 1] : [0])
        .orderBy('sku')
        .limit(limit)
        .execute()),
    );
  }
  let contains: ProductRow[] = [];
  if (byName.length + skuPrefix.length < limit) {
    // Fallback for a word inside the name ("atta" in "Aashirvaad Atta"): a scan, only when prefixes found too little.
    contains = await db
      .selectFrom('products')
      .selectAll()
      .where(sql<boolean>`name_key like ${`%${escapeLike(key)}%`} escape '\\'`)
      .where('archived', 'in', includeArchived ? [0, 1] : [0])
      .orderBy('name_key')
      .limit(limit)
      .execute();
  }
  const out = new Map<string, ProductRow>();
  if (exact && (includeArchived || exact.archived === 0)) out.set(exact.id, exact);
  for (const r of [...byName, ...skuPrefix, ...contains]) if (!out.has(r.id)) out.set(r.id, r);
  return [...out.values()].slice(0, limit);
}

export async function categories(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('products')
    .select('category')
    .distinct()
    .where('category', 'is not', null)
    .where('archived', '=', 0)
    .orderBy(sql`lower(category)`)
    .execute();
  return rows.map((r) => r.category).filter((c): c is string => c !== null);
}
