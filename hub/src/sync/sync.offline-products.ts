import { uuidv7, type OfflineProduct, type ProductRemap } from '@bazaar/shared';
import type { Transaction } from 'kysely';
import { CATALOG_SCOPE, nextVersion } from '../db/change-version';
import type { Database, NewProduct } from '../db/database.types';
import type { OpenConflict } from '../stock/stock.conflicts';

export interface OfflineProductsOutcome {
  created: string[];
  /** Every remap that concerns a product of this push (new ones and earlier ones replayed). */
  remaps: ProductRemap[];
  conflicts: OpenConflict[];
}

/**
 * Products a device created offline. A new SKU becomes a hub product under the device's id;
 * a SKU the hub already has is merged into the hub's product (product_remaps + a SKU_MERGED
 * conflict) and the device is told to remap. Replays change nothing. The catalog counter is
 * taken first (lock order: device row, catalog, stores, audit), which also serialises two
 * devices racing to create the same SKU.
 */
export async function upsertOfflineProducts(
  trx: Transaction<Database>,
  device: { id: string; storeId: string },
  products: readonly OfflineProduct[],
  now: Date,
): Promise<OfflineProductsOutcome> {
  const out: OfflineProductsOutcome = { created: [], remaps: [], conflicts: [] };
  if (products.length === 0) return out;
  const version = await nextVersion(trx, CATALOG_SCOPE);
  const ids = [...new Set(products.map((p) => p.id))];
  const skus = [...new Set(products.map((p) => p.sku))];
  const barcodes = [...new Set(products.flatMap((p) => (p.barcode ? [p.barcode] : [])))];
  const supplierIds = [...new Set(products.flatMap((p) => (p.supplierId ? [p.supplierId] : [])))];

  // One connection per transaction: sequential reads, five small set-based queries.
  const byId = await trx.selectFrom('products').select('id').where('id', 'in', ids).execute();
  const earlierRemaps = await trx.selectFrom('product_remaps').selectAll().where('from_product_id', 'in', ids).execute();
  const bySkuRows = await trx.selectFrom('products').select(['id', 'sku']).where('sku', 'in', skus).execute();
  const takenBarcodes = barcodes.length ? await trx.selectFrom('products').select('barcode').where('barcode', 'in', barcodes).execute() : [];
  const suppliers = supplierIds.length ? await trx.selectFrom('suppliers').select('id').where('id', 'in', supplierIds).execute() : [];
  const known = new Set(byId.map((r) => r.id));
  const remapped = new Map(earlierRemaps.map((r) => [r.from_product_id, r]));
  const skuOwner = new Map(bySkuRows.map((r) => [r.sku, r.id]));
  const barcodeTaken = new Set(takenBarcodes.map((r) => r.barcode));
  const supplierKnown = new Set(suppliers.map((r) => r.id));

  const newProducts: NewProduct[] = [];
  const newRemaps: { from_product_id: string; to_product_id: string; sku: string; version: number }[] = [];
  const seen = new Set<string>();
  for (const p of products) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const earlier = remapped.get(p.id);
    if (earlier) {
      out.remaps.push({ fromProductId: earlier.from_product_id, toProductId: earlier.to_product_id, sku: earlier.sku });
      continue;
    }
    if (known.has(p.id)) continue;
    const owner = skuOwner.get(p.sku);
    if (owner !== undefined) {
      newRemaps.push({ from_product_id: p.id, to_product_id: owner, sku: p.sku, version });
      out.remaps.push({ fromProductId: p.id, toProductId: owner, sku: p.sku });
      out.conflicts.push({
        store_id: device.storeId,
        id: uuidv7(),
        kind: 'SKU_MERGED',
        product_id: owner,
        movement_id: null,
        device_id: device.id,
        details: JSON.stringify({ sku: p.sku, fromProductId: p.id, toProductId: owner, offlineName: p.name }),
      });
      continue;
    }
    // A barcode the hub already gave another product stays with that product.
    const barcode = p.barcode && !barcodeTaken.has(p.barcode) ? p.barcode : null;
    if (barcode) barcodeTaken.add(barcode);
    skuOwner.set(p.sku, p.id);
    newProducts.push({
      id: p.id,
      sku: p.sku,
      barcode,
      name: p.name,
      unit: p.unit,
      category: p.category ?? null,
      supplier_id: p.supplierId && supplierKnown.has(p.supplierId) ? p.supplierId : null,
      price_minor: p.priceMinor,
      cost_minor: p.costMinor,
      reorder_level: p.reorderLevel,
      packs: JSON.stringify(p.packs),
      version,
      updated_at: now,
    });
    out.created.push(p.id);
  }
  if (newProducts.length) await trx.insertInto('products').values(newProducts).execute();
  if (newRemaps.length) await trx.insertInto('product_remaps').values(newRemaps).execute();
  return out;
}
