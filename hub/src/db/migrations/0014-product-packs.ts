import { sql, type Kysely } from 'kysely';

/**
 * Packaging units (issue 19): a product keeps one base unit and may be sold and received in
 * packs (carton = 24 pc, 5 kg bag = 5,000 g), each with its own barcode and optionally its own
 * price. They belong to the product (at most 8, validated by the shared packsSchema), so they
 * are a JSON array on its row and travel with it in the pull; the GIN index answers "which
 * product has a pack with this barcode" for the uniqueness check on create and edit.
 *
 * Batches and expiry: a stock-in (or transfer in) may name its lot and the day its goods
 * expire. Stock per batch is derived from these and the stock the merge rule gives, never
 * stored; the partial index finds a store's dated receipts for the expiry report.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE products ADD COLUMN packs jsonb NOT NULL DEFAULT '[]'::jsonb`.execute(db);
  await sql`ALTER TABLE products ADD CONSTRAINT products_packs_array CHECK (jsonb_typeof(packs) = 'array')`.execute(db);
  await sql`CREATE INDEX products_packs_gin ON products USING gin (packs jsonb_path_ops)`.execute(db);
  // The day as the store's calendar writes it (YYYY-MM-DD), compared as text: no time zone can shift it.
  await sql`ALTER TABLE movements ADD COLUMN lot text, ADD COLUMN expires_on text CONSTRAINT movements_expires_on_day CHECK (expires_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`.execute(db);
  await sql`CREATE INDEX movements_store_expiry ON movements (store_id, product_id, expires_on) WHERE expires_on IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS movements_store_expiry`.execute(db);
  await sql`ALTER TABLE movements DROP COLUMN IF EXISTS lot, DROP COLUMN IF EXISTS expires_on`.execute(db);
  await sql`DROP INDEX IF EXISTS products_packs_gin`.execute(db);
  await sql`ALTER TABLE products DROP COLUMN IF EXISTS packs`.execute(db);
}
