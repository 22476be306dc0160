// rename-minor: keep (this migration names the old columns on purpose)
import { sql, type Kysely } from 'kysely';

/**
 * Money in currency-neutral names (issue 15): every column `<name>_paise` becomes
 * `<name>_minor` (same integers: the currency's minor units), and the money keys inside the
 * stored JSON documents (`totalPaise` → `totalMinor`, a discount's `paise` → `minor`) likewise.
 * The audit log is left exactly as written: its rows are hash-chained, and the verifier and the
 * log's readers take both spellings. Columns are renamed wherever the catalog has them (tables,
 * partitioned parents, views), so a table added before this migration cannot be missed.
 *
 * Frozen in time: no app imports.
 */
const KINDS = `CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END`;

async function renameColumns(db: Kysely<any>, from: string, to: string): Promise<void> {
  await sql
    .raw(
      `DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT c.relname, a.attname, ${KINDS} AS kind
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0
            AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attname LIKE '%${from.replace('_', '\\_')}'
        LOOP
          EXECUTE format('ALTER %s %I RENAME COLUMN %I TO %I', r.kind, r.relname, r.attname, regexp_replace(r.attname, '${from}$', '${to}'));
        END LOOP; END $$`,
    )
    .execute(db);
}

/** Rewrite the money keys inside every jsonb column outside the audit log (text rewrite of keys only: `"…Paise":`). */
async function renameJsonKeys(db: Kysely<any>, camelFrom: string, camelTo: string, bareFrom: string, bareTo: string): Promise<void> {
  await sql
    .raw(
      `DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT c.relname, a.attname
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND a.attinhcount = 0
            AND a.atttypid = 'jsonb'::regtype AND c.relname NOT LIKE 'audit%'
        LOOP
          EXECUTE format(
            'UPDATE %I SET %I = replace(replace(%I::text, %L, %L), %L, %L)::jsonb WHERE %I::text LIKE %L OR %I::text LIKE %L',
            r.relname, r.attname, r.attname, '${camelFrom}": ', '${camelTo}": ', '"${bareFrom}": ', '"${bareTo}": ',
            r.attname, '%${camelFrom}": %', r.attname, '%"${bareFrom}": %');
        END LOOP; END $$`,
    )
    .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await renameColumns(db, '_paise', '_minor');
  await renameJsonKeys(db, 'Paise', 'Minor', 'paise', 'minor');
}

export async function down(db: Kysely<any>): Promise<void> {
  await renameJsonKeys(db, 'Minor', 'Paise', 'minor', 'paise');
  await renameColumns(db, '_minor', '_paise');
}
