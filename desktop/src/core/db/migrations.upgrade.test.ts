// rename-minor: keep (versions before 0025 named money columns and keys for paise)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, withLegacyKeys, withMinorKeys } from '@bazaar/shared';
import { hashStored } from '../audit/audit.verify';
import { StoreCore } from '../store-core';
import { migrationProvider } from './migrations/migrations';
import { openStoreDb } from './open-db';

/**
 * A counter update runs the migrations on shop PCs full of data. For every earlier schema
 * version: a store database at that version holding a day of counter use is upgraded by the
 * app's own open path, and must equal a fresh install fed the same day (schema, every row of
 * every column the old version had, the stock the counter shows, the audit chain). A failed
 * migration must leave the database at its old version, usable by the old app, and say why.
 */
const dir = mkdtempSync(join(tmpdir(), 'bazaar-upgrade-'));
const refPath = join(dir, 'reference.db');
let names: string[];
let migrations: Record<string, Migration>;

/** A day at the counter: deliveries, ~300 carts, a few counts, removals and corrections. */
async function counterDay(core: StoreCore): Promise<void> {
  await core.initStore({ code: 'UPG-1', name: 'Upgrade Kirana' });
  const supplier = await core.addSupplier({ name: 'Agro Traders' });
  const skus: string[] = [];
  for (let i = 0; i < 40; i++) {
    const weighed = i % 8 === 0;
    const p = await core.addProduct({ sku: `ITEM-${i}`, name: `Item ${i}`, unit: weighed ? 'g' : 'pc', priceMinor: 500 + i * 25, reorderLevel: weighed ? 2000 : 5, barcode: `890100000${String(i).padStart(4, '0')}`, category: `Cat ${i % 5}` });
    skus.push(p.sku);
    await core.stockIn({ product: p.sku, qty: weighed ? 25_000 : 40, supplier: supplier.name, unitCostMinor: 400 });
  }
  let x = 12345;
  const rnd = (n: number) => (x = (x * 1103515245 + 12345) >>> 0) % n;
  for (let cart = 0; cart < 300; cart++) {
    const lines = Array.from({ length: 1 + rnd(4) }, () => {
      const i = rnd(skus.length);
      return { product: skus[i]!, qty: i % 8 === 0 ? 250 + rnd(1000) : 1 + rnd(3) };
    });
    await core.sell({ lines });
    if (cart % 60 === 59) await core.count({ lines: skus.slice(0, 10).map((sku, i) => ({ product: sku, counted: i % 8 === 0 ? 20_000 : 30 })) });
    if (cart % 75 === 10) await core.remove({ product: skus[rnd(skus.length)]!, qty: 1, reason: 'damage' });
    if (cart % 90 === 5) await core.adjust({ product: skus[rnd(skus.length)]!, delta: 2, note: 'box found in the back' });
  }
}

function tables(db: Database.Database): string[] {
  return (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`).all() as { name: string }[]).map((r) => r.name);
}
function columns(db: Database.Database, table: string, schema = 'main'): string[] {
  return (db.prepare(`select name from pragma_table_info(?, ?) order by cid`).all(table, schema) as { name: string }[]).map((r) => r.name);
}
function schemaOf(db: Database.Database) {
  const out: Record<string, unknown> = {};
  for (const t of tables(db)) {
    out[t] = {
      columns: db.prepare('select name, type, "notnull", dflt_value, pk from pragma_table_info(?) order by cid').all(t),
      indexes: (db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null order by name`).all(t) as { name: string; sql: string }[]).map((i) => ({ name: i.name, sql: i.sql.replace(/\s+/g, ' ') })),
    };
  }
  return out;
}
function rows(db: Database.Database, table: string, cols: string[]): unknown[] {
  const list = cols.map((c) => `"${c}"`).join(', ');
  return db.prepare(`select ${list} from "${table}" order by ${list}`).all();
}

/** A store database at `version` (its migrations only) holding the reference day, as that version stored it. */
async function databaseAt(version: string, path: string): Promise<void> {
  const raw = new Database(path);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  const upTo: MigrationProvider = { getMigrations: async () => Object.fromEntries(names.slice(0, names.indexOf(version) + 1).map((n) => [n, migrations[n]!])) };
  const r = await new Migrator({ db, provider: upTo }).migrateToLatest();
  if (r.error) throw r.error;
  raw.exec(`attach database '${refPath}' as ref`);
  raw.pragma('foreign_keys = OFF');
  for (const t of tables(raw)) {
    const refCols = columns(raw, t, 'ref');
    const shared = columns(raw, t).flatMap((c) => (refCols.includes(c) ? [[c, c]] : refCols.includes(nowNamed(c)) ? [[c, nowNamed(c)]] : []));
    const list = shared.map(([c]) => `"${c}"`).join(', ');
    const from = shared.map(([, r]) => `"${r}"`).join(', ');
    // Or replace: the first migration seeds the one-row tables (settings, sync_state).
    raw.exec(`insert or replace into main."${t}" (${list}) select ${from} from ref."${t}"`);
  }
  raw.exec('detach database ref');
  asTheOldAppNamedMoney(raw);
  if (!tables(raw).includes('bills')) asTheOldAppWroteIt(raw);
  await db.destroy();
}

