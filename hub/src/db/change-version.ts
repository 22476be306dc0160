import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.types';

/**
 * Change versions for pull cursors.
 *
 * Choice: a counter row per scope in `change_counters`, bumped with
 * `INSERT … ON CONFLICT DO UPDATE SET version = version + 1 RETURNING version` inside the
 * writing transaction. The row lock is held until commit, so two writers of one scope get
 * their versions in commit order: a reader that has seen version N can never later find a
 * newly committed row with a version ≤ N (a plain sequence read at insert time can: the
 * transaction holding N-1 may commit after the one holding N). Rows a transaction touches
 * carry the version it got; a pull asks for `version > cursor` per scope.
 *
 * Scopes: `CATALOG_SCOPE` for hub-wide rows (products, suppliers, stores, users, remaps),
 * and one scope per store id for that store's stock. A store's writers are therefore
 * serialised (which also makes applyMovements race-free), while different stores never wait
 * on each other.
 *
 * Lock order, to stay deadlock-free: take the catalog scope first, then store scopes in
 * ascending id order (use lockScopes), and write audit rows last (audit/audit.writer.ts).
 */
export const CATALOG_SCOPE = 'catalog';

type Db = Kysely<Database> | Transaction<Database>;

export async function nextVersion(trx: Db, scope: string = CATALOG_SCOPE): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    INSERT INTO change_counters (scope, version) VALUES (${scope}, 1)
    ON CONFLICT (scope) DO UPDATE SET version = change_counters.version + 1
    RETURNING version`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`nextVersion: no row for scope ${scope}`);
  return Number(row.version);
}

/** Bump several scopes in the one safe order; returns scope → version. */
export async function lockScopes(trx: Db, scopes: Iterable<string>): Promise<Map<string, number>> {
  const unique = [...new Set(scopes)].sort((a, b) =>
    a === CATALOG_SCOPE ? -1 : b === CATALOG_SCOPE ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const out = new Map<string, number>();
  for (const scope of unique) out.set(scope, await nextVersion(trx, scope));
  return out;
}

/** The version a scope has reached (for the first pull cursor). */
export async function currentVersion(db: Db, scope: string): Promise<number> {
  const row = await db.selectFrom('change_counters').select('version').where('scope', '=', scope).executeTakeFirst();
  return row ? Number(row.version) : 0;
}
