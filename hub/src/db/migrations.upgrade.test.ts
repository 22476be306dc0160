// rename-minor: keep (versions before 0031 named money columns and keys for paise)
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../dev/world/generate';
import { kyselyTarget } from '../dev/world/pg-target';
import { checkConsistency } from '../dev/world/verify';
import { kyselyConn } from '../dev/world/sink';
import type { Database } from './database.types';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { uuidv7 } from '@bazaar/shared';
import { billFor } from '../bills/bills.test-docs';

/**
 * Upgrades with data: for every earlier schema version, a hub database at that version holding
 * a generated world (stores, catalog, movement history, stock, conflicts, audit chain) is brought
 * up to date by the hub's own migrateToLatest and must equal a fresh install fed the same world:
 * same schema, every row of every column the old version had, stock still the merge rule of the
 * movements. A migration that fails leaves the database at its old version and says which and
 * why. Each version is its own database on the test server (PostgreSQL only); rows go from the
 * reference to an old-version database as JSON, one statement per table.
 */
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const names = Object.keys(migrations).sort();

describe.skipIf(!TEST_DATABASE_URL)('hub database upgrades with a generated world (needs TEST_DATABASE_URL)', () => {
  const base = `hub_upgrade_${Date.now().toString(36)}`;
  const created: string[] = [];
  const clients = new Map<string, pg.Client>();
  const open: Kysely<Database>[] = [];

  const urlOf = (name: string) => {
    const u = new URL(TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  async function createDatabase(name: string): Promise<{ db: Kysely<Database>; c: pg.Client }> {
    const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await a.connect();
    await a.query(`create database "${name}"`);
    await a.end();
    created.push(name);
    const c = new pg.Client({ connectionString: urlOf(name) });
    await c.connect();
    clients.set(name, c);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlOf(name), max: 2 }) }) });
    open.push(db);
    return { db, c };
  }

  async function tables(c: pg.Client): Promise<string[]> {
    const r = await c.query<{ t: string }>(
      `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`,
    );
    return r.rows.map((x) => x.t);
  }
  async function copyable(c: pg.Client, table: string): Promise<string[]> {
    const r = await c.query<{ c: string }>(
      `select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' and coalesce(identity_generation, '') <> 'ALWAYS' order by ordinal_position`,
      [table],
    );
    return r.rows.map((x) => x.c);
  }
  async function schemaOf(c: pg.Client) {
    const cols = await c.query(
      `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public' and table_name not like 'kysely_%' order by table_name, ordinal_position`,
    );
    const idx = await c.query(`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename not like 'kysely_%' order by indexname`);
    const trg = await c.query(
      `select trigger_name, event_manipulation, event_object_table, action_statement from information_schema.triggers where trigger_schema = 'public' order by 1, 2, 3`,
    );
    const fns = await c.query(`select p.proname, md5(p.prosrc) as src from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' order by 1`);
    return { columns: cols.rows, indexes: idx.rows, triggers: trg.rows, functions: fns.rows };
  }
  async function rowsOf(c: pg.Client, table: string, cols: string[]): Promise<string[]> {
    const list = cols.map((x) => `"${x}"`).join(', ');
    const r = await c.query<{ j: string }>(`select row_to_json(s)::text as j from (select ${list} from "${table}") s order by 1`);
    return r.rows.map((x) => x.j);
  }

  let ref: pg.Client;

  /** A column's name since 0031 (money in minor units): `price_paise` → `price_minor`. */
  const nowNamed = (col: string) => col.replace(/_paise$/, '_minor');

  /** Documents as a hub before 0031 stored them: money keys `totalPaise`, a discount's `paise` (the audit log keeps the reference's). */
  async function asTheOldHubNamedMoney(c: pg.Client): Promise<void> {
    const old = await c.query(`select 1 from information_schema.columns where table_schema = 'public' and column_name like '%\\_paise'`);
    if (old.rowCount === 0) return;
    const cols = await c.query<{ t: string; c: string }>(
      `select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and data_type = 'jsonb' and table_name not like 'audit%'`,
    );
    for (const { t, c: col } of cols.rows) {
      await c.query(`update "${t}" set "${col}" = replace(replace("${col}"::text, 'Minor": ', 'Paise": '), '"minor": ', '"paise": ')::jsonb where "${col}"::text like '%inor": %'`);
    }
  }

  /** A database at `version`, holding the reference world as far as that version's columns go. */
  async function databaseAt(version: string, name: string): Promise<{ db: Kysely<Database>; c: pg.Client }> {
    const target = await createDatabase(name);
    const upTo = Object.fromEntries(names.slice(0, names.indexOf(version) + 1).map((n) => [n, migrations[n]!]));
    await migrateToLatest(target.db, upTo);
    const { c } = target;
    // As the old hub stored it: no triggers re-deriving rows the copy brings anyway, rows seeded by migrations replaced.
    await c.query(`set session_replication_role = replica`);
    const mine = await tables(c);
    if (mine.length) await c.query(`truncate ${mine.map((t) => `"${t}"`).join(', ')}`);
    for (const t of mine) {
      const refCols = await copyable(ref, t);
      const cols = (await copyable(c, t)).filter((x) => refCols.includes(nowNamed(x)));
      const list = cols.map((x) => `"${x}"`).join(', ');
      // Read under the old version's names (price_minor AS price_paise), so the JSON records fit its table.
      const from = cols.map((x) => `"${nowNamed(x)}" AS "${x}"`).join(', ');
      const data = await ref.query<{ j: string }>(`select coalesce(json_agg(row_to_json(s)), '[]')::text as j from (select ${from} from "${t}") s`);
      await c.query(`insert into "${t}" (${list}) select ${list} from json_populate_recordset(null::"${t}", $1::json)`, [data.rows[0]!.j]);
    }
    await asTheOldHubNamedMoney(c);
    // Sequences where an old hub would have left them.
    const seqs = await c.query<{ t: string; c: string }>(`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`);
    for (const s of seqs.rows) {
      await c.query(`select setval(pg_get_serial_sequence('"${s.t}"', '${s.c}'), coalesce((select max("${s.c}") from "${s.t}"), 0) + 1, false)`);
    }
    await c.query(`set session_replication_role = origin`);
    return target;
  }

  beforeAll(async () => {
    const r = await createDatabase(`${base}_ref`);
    ref = r.c;
    await migrateToLatest(r.db);
    await generateWorld(kyselyTarget(r.db), { stores: 4, products: 60, movements: 4 * 60 + 3_000, days: 5, seed: 7, staffPassword: 'staff-password-1' });
    // Documents with money in them (the generated world has none): a bill, and a product's packs.
    const { rows: [one] } = await ref.query<{ store_id: string; product_id: string }>('select store_id, product_id from stock order by 1, 2 limit 1');
    const bill = billFor(one!.store_id, one!.product_id, uuidv7(), 1);
    await ref.query(
      `insert into bills (store_id, id, device_id, number, kind, status, total_minor, occurred_at, doc, received_at, updated_at) values ($1, $2, $3, $4, 'sale', 'completed', $5, now(), $6::jsonb, now(), now())`,
      [bill.storeId, bill.id, bill.deviceId, bill.number, bill.totalMinor, JSON.stringify({ ...bill, billDiscount: { kind: 'amount', minor: 100 } })],
    );
    await ref.query(`update products set packs = $1::jsonb where id = $2`, [JSON.stringify([{ name: 'Box', qty: 12, priceMinor: 1100, barcode: null }]), one!.product_id]);
  }, 300_000);

  afterAll(async () => {
    for (const db of open) await db.destroy().catch(() => undefined);
    for (const c of clients.values()) await c.end().catch(() => undefined);
    const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await a.connect();
    for (const name of created) await a.query(`drop database if exists "${name}" with (force)`);
    await a.end();
  }, 60_000);

  it('the world is there to upgrade', async () => {
    expect(names.length).toBeGreaterThan(1);
    const n = await ref.query<{ n: string }>('select count(*) as n from movements');
    expect(Number(n.rows[0]!.n)).toBeGreaterThanOrEqual(3_000);
  });

  it('from every earlier version: equal to a fresh install fed the same world', async () => {
    const refSchema = await schemaOf(ref);
    for (const [i, version] of names.slice(0, -1).entries()) {
      const { db, c } = await databaseAt(version, `${base}_v${i + 1}`);
      const oldCols = new Map<string, string[]>();
      for (const t of await tables(c)) oldCols.set(t, await copyable(c, t));
      await migrateToLatest(db);
      expect({ version, schema: await schemaOf(c) }).toEqual({ version, schema: refSchema });
      for (const t of await tables(ref)) {
        // When a rollup row was computed is not data: migration 0008 recomputes the rollup (store days, per-kg prices).
        const cols = (oldCols.get(t) ?? []).filter((col) => !(t === 'sales_daily' && col === 'updated_at')).map(nowNamed);
        if (cols.length === 0) continue; // new since that version: nothing to carry over
        expect({ version, t, rows: await rowsOf(c, t, cols) }).toEqual({ version, t, rows: await rowsOf(ref, t, cols) });
      }
      // Stock is still the merge rule of the movements, set-based and on a sample with mergeStock.
      const consistency = await checkConsistency(kyselyConn(db));
      expect({ version, consistency }).toMatchObject({ version, consistency: { mismatchedRows: 0, sampleMismatches: [], seqGaps: 0 } });
      expect(consistency.stockRows).toBeGreaterThan(0);
      // The per-store low/out counters (migration 0004) are exact for the upgraded data.
      const counts = await sql<{ bad: number }>`
        select count(*)::int as bad from store_stock_counts c
        where c.low <> (select count(*) from stock s where s.store_id = c.store_id and s.qty > 0 and s.qty <= s.reorder_level)
           or c.out_of_stock <> (select count(*) from stock s where s.store_id = c.store_id and s.qty <= 0)`.execute(db);
      expect({ version, bad: counts.rows[0]?.bad }).toEqual({ version, bad: 0 });
    }
  });

  it('a failed migration leaves the database at its old version and names the migration and cause', async () => {
    const version = names[0]!;
    const { db, c } = await databaseAt(version, `${base}_fail`);
    const before = await schemaOf(c);
    const failing = {
      ...migrations,
      '9999-fails-half-way': {
        async up(k: Kysely<unknown>) {
          await k.schema.createTable('half_done').addColumn('id', 'integer').execute();
          throw new Error('out of disk (simulated)');
        },
      },
    };
    await expect(migrateToLatest(db, failing)).rejects.toThrow(/migration 9999-fails-half-way failed: out of disk \(simulated\)/);
    expect(await schemaOf(c)).toEqual(before);
    const applied = await c.query<{ name: string }>(`select name from kysely_migration order by name`);
    expect(applied.rows.map((r) => r.name)).toEqual([version]);
    // The old hub (its migrations only) starts on it.
    await expect(migrateToLatest(db, { [version]: migrations[version]! })).resolves.toBeDefined();
  });
});