/** A column's name since 0025 (money in minor units): `price_paise` → `price_minor`. */
const nowNamed = (c: string) => c.replace(/_paise$/, '_minor');

/** Documents as a version before 0025 wrote them: money keys `totalPaise`, a discount's `paise` (the audit log keeps the reference's). */
const OLD_JSON: [string, string][] = [['bills', 'doc_json'], ['store_bills', 'doc_json'], ['held_carts', 'cart_json'], ['shifts', 'report_json'], ['purchase_orders', 'doc_json'], ['goods_receipts', 'doc_json'], ['transfers', 'doc_json'], ['customers', 'doc_json'], ['ledger_entries', 'doc_json'], ['products', 'packs']];
function asTheOldAppNamedMoney(raw: Database.Database): void {
  if (!columns(raw, 'products').includes('price_paise')) return;
  for (const [t, c] of OLD_JSON) {
    if (!columns(raw, t).includes(c)) continue;
    const update = raw.prepare(`UPDATE "${t}" SET "${c}" = ? WHERE rowid = ?`);
    for (const r of raw.prepare(`SELECT rowid AS id, "${c}" AS v FROM "${t}" WHERE "${c}" IS NOT NULL`).all() as { id: number; v: string }[]) {
      update.run(JSON.stringify(withLegacyKeys(JSON.parse(r.v))), r.id);
    }
  }
}

/**
 * A version from before bills kept no bill documents, so its sale rows could not seal one: the
 * old app wrote them without the seal. Strip the seal from the copied rows and chain them again,
 * as that app's log would read.
 */
function asTheOldAppWroteIt(raw: Database.Database): void {
  const rows = raw.prepare('SELECT * FROM audit ORDER BY pos').all() as (Omit<Parameters<typeof hashStored>[0], never> & { pos: number; hash: string })[];
  const update = raw.prepare('UPDATE audit SET after_json = ?, prev_hash = ?, hash = ? WHERE pos = ?');
  let prev = GENESIS_HASH;
  for (const r of rows) {
    let after = r.after_json;
    if (after.includes('"docSha256"')) {
      const { docSha256: _d, movesSha256: _m, ...rest } = JSON.parse(after) as Record<string, unknown>;
      after = canonicalJson(rest);
    }
    const row = { ...r, after_json: after, prev_hash: prev };
    const hash = hashStored(row);
    update.run(after, prev, hash, r.pos);
    prev = hash;
  }
}

