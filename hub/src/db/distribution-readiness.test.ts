import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db';

/**
 * Backs the claim (README, hub/DEPLOY.md "Scaling out the database") that the schema is ready to
 * be distributed by store_id: read from the migrated catalog, not from a list kept by hand.
 * - every table with a store_id column (store-scoped) leads its primary key with store_id;
 * - a foreign key between two store-scoped tables carries store_id (co-located joins);
 * - a unique index of a store-scoped table without store_id is one DEPLOY.md names as still to
 *   change before distributing: a new one fails here until it is either scoped or documented.
 */
const STORE_SCOPED = [
  'alerts',
  'audit_log',
  'conflicts',
  'devices',
  'movements',
  'sales_daily',
  'stock',
  'store_stock_counts',
  'store_webhooks',
  'user_stores',
  'webhook_deliveries',
];

/** Unique indexes Citus would refuse on a table distributed by store_id; each is named in DEPLOY.md. */
const DOCUMENTED_GLOBAL_UNIQUES = [
  'audit_log_chain_seq_key', // audit_log is distributed by chain (= store id), not store_id
  'audit_log_pkey',
  'conflicts_id_key',
  'devices_id_key',
  'devices_node_key',
  'devices_token_hash_key',
  'movements_device_seq_key',
  'movements_id_key',
  'webhook_deliveries_id_key',
];

describe('schema readiness for distribution by store_id', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  }, 60_000);
  afterAll(async () => {
    await t?.destroy();
  });

  async function storeScopedTables(): Promise<string[]> {
    const r = await sql<{ t: string }>`
      select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'store_id' and not a.attisdropped)
      order by 1`.execute(t.db);
    return r.rows.map((x) => x.t);
  }

  /** Column names of an index or constraint, in order. */
  async function keyColumns(kind: 'p' | 'f'): Promise<{ table: string; name: string; cols: string[]; refTable: string | null; refCols: string[] }[]> {
    const r = await sql<{ table: string; name: string; cols: string[]; ref_table: string | null; ref_cols: string[] | null }>`
      select cl.relname as table, co.conname as name,
        array(select a.attname from unnest(co.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n order by k.i)::text[] as cols,
        rc.relname as ref_table,
        array(select a.attname from unnest(co.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.n order by k.i)::text[] as ref_cols
      from pg_constraint co join pg_class cl on cl.oid = co.conrelid join pg_namespace n on n.oid = cl.relnamespace
      left join pg_class rc on rc.oid = co.confrelid
      where n.nspname = 'public' and co.contype = ${kind}
      order by 1, 2`.execute(t.db);
    return r.rows.map((x) => ({ table: x.table, name: x.name, cols: x.cols, refTable: x.ref_table, refCols: x.ref_cols ?? [] }));
  }

  it('knows every store-scoped table (a new one is added to this list on purpose)', async () => {
    expect(await storeScopedTables()).toEqual(STORE_SCOPED);
  });

  it('every store-scoped table but the audit log leads its primary key with store_id', async () => {
    const keys = (await keyColumns('p')).filter((k) => STORE_SCOPED.includes(k.table) && k.table !== 'audit_log');
    expect(keys.map((k) => k.table).sort()).toEqual(STORE_SCOPED.filter((x) => x !== 'audit_log'));
    expect(keys.filter((k) => k.cols[0] !== 'store_id').map((k) => `${k.table} (${k.cols.join(', ')})`)).toEqual([]);
  });

  it('a foreign key between store-scoped tables carries store_id on both sides', async () => {
    const fks = (await keyColumns('f')).filter((k) => STORE_SCOPED.includes(k.table) && k.refTable !== null && STORE_SCOPED.includes(k.refTable));
    expect(fks.filter((k) => !k.cols.includes('store_id') || !k.refCols.includes('store_id')).map((k) => k.name)).toEqual([]);
  });

  it('no hub-wide table references a store-scoped one (reference tables cannot point into shards)', async () => {
    const fks = (await keyColumns('f')).filter((k) => !STORE_SCOPED.includes(k.table) && k.refTable !== null && STORE_SCOPED.includes(k.refTable));
    expect(fks.map((k) => `${k.table} → ${k.refTable}`)).toEqual([]);
  });

  it('unique indexes without store_id on store-scoped tables are exactly the ones DEPLOY.md lists', async () => {
    const r = await sql<{ name: string; cols: string[] }>`
      select i.relname as name,
        array(select coalesce(a.attname, '(expression)') from unnest(x.indkey) with ordinality k(n, o) left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o)::text[] as cols
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and x.indisunique and c.relname = any(${STORE_SCOPED})
      order by 1`.execute(t.db);
    const global = r.rows.filter((x) => !x.cols.includes('store_id')).map((x) => x.name);
    expect(global).toEqual(DOCUMENTED_GLOBAL_UNIQUES);
  });
});
