import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrationProvider } from './migrations/migrations';
import type { StoreDb, StoreDatabase } from './db.types';

export const WAL_AUTOCHECKPOINT_PAGES = 4000;

/**
 * SQLite's DDL is transactional, but Kysely's SQLite adapter says otherwise, so its migrator
 * would commit each migration on its own: a failure half-way through an upgrade would leave a
 * database newer than the old app knows (it refuses it) and older than the new one needs. Said
 * true, every pending migration runs in one transaction and a failure rolls back to the old version.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class StoreDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlAdapter();
  }
}

export interface OpenedDb {
  db: StoreDb;
  raw: Database.Database;
}

/**
 * Opens (creating if needed) a store database and brings its schema up to date.
 * WAL + synchronous=FULL: a committed sale survives a power cut, which is common in these shops.
 */
export async function openStoreDb(
  path: string,
  opts: { onQuery?: (sql: string, params: readonly unknown[]) => void; /** Tests only: another migration list. */ migrations?: MigrationProvider } = {},
): Promise<OpenedDb> {
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  // A CLI run and the counter app may share the file: wait for the writer instead of failing.
  raw.pragma('busy_timeout = 5000');
  // The automatic checkpoint runs inside whichever COMMIT crosses this many WAL pages. A sale
  // writes ~22 (its row and index pages, stock, audit, clock); at SQLite's default of 1,000
  // one sale in ~45 paid for a checkpoint. The counter checkpoints when idle (idle-checkpoint.ts);
  // this is the back-stop for a burst, ~16 MB of WAL.
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  restrictFileMode(path);
  const db = new Kysely<StoreDatabase>({
    dialect: new StoreDialect({ database: raw }),
    ...(opts.onQuery ? { log: (e) => opts.onQuery?.(e.query.sql, e.query.parameters) } : {}),
  });
  // Unordered: a counter file that ran a later-numbered document migration first still takes an
  // earlier one that landed after it (each touches tables of its own; see hub/src/db/migrate.ts).
  const migrator = new Migrator({ db, provider: opts.migrations ?? migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrateSharingTheFile(migrator);
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`could not migrate store database ${path} (migration ${failed}): ${String(error)}`);
  }
  return { db, raw };
}

/**
 * The counter app and CLI runs may open the same old file at once after an update. The
 * migrator's transaction reads the migration table before it writes, and SQLite answers a
 * reader that wants to write while another process writes with "database is locked" at once
 * (waiting could deadlock), busy_timeout or not. The transaction rolled back whole, so try
 * again: by then the other process has usually migrated and nothing is pending.
 */
async function migrateSharingTheFile(migrator: Migrator): ReturnType<Migrator['migrateToLatest']> {
  const deadline = Date.now() + 30_000;
  for (let attempt = 1; ; attempt++) {
    const result = await migrator.migrateToLatest();
    const code = (result.error as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * attempt) * (0.5 + Math.random())));
  }
}

/** The file holds the device token: readable by its owner only. */
function restrictFileMode(path: string): void {
  if (path === ':memory:' || process.platform === 'win32') return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
