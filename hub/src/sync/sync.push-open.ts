import { GENESIS_HASH } from '@bazaar/shared';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { LockedHead } from '../audit/audit.writer';
import type { Database } from '../db/database.types';
import { prepared } from '../db/db.prepared';

/** What a push checks of each product its movements name. */
export interface ProductCheck {
  id: string;
  archived: boolean;
  unit: 'pc' | 'g' | 'ml';
}

/** One referenced id: its recorded merge, if any, and the product it resolves to, if it exists. */
export type ResolvedProduct = { from_product_id: string | null; to_product_id: string | null; sku: string | null } & Partial<ProductCheck>;

export interface PushDevice {
  id: string;
  store_id: string;
  name: string;
  last_seq: number;
  last_hlc: string | null;
  clock_error_ms: number | null;
  revoked_at: string | null;
  variance_threshold: number;
  /** numeric in row_to_json: a JSON number. */
  variance_loose_percent: number;
  store_archived: boolean;
}

/** The first statement of a push: everything the hub must know before it can judge the batch. */
export interface PushOpening {
  device: PushDevice | null;
  /**
   * The device row changed between this statement's snapshot and its lock: another transaction
   * of this device committed while this one waited (a retry racing its original). The reads of
   * this statement predate that commit, so the caller reads products again.
   */
  waited: boolean;
  resolved: ResolvedProduct[];
  /** Of the users the movements name, those who are staff or managers of the store. */
  people: Set<string>;
  /** With `lockStore`: the store's change version, its audit head (locked) and one audit row id. */
  store: { version: number; head: LockedHead; auditId: string | number } | null;
}

/**
 * One product by primary key, for LATERAL joins. The LIMIT keeps the planner from flattening
 * it into a hash join over the whole catalog (its choice for a few hundred ids of 20,000).
 */
export const productRow = (id: RawBuilder<unknown>) => sql`SELECT p.id, p.archived, p.unit FROM products p WHERE p.id = ${id} LIMIT 1`;

/** Each referenced id with its recorded merge and the product it resolves to. */
export const resolveProductsSql = (referenced: readonly string[]) => sql`
  SELECT r.from_product_id, r.to_product_id, r.sku, p.id, p.archived, p.unit
  FROM unnest(${referenced}::uuid[]) AS k(id)
  LEFT JOIN product_remaps r ON r.from_product_id = k.id
  LEFT JOIN LATERAL (${productRow(sql`coalesce(r.to_product_id, k.id)`)}) p ON true`;

/**
 * ONE round trip that opens a push: bound the lock wait (SET LOCAL lock_timeout), lock the
 * device row, and read the merges and products the batch names and the users it names. With
 * `lockStore` (a push without offline products, which would need the catalog counter first) it
 * also takes the store's change counter and then its audit head, in the one lock order (device
 * row, store counter, audit head: each CTE feeds the next, so they are taken in that order
 * within the statement), and draws the audit row id after the head.
 *
 * The lock_timeout is set by a materialized CTE the device scan joins, so it is in force before
 * the first lock is waited for. Reads share the statement's snapshot, taken before any wait;
 * `waited` tells when that matters (see PushOpening).
 */
export async function openPush(
  trx: Transaction<Database>,
  q: { storeId: string; deviceId: string; lockTimeoutMs: number; referenced: readonly string[]; named: readonly string[]; lockStore: boolean; prepared?: boolean },
): Promise<PushOpening> {
  const timeout = q.lockTimeoutMs > 0 ? `${q.lockTimeoutMs}ms` : null;
  const storeLocks = q.lockStore
    ? sql`,
    ctr AS (
      INSERT INTO change_counters (scope, version) SELECT d.store_id::text, 1 FROM d
      ON CONFLICT (scope) DO UPDATE SET version = change_counters.version + 1
      RETURNING version),
    head AS (
      INSERT INTO audit_heads AS h (chain, seq, hash) SELECT ${q.storeId}::text, 0, ${GENESIS_HASH}::text FROM ctr
      ON CONFLICT (chain) DO UPDATE SET seq = h.seq
      RETURNING h.chain, h.seq, h.hash, h.hmac_from_seq)`
    : sql``;
  const storeOut = q.lockStore
    ? sql`(SELECT version FROM ctr) AS version, (SELECT row_to_json(head) FROM head) AS head, (SELECT nextval('audit_log_id_seq') FROM head) AS audit_id`
    : sql`NULL::bigint AS version, NULL::json AS head, NULL::bigint AS audit_id`;
  const { rows } = await sql<{
    device: PushDevice | null;
    seen_xmin: string | null;
    resolved: ResolvedProduct[] | null;
    people: string[] | null;
    version: number | null;
    head: LockedHead | null;
    audit_id: string | number | null;
  }>`${prepared(q.prepared ?? false)}
    WITH cfg AS MATERIALIZED (SELECT CASE WHEN ${timeout}::text IS NULL THEN '' ELSE set_config('lock_timeout', ${timeout}::text, true) END AS v),
    d AS MATERIALIZED (
      SELECT d.id, d.store_id, d.name, d.last_seq, d.last_hlc, d.clock_error_ms, d.revoked_at, d.xmin::text AS xmin,
             s.variance_threshold, s.variance_loose_percent, s.archived AS store_archived
      FROM cfg, devices d JOIN stores s ON s.id = d.store_id
      WHERE cfg.v IS NOT NULL AND d.store_id = ${q.storeId}::uuid AND d.id = ${q.deviceId}::uuid
      FOR UPDATE OF d)${storeLocks}
    SELECT (SELECT row_to_json(d) FROM d) AS device,
           (SELECT d0.xmin::text FROM devices d0 WHERE d0.store_id = ${q.storeId}::uuid AND d0.id = ${q.deviceId}::uuid) AS seen_xmin,
           ${q.referenced.length ? sql`(SELECT json_agg(x) FROM (${resolveProductsSql(q.referenced)}) x)` : sql`NULL::json`} AS resolved,
           ${
             q.named.length
               ? sql`(SELECT array_agg(u.id) FROM user_stores us JOIN users u ON u.id = us.user_id
                      WHERE us.store_id = ${q.storeId}::uuid AND u.id = ANY(${q.named}::uuid[]) AND u.role IN ('staff', 'manager'))`
               : sql`NULL::uuid[]`
           } AS people,
           ${storeOut}`.execute(trx);
  const r = rows[0]!;
  const device = r.device && { ...r.device, last_seq: Number(r.device.last_seq), clock_error_ms: r.device.clock_error_ms === null ? null : Number(r.device.clock_error_ms) };
  const lockedXmin = (r.device as (PushDevice & { xmin?: string }) | null)?.xmin ?? null;
  return {
    device,
    waited: device !== null && lockedXmin !== r.seen_xmin,
    resolved: r.resolved ?? [],
    people: new Set(r.people ?? []),
    store: q.lockStore && r.version !== null && r.head && r.audit_id !== null ? { version: Number(r.version), head: r.head, auditId: r.audit_id } : null,
  };
}
