import { sql } from 'kysely';
import type { StoreDb } from './db.types';

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
