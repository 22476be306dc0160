// rename-minor: keep (this migration names the old columns on purpose)
import { sql, type Kysely } from 'kysely';

/**
 * Money in currency-neutral names (issue 15): every column `<name>_paise` becomes
 * `<name>_minor` (SQLite rewrites the indexes and triggers that name it), and the money keys in
 * the stored JSON documents (`"totalPaise":` → `"totalMinor":`, a discount's `"paise":` →
 * `"minor":`). Left as written: the audit log (hash-chained) and `bills.doc_json`, whose digest
 * the audit row seals; their readers take both spellings.
 */
// Frozen in time: this migration never imports application types.
const JSON_COLUMNS: readonly [string, string][] = [
  ['store_bills', 'doc_json'],
  ['held_carts', 'cart_json'],
  ['shifts', 'report_json'],
  ['purchase_orders', 'doc_json'],
  ['goods_receipts', 'doc_json'],
  ['transfers', 'doc_json'],
  ['customers', 'doc_json'],
  ['ledger_entries', 'doc_json'],
  ['products', 'packs'],
];

async function renameColumns(db: Kysely<any>, from: string, to: string): Promise<void> {
  const cols = await sql<{ tbl: string; col: string }>`
    SELECT m.name AS tbl, p.name AS col FROM sqlite_master m JOIN pragma_table_info(m.name) p
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND p.name LIKE ${`%${from}`} ESCAPE '!'`.execute(db);
  for (const { tbl, col } of cols.rows) {
    if (!col.endsWith(from.replace('!', ''))) continue;
    const next = col.slice(0, -from.replace('!', '').length) + to;
    await sql`ALTER TABLE ${sql.id(tbl)} RENAME COLUMN ${sql.id(col)} TO ${sql.id(next)}`.execute(db);
  }
}

async function renameJsonKeys(db: Kysely<any>, camelFrom: string, camelTo: string, bareFrom: string, bareTo: string): Promise<void> {
  const have = new Set(
    (await sql<{ c: string }>`SELECT m.name || '.' || p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'`.execute(db)).rows.map((r) => r.c),
  );
  for (const [tbl, col] of JSON_COLUMNS) {
    if (!have.has(`${tbl}.${col}`)) continue;
    await sql`UPDATE ${sql.id(tbl)} SET ${sql.id(col)} = replace(replace(${sql.id(col)}, ${`${camelFrom}":`}, ${`${camelTo}":`}), ${`"${bareFrom}":`}, ${`"${bareTo}":`})
      WHERE ${sql.id(col)} LIKE ${`%${camelFrom}":%`} OR ${sql.id(col)} LIKE ${`%"${bareFrom}":%`}`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await renameColumns(db, '!_paise', '_minor');
  await renameJsonKeys(db, 'Paise', 'Minor', 'paise', 'minor');
}

export async function down(db: Kysely<any>): Promise<void> {
  await renameJsonKeys(db, 'Minor', 'Paise', 'minor', 'paise');
  await renameColumns(db, '!_minor', '_paise');
}
