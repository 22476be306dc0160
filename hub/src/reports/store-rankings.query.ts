import type { RankingSort, StoreRanking } from '@bazaar/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.types';
import { iso } from '../http/route-helpers';
import { lineValueSql, saleEffectSql } from './sales-rollup';

export interface RankingFilter {
  /** Visible stores, or null for all (admins). */
  stores: string[] | null;
  region?: string;
  /** The town of the store's location (the part after its last comma), any case. */
  city?: string;
  from: Date;
  to: Date;
  sort: RankingSort;
  dir: 'asc' | 'desc';
  limit: number;
  /** Rows of the ordered set skipped before this page (paging through thousands of stores). */
  offset: number;
  now: Date;
}

const DAY = 86_400_000;

/** A store's city: the last comma-separated part of its location ("Gulberg, Lahore" → "Lahore"). */
export const storeCitySql = (alias: string) => sql`nullif(trim(regexp_replace(${sql.ref(`${alias}.location`)}, '^.*,', '')), '')`;

async function countStores(db: Kysely<Database>, where: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stores s WHERE ${where}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The sort key of each metric; stores that never synced count as the stalest. */
const sortKey: Record<RankingSort, RawBuilder<unknown>> = {
  sales: sql`sales_minor`,
  margin: sql`margin_minor`,
  marginPct: sql`margin_pct`,
  stockValue: sql`stock_value_minor`,
  lowOut: sql`(low + out_of_stock)`,
  shrinkage: sql`shrinkage_minor`,
  countVariance: sql`abs(count_variance_minor)`,
  lastSync: sql`coalesce(last_sync_at, '-infinity'::timestamptz)`,
  code: sql`code`,
};

interface RankingRow {
  id: string;
  code: string;
  name: string;
  region: string | null;
  sales_minor: string | number;
  margin_minor: string | number;
  margin_pct: string | number | null;
  stock_value_minor: string | number;
  low: number;
  out_of_stock: number;
  shrinkage_minor: string | number;
  count_variance_minor: string | number;
  last_sync_at: Date | string | null;
  total: number;
}

/**
 * Every store in scope with its period's sales and margin, stock value, low/out counts,
 * shrinkage, count variance and last sync, ranked in SQL: the top or bottom N of thousands of
 * stores is one query, not a sort of the rows a screen holds. Each measure is aggregated per
 * store before the join, so no store's sales are multiplied by its stock rows.
 */
export async function storeRankings(db: Kysely<Database>, f: RankingFilter): Promise<{ total: number; items: StoreRanking[] }> {
  const inScope = f.stores === null ? sql`TRUE` : f.stores.length ? sql`s.id IN (${sql.join(f.stores)})` : sql`FALSE`;
  const inRegion = f.region === undefined ? sql`TRUE` : sql`lower(s.region) = lower(${f.region})`;
  const inCity = f.city === undefined ? sql`TRUE` : sql`lower(${storeCitySql('s')}) = lower(${f.city})`;
  const per = sql.raw(`(CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END)`);
  const line = (of: 'price' | 'cost') => lineValueSql('m', 'p', of);
  const dir = sql.raw(f.dir === 'asc' ? 'ASC' : 'DESC');
  const { rows } = await sql<RankingRow>`
    WITH s AS (
      SELECT s.id, s.code, s.name, s.region FROM stores s WHERE NOT s.archived AND ${inScope} AND ${inRegion} AND ${inCity}
    ),
    sold AS (
      SELECT m.store_id, sum(${line('price')}) AS revenue, sum(${line('cost')}) AS cost
      FROM movements m JOIN products p ON p.id = m.product_id
      WHERE ${saleEffectSql('m')} AND m.occurred_at >= ${f.from} AND m.occurred_at < ${f.to}
        AND m.store_id IN (SELECT id FROM s)
      GROUP BY m.store_id
    ),
    lost AS (
      SELECT m.store_id, sum(${line('cost')}) AS shrinkage
      FROM movements m JOIN products p ON p.id = m.product_id
      WHERE (m.kind = 'REMOVE' OR (m.kind = 'ADJUST' AND m.qty < 0)) AND m.status = 'applied'
        -- A void of a return takes goods out again with a priced ADJUST: a sale, not a loss.
        AND NOT ${saleEffectSql('m')}
        AND m.occurred_at >= ${f.from} AND m.occurred_at < ${f.to} AND m.store_id IN (SELECT id FROM s)
      GROUP BY m.store_id
    ),
    held AS (
      SELECT k.store_id,
        coalesce(sum((k.qty * p.cost_minor) / ${per}) FILTER (WHERE k.qty > 0), 0) AS stock_value,
        coalesce(sum((k.last_count_variance * p.cost_minor) / ${per}), 0) AS count_variance
      FROM stock k JOIN products p ON p.id = k.product_id
      WHERE k.store_id IN (SELECT id FROM s)
      GROUP BY k.store_id
    ),
    synced AS (
      SELECT d.store_id, max(greatest(d.last_push_at, d.last_pull_at)) AS last_sync_at
      FROM devices d WHERE d.revoked_at IS NULL AND d.store_id IN (SELECT id FROM s)
      GROUP BY d.store_id
    ),
    ranked AS (
      SELECT s.id, s.code, s.name, s.region,
        coalesce(sold.revenue, 0) AS sales_minor,
        coalesce(sold.revenue, 0) - coalesce(sold.cost, 0) AS margin_minor,
        CASE WHEN coalesce(sold.revenue, 0) = 0 THEN NULL
             ELSE round((sold.revenue - sold.cost) * 100.0 / sold.revenue, 1) END AS margin_pct,
        coalesce(held.stock_value, 0) AS stock_value_minor,
        coalesce(n.low, 0) AS low, coalesce(n.out_of_stock, 0) AS out_of_stock,
        coalesce(lost.shrinkage, 0) AS shrinkage_minor,
        coalesce(held.count_variance, 0) AS count_variance_minor,
        synced.last_sync_at
      FROM s
      LEFT JOIN sold ON sold.store_id = s.id
      LEFT JOIN lost ON lost.store_id = s.id
      LEFT JOIN held ON held.store_id = s.id
      LEFT JOIN synced ON synced.store_id = s.id
      LEFT JOIN store_stock_counts n ON n.store_id = s.id
    )
    SELECT *, count(*) OVER ()::int AS total FROM ranked
    ORDER BY ${sortKey[f.sort]} ${dir} NULLS LAST, code ASC, id ASC
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  const items = rows.map((r, i): StoreRanking => {
    const last = r.last_sync_at === null ? null : new Date(r.last_sync_at);
    return {
      rank: f.offset + i + 1,
      storeId: r.id,
      storeCode: r.code,
      storeName: r.name,
      region: r.region,
      salesMinor: Number(r.sales_minor),
      marginMinor: Number(r.margin_minor),
      marginPct: r.margin_pct === null ? null : Number(r.margin_pct),
      stockValueMinor: Number(r.stock_value_minor),
      low: r.low,
      out: r.out_of_stock,
      shrinkageMinor: Number(r.shrinkage_minor),
      countVarianceMinor: Number(r.count_variance_minor),
      lastSyncAt: last ? iso(last) : null,
      daysSinceSync: last ? Math.max(0, Math.floor((f.now.getTime() - last.getTime()) / DAY)) : null,
    };
  });
  // Every row carries the count of the whole filtered set; a page past the end asks again for it.
  const total = rows[0]?.total ?? (f.offset > 0 ? await countStores(db, sql`NOT s.archived AND ${inScope} AND ${inRegion} AND ${inCity}`) : 0);
  return { total, items };
}