beforeAll(async () => {
  migrations = await migrationProvider.getMigrations();
  names = Object.keys(migrations).sort();
  const core = await StoreCore.open(refPath);
  await counterDay(core);
  await core.close();
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('desktop store database upgrades with a day of data', () => {
  it('has earlier versions to upgrade from', () => {
    expect(names.length).toBeGreaterThan(1);
    const ref = new Database(refPath, { readonly: true });
    try {
      expect((ref.prepare('select count(*) as n from movements').get() as { n: number }).n).toBeGreaterThan(300);
    } finally {
      ref.close();
    }
  });

  it('from every earlier version: the upgraded database equals a fresh install fed the same day', async () => {
    const ref = new Database(refPath, { readonly: true });
    const refCore = await StoreCore.open(refPath);
    const refStock = (await refCore.listStock({ limit: 1000 })).items;
    await refCore.close();
    try {
      for (const version of names.slice(0, -1)) {
        const path = join(dir, `from-${version}.db`);
        await databaseAt(version, path);
        const oldColumns = new Map<string, string[]>();
        {
          const old = new Database(path, { readonly: true });
          for (const t of tables(old)) oldColumns.set(t, columns(old, t));
          old.close();
        }
        // The app's own open path runs the pending migrations.
        const core = await StoreCore.open(path);
        try {
          expect({ version, stock: (await core.listStock({ limit: 1000 })).items }).toEqual({ version, stock: refStock });
        } finally {
          await core.close();
        }
        const up = new Database(path, { readonly: true });
        try {
          expect({ version, schema: schemaOf(up) }).toEqual({ version, schema: schemaOf(ref) });
          for (const t of tables(ref)) {
            // Columns the old version had hold what the fresh install holds; columns added since hold their backfill.
            // Before bills the sale rows carried no seal (asTheOldAppWroteIt): their content and chain hashes differ by
            // design there, and verifyAudit below checks that chain instead.
            const resealed = t === 'audit' && !oldColumns.has('bills');
            const cols = (oldColumns.get(t) ?? []).filter((c) => !(resealed && ['after_json', 'prev_hash', 'hash'].includes(c))).map(nowNamed);
            if (cols.length === 0) continue; // a table the old version did not have: nothing to carry over
            // A bill's document stays as the old app wrote it (its audit row seals it): the same bill, in the old money keys.
            const read = (db: Database.Database) => (t === 'bills' ? (rows(db, t, cols) as Record<string, unknown>[]).map((r) => ({ ...r, doc_json: withMinorKeys(JSON.parse(String(r.doc_json))) })) : rows(db, t, cols));
            expect({ version, table: t, rows: read(up) }).toEqual({ version, table: t, rows: read(ref) });
          }
        } finally {
          up.close();
        }
        // And it keeps working: the audit chain verifies and a sale goes through on the upgraded file.
        const oldBill = oldColumns.has('bills') ? (() => {
          const db = new Database(path, { readonly: true });
          try {
            return (db.prepare("select number from bills where status = 'completed' order by rowid limit 1").get() as { number: string } | undefined)?.number;
          } finally {
            db.close();
          }
        })() : undefined;
        const again = await StoreCore.open(path);
        try {
          expect((await again.verifyAudit()).ok).toBe(true);
          // A bill the old version sealed can still be voided, and its seal still verifies after.
          if (oldBill) {
            await again.voidBill({ bill: oldBill, reason: 'upgrade check' });
            expect({ version, audit: (await again.verifyAudit()).ok }).toEqual({ version, audit: true });
          }
          const sale = await again.sell({ lines: [{ product: 'ITEM-1', qty: 1 }] });
          expect(sale.lines[0]!.stockAfter).toBe(refStock.find((s) => s.sku === 'ITEM-1')!.qty - 1);
        } finally {
          await again.close();
        }
      }
    } finally {
      ref.close();
    }
  });

  it('a migration that fails leaves the database at its old version, usable by the old app, and says which and why', async () => {
    const version = names[0]!;
    const path = join(dir, 'failing.db');
    await databaseAt(version, path);
    const before = new Database(path, { readonly: true });
    const movementsBefore = (before.prepare('select count(*) as n from movements').get() as { n: number }).n;
    const schemaBefore = schemaOf(before);
    before.close();
    // The new version's migrations plus one that fails half-way (after changing the schema).
    const failing: MigrationProvider = {
      getMigrations: async () => ({
        ...migrations,
        '9999-fails-half-way': {
          async up(db: Kysely<unknown>) {
            await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
            throw new Error('disk full (simulated)');
          },
        },
      }),
    };
    await expect(openStoreDb(path, { migrations: failing })).rejects.toThrow(/migration 9999-fails-half-way.*disk full \(simulated\)/);
    const after = new Database(path, { readonly: true });
    try {
      // Nothing of the attempt remains: not the later migrations that succeeded, not the half-done one.
      expect(schemaOf(after)).toEqual(schemaBefore);
      expect((after.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)).toEqual([version]);
      expect((after.prepare('select count(*) as n from movements').get() as { n: number }).n).toBe(movementsBefore);
    } finally {
      after.close();
    }
    // The old app (only the old migrations) opens it without complaint.
    const raw = new Database(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const old: MigrationProvider = { getMigrations: async () => ({ [version]: migrations[version]! }) };
    expect((await new Migrator({ db, provider: old }).migrateToLatest()).error).toBeUndefined();
    await db.destroy();
  });

  it('three processes opening an old database at the same moment (the counter app and two CLI runs after an update) all open it, and each migration runs once', async () => {
    const worker = fileURLToPath(new URL('../testing/open-worker.ts', import.meta.url));
    for (const version of [names[0]!, names.at(-2)!]) {
      for (let round = 0; round < 3; round++) {
        const path = join(dir, `concurrent-${version}-${round}.db`);
        await databaseAt(version, path);
        const salesBefore = countSales(path);
        const at = Date.now() + 1500; // after every child has loaded its modules
        const runs = await Promise.all(
          [0, 1, 2].map(
            () =>
              new Promise<{ code: number | null; out: string }>((resolve) => {
                const child = spawn(process.execPath, ['--import', 'tsx', worker, path, String(at)], { stdio: ['ignore', 'pipe', 'pipe'] });
                let out = '';
                child.stdout.on('data', (d: Buffer) => (out += d.toString()));
                child.stderr.on('data', (d: Buffer) => (out += d.toString()));
                child.on('exit', (code) => resolve({ code, out: out.trim() }));
              }),
          ),
        );
        expect({ version, round, runs }).toEqual({ version, round, runs: [0, 1, 2].map(() => ({ code: 0, out: 'OPENED' })) });
        const db = new Database(path, { readonly: true });
        try {
          expect((db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)).toEqual(names);
        } finally {
          db.close();
        }
        expect(countSales(path)).toBe(salesBefore + 3);
      }
    }
  });
});

function countSales(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from movements where kind = 'SALE'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
