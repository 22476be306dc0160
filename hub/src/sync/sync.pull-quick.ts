import type { PullResponse } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import type { DevicePrincipal } from '../auth/principal';
import { CATALOG_SCOPE } from '../db/change-version';
import type { Database, StoreRow } from '../db/database.types';
import { prepared } from '../db/db.prepared';
import { toStockRow } from '../stock/stock.mappers';
import { toStore } from '../stores/stores.routes';
import { PULL_DONE, PULL_KINDS, encodePullCursor, type PullCursor } from './sync.cursor';

const STOCK_PHASE = PULL_KINDS.indexOf('stock');

/** A stock row as row_to_json gives it (timestamps as text). */
interface StockJson {
  store_id: string;
  product_id: string;
  qty: number;
  reorder_level: number;
  last_count_hlc: string | null;
  last_count_qty: number | null;
  last_count_variance: number | null;
  version: number;
  updated_at: string;
}

/**
 * The bookkeeping write of a pull (devices.last_pull_at) commits without waiting for its WAL
 * flush: a crash may forget when a device last pulled, which the next pull says again, and no
 * pull waits for an fsync. Set by a materialized CTE the UPDATE joins, so it is in force for the
 * statement's own (implicit) transaction and ends with it.
 */
export const lazyCommit = sql`SELECT set_config('synchronous_commit', 'off', true) AS v`;

/**
 * The pull a counter makes after each push, in ONE statement (one snapshot, one round trip):
 * when its cursor finished a round and the catalog has not changed since, the new round can
 * only hold the store's stock rows, so this statement reads the device, the store, both change
 * versions and those rows, and records the pull (last_pull_at, skipped when a push of this
 * device holds its row, as pullPage does). Answers null when the round needs more than that
 * (the catalog moved, the hub's versions are behind the cursor after a restore, the device is
 * unknown or revoked): the caller then runs the general pull, which also says why it refuses.
 *
 * Same guarantees as pullPage: the versions and rows come from one snapshot, and a version the
 * snapshot sees as reached has every row at or below it committed (db/change-version.ts).
 */
export async function quickPull(db: Kysely<Database>, device: DevicePrincipal, previous: PullCursor, limit: number, now: Date): Promise<Omit<PullResponse, 'serverTime' | 'hubHlc'> | null> {
  if (previous.phase !== PULL_DONE) return null;
  const { rows } = await sql<{
    device: { last_seq: number; revoked_at: string | null } | null;
    store: (Omit<StoreRow, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string }) | null;
    catalog_now: string | number;
    store_now: string | number;
    stock: StockJson[] | null;
  }>`${prepared(true)}
    WITH cfg AS MATERIALIZED (${lazyCommit}),
    d AS MATERIALIZED (SELECT d.last_seq, d.revoked_at FROM devices d WHERE d.store_id = ${device.storeId}::uuid AND d.id = ${device.id}::uuid),
    cv AS MATERIALIZED (
      SELECT coalesce((SELECT c.version FROM change_counters c WHERE c.scope = ${CATALOG_SCOPE}::text), 0) AS catalog_now,
             coalesce((SELECT c.version FROM change_counters c WHERE c.scope = ${device.storeId}::text), 0) AS store_now),
    k AS (
      SELECT k.store_id, k.product_id, k.qty, k.reorder_level, k.last_count_hlc, k.last_count_qty, k.last_count_variance, k.version, k.updated_at
      FROM cv, d, stock k
      WHERE cv.catalog_now = ${previous.catalogTo}::bigint AND cv.store_now >= ${previous.storeTo}::bigint AND d.revoked_at IS NULL
        AND k.store_id = ${device.storeId}::uuid AND k.version > ${previous.storeTo}::bigint AND k.version <= cv.store_now
      ORDER BY k.version, k.product_id::text
      LIMIT ${limit + 1}::int),
    up AS (
      UPDATE devices SET last_pull_at = ${now}::timestamptz FROM cfg
      WHERE cfg.v IS NOT NULL AND devices.id IN (
        SELECT x.id FROM devices x WHERE x.store_id = ${device.storeId}::uuid AND x.id = ${device.id}::uuid AND x.revoked_at IS NULL FOR UPDATE SKIP LOCKED)
      RETURNING 1)
    SELECT (SELECT row_to_json(d) FROM d) AS device,
           (SELECT row_to_json(s) FROM stores s WHERE s.id = ${device.storeId}::uuid) AS store,
           cv.catalog_now, cv.store_now,
           (SELECT json_agg(k ORDER BY k.version, k.product_id::text) FROM k) AS stock,
           (SELECT count(*) FROM up) AS recorded
    FROM cv`.execute(db);
  const r = rows[0];
  const catalogNow = Number(r?.catalog_now);
  const storeNow = Number(r?.store_now);
  if (!r?.device || r.device.revoked_at !== null || !r.store || catalogNow !== previous.catalogTo || storeNow < previous.storeTo) return null;

  const cursor: PullCursor = {
    catalogFrom: previous.catalogTo,
    catalogTo: catalogNow,
    storeFrom: previous.storeTo,
    storeTo: storeNow,
    includesSeq: Number(r.device.last_seq),
    phase: 0,
    lastVersion: 0,
    lastId: '',
  };
  const found = r.stock ?? [];
  const taken = found.slice(0, limit);
  const last = taken[taken.length - 1];
  const more = found.length > taken.length && last !== undefined;
  const next: PullCursor = more
    ? { ...cursor, phase: STOCK_PHASE, lastVersion: Number(last.version), lastId: last.product_id }
    : { ...cursor, phase: PULL_DONE, lastVersion: 0, lastId: '' };
  return {
    products: [],
    suppliers: [],
    staff: [],
    remaps: [],
    stock: taken.map((k) => toStockRow({ ...k, updated_at: new Date(k.updated_at) })),
    store: toStore({ ...r.store, created_at: new Date(r.store.created_at), updated_at: new Date(r.store.updated_at) }),
    includesSeq: cursor.includesSeq,
    ackedSeq: Number(r.device.last_seq),
    cursor: encodePullCursor(next),
    hasMore: more,
  };
}
