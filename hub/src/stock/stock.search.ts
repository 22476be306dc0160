import { sql } from 'kysely';
import { containsPattern } from '../http/route-helpers';

/**
 * What a person types into a stock search box: part of a product's name or SKU, a whole barcode
 * (the product's own or one of its packs', the GIN index of migration 0014), and, where the rows
 * are per store, part of the store's name or code. `p` is products, `s` stores.
 */
export function stockSearch(q: string, rows: 'with-store' | 'products-only') {
  const part = containsPattern(q);
  const pack = JSON.stringify([{ barcode: q }]);
  const store = rows === 'with-store' ? sql`OR s.name ILIKE ${part} OR s.code ILIKE ${part}` : sql``;
  return sql<boolean>`(p.name ILIKE ${part} OR p.sku ILIKE ${part} OR p.barcode = ${q} OR p.packs @> ${pack}::jsonb ${store})`;
}
