import type { ConflictBulkResolve, ConflictKind } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import { writeAudit, type AuditEntry } from '../audit/audit.writer';
import type { Database } from '../db/database.types';

/** How many conflicts one bulk call resolves; more are left for the next call (`more: true`). */
export const BULK_LIMIT = 5_000;

export interface GroupFilter {
  stores: string[] | null;
  storeId?: string | undefined;
  kind?: ConflictKind | undefined;
  region?: string | undefined;
  minQty?: number | undefined;
  minPercent?: number | undefined;
  limit: number;
}

type Scope = Pick<GroupFilter, 'stores' | 'storeId' | 'kind' | 'region' | 'minQty' | 'minPercent'>;

/**
 * A count variance at least this big: `minQty` in display units (weighed goods in kg/L, stored
 * in g/ml), `minPercent` of the expected stock (counted − variance; nothing expected is 100 %+).
 */
export const varianceSizeSql = (f: Pick<GroupFilter, 'minQty' | 'minPercent'>, c = 'c') => {
  if (f.minQty === undefined && f.minPercent === undefined) return sql`TRUE`;
  const t = sql.raw(c);
  const variance = sql`abs((${t}.details->>'variance')::numeric)`;
  const expected = sql`abs((${t}.details->>'counted')::numeric - (${t}.details->>'variance')::numeric)`;
  const perUnit = sql`(SELECT CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END FROM products p WHERE p.id = ${t}.product_id)`;
  return sql`(${t}.kind = 'COUNT_VARIANCE'
    AND ${f.minQty === undefined ? sql`TRUE` : sql`${variance} >= ${f.minQty}::numeric * ${perUnit}`}
    AND ${f.minPercent === undefined ? sql`TRUE` : sql`(${expected} = 0 OR ${variance} * 100 >= ${f.minPercent}::numeric * ${expected})`})`;
};

const scopeSql = (f: Scope) => sql`
  c.status = 'open'
  AND ${f.stores === null ? sql`TRUE` : f.stores.length ? sql`c.store_id IN (${sql.join(f.stores)})` : sql`FALSE`}
  AND ${f.storeId ? sql`c.store_id = ${f.storeId}` : sql`TRUE`}
  AND ${f.kind ? sql`c.kind = ${f.kind}` : sql`TRUE`}
  AND ${f.region ? sql`c.store_id IN (SELECT id FROM stores WHERE lower(region) = lower(${f.region}))` : sql`TRUE`}
  AND ${varianceSizeSql(f)}`;

/** Open conflicts by store and kind, biggest groups first, with how many groups and conflicts match in all. */
export async function conflictGroups(db: Kysely<Database>, f: GroupFilter) {
  const { rows } = await sql<{ store_id: string; code: string; name: string; region: string | null; kind: ConflictKind; n: number; products: number; oldest: Date; newest: Date; groups: number; total: string }>`
    WITH g AS (
      SELECT c.store_id, c.kind, count(*)::int AS n, count(DISTINCT c.product_id)::int AS products, min(c.created_at) AS oldest, max(c.created_at) AS newest
      FROM conflicts c WHERE ${scopeSql(f)}
      GROUP BY c.store_id, c.kind
    )
    SELECT g.*, s.code, s.name, s.region, count(*) OVER ()::int AS groups, sum(g.n) OVER () AS total
    FROM g JOIN stores s ON s.id = g.store_id
    ORDER BY g.n DESC, s.code, g.kind
    LIMIT ${f.limit}`.execute(db);
  // Every row carries the whole match's counts; no row means nothing matches.
  const groups = rows[0]?.groups ?? 0;
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map((r) => ({
      storeId: r.store_id,
      storeCode: r.code,
      storeName: r.name,
      region: r.region,
      kind: r.kind,
      count: r.n,
      products: r.products,
      oldest: new Date(r.oldest).toISOString(),
      newest: new Date(r.newest).toISOString(),
    })),
    groups,
    total,
  };
}

/**
 * Resolve the open conflicts matching every selector, in the stores given (those the caller
 * manages), with one note. Store by store, each in its own transaction with its own audit chain
 * (DESIGN §9: nothing shared by all stores), one audit row per conflict; a conflict resolved
 * meanwhile by someone else is skipped, never resolved twice.
 */
export async function resolveInBulk(
  db: Kysely<Database>,
  stores: string[] | null,
  input: ConflictBulkResolve,
  actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>,
  now: Date,
): Promise<{ resolved: number; stores: number; more: boolean }> {
  const { rows: picked } = await sql<{ id: string; store_id: string }>`
    SELECT c.id, c.store_id FROM conflicts c
    WHERE ${scopeSql({ stores, storeId: input.storeId, kind: input.kind, region: input.region, minQty: input.minQty, minPercent: input.minPercent })}
      AND ${input.ids ? sql`c.id IN (${sql.join(input.ids)})` : sql`TRUE`}
    ORDER BY c.store_id, c.id
    LIMIT ${BULK_LIMIT + 1}`.execute(db);
  const more = picked.length > BULK_LIMIT;
  const byStore = new Map<string, string[]>();
  for (const r of picked.slice(0, BULK_LIMIT)) byStore.set(r.store_id, [...(byStore.get(r.store_id) ?? []), r.id]);
  let resolved = 0;
  for (const [storeId, ids] of byStore) {
    resolved += await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('conflicts')
        .set({ status: 'resolved', resolved_by: actor.actorId, resolved_at: now, resolution_note: input.note })
        .where('store_id', '=', storeId)
        .where('id', 'in', ids)
        .where('status', '=', 'open')
        .returning(['id', 'kind'])
        .execute();
      await writeAudit(
        trx,
        done.map((d) => ({
          ...actor,
          action: 'conflict.resolve',
          entity: 'conflict',
          entityId: d.id,
          storeId,
          before: { kind: d.kind, status: 'open' },
          after: { status: 'resolved', note: input.note, bulk: true },
        })),
      );
      return done.length;
    });
  }
  return { resolved, stores: byStore.size, more };
}
