import { sql, type Kysely } from 'kysely';

/**
 * Packaging units (issue 19): a product keeps one base unit and may be sold and received in
 * packs (carton = 24 pc, 5 kg bag = 5,000 g), each with its own barcode and optionally its own
 * price. They belong to the product (at most 8, validated by the shared packsSchema), so they
 * are a JSON array on its row and travel with it in the pull; the GIN index answers "which
 * product has a pack with this barcode" for the uniqueness check on create and edit.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE products ADD COLUMN packs jsonb NOT NULL DEFAULT '[]'::jsonb`.execute(db);
  await sql`ALTER TABLE products ADD CONSTRAINT products_packs_array CHECK (jsonb_typeof(packs) = 'array')`.execute(db);
  await sql`CREATE INDEX products_packs_gin ON products USING gin (packs jsonb_path_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS products_packs_gin`.execute(db);
  await sql`ALTER TABLE products DROP COLUMN IF EXISTS packs`.execute(db);
}
