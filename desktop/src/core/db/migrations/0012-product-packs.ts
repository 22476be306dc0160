import { sql, type Kysely } from 'kysely';

/**
 * Packs, scale labels and batches (issue 19).
 *
 * - `products.packs`: the product's packaging units as JSON (shared packsSchema, as the hub
 *   sends them). `pack_barcodes` indexes their barcodes for the scan path; triggers keep it
 *   equal to the JSON, so it is never a second truth anyone writes.
 * - `bill_settings.scale_layouts`: how this store's label scales lay out their barcodes
 *   (shared scaleLayoutsSchema, JSON).
 * - `movements.lot` / `movements.expires_on`: the batch and expiry a stock-in names (both
 *   optional); stock per batch is derived from them, never stored.
 */
// Frozen in time: this migration never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE products ADD COLUMN packs text NOT NULL DEFAULT '[]'`.execute(db);
  await sql`CREATE TABLE pack_barcodes (barcode text NOT NULL, product_id text NOT NULL, PRIMARY KEY (barcode, product_id)) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX pack_barcodes_product ON pack_barcodes (product_id)`.execute(db);
  const fill = sql`INSERT OR IGNORE INTO pack_barcodes (barcode, product_id)
    SELECT json_extract(j.value, '$.barcode'), NEW.id FROM json_each(NEW.packs) j WHERE json_extract(j.value, '$.barcode') IS NOT NULL;`;
  await sql`CREATE TRIGGER products_packs_insert AFTER INSERT ON products BEGIN ${fill} END`.execute(db);
  await sql`CREATE TRIGGER products_packs_update AFTER UPDATE OF packs, id ON products BEGIN
    DELETE FROM pack_barcodes WHERE product_id = OLD.id; ${fill} END`.execute(db);
  await sql`CREATE TRIGGER products_packs_delete AFTER DELETE ON products BEGIN DELETE FROM pack_barcodes WHERE product_id = OLD.id; END`.execute(db);
  await sql`ALTER TABLE bill_settings ADD COLUMN scale_layouts text NOT NULL DEFAULT '[]'`.execute(db);
  await sql`ALTER TABLE movements ADD COLUMN lot text`.execute(db);
  await sql`ALTER TABLE movements ADD COLUMN expires_on text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['products_packs_insert', 'products_packs_update', 'products_packs_delete']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)}`.execute(db);
  await sql`DROP TABLE IF EXISTS pack_barcodes`.execute(db);
  await sql`ALTER TABLE products DROP COLUMN packs`.execute(db);
  await sql`ALTER TABLE bill_settings DROP COLUMN scale_layouts`.execute(db);
  await sql`ALTER TABLE movements DROP COLUMN lot`.execute(db);
  await sql`ALTER TABLE movements DROP COLUMN expires_on`.execute(db);
}
