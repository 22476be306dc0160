import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { StoreDb } from './db.types';
import { prepared } from './prepared';

/**
 * A write transaction that takes the write lock up front (BEGIN IMMEDIATE). A deferred
 * transaction that reads and then writes can fail with SQLITE_BUSY when another process
 * (the CLI beside the counter app) committed in between; IMMEDIATE waits on busy_timeout instead.
 * `fn` gets a Kysely bound to the one connection that holds the transaction.
 */
export async function writeTx<T>(db: StoreDb, fn: (trx: StoreDb) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/**
 * writeTx for a synchronous body on the raw connection (the counter sale): the same BEGIN
 * IMMEDIATE … COMMIT, on prepared statements, with no await between them. It still takes
 * Kysely's hold on the one connection first, so it never lands inside another transaction
 * (a pull page) that is awaiting on the same connection.
 */
export async function writeTxSync<T>(db: StoreDb, raw: Database.Database, fn: () => T): Promise<T> {
  return db.connection().execute(async () => {
    prepared(raw, 'BEGIN IMMEDIATE').run();
    try {
      const result = fn();
      prepared(raw, 'COMMIT').run();
      return result;
    } catch (err) {
      if (raw.inTransaction) prepared(raw, 'ROLLBACK').run();
      throw err;
    }
  });
}
