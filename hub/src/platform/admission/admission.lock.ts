import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.types';

/**
 * Bound how long this transaction waits for any lock (a store's change counter, a device row,
 * an audit chain) to ms: past it Postgres raises 55P03 and the admission middleware answers
 * 503 + Retry-After, instead of the push holding its slot and its connection behind a stuck
 * writer. Transaction-local (SET LOCAL): the pooled connection keeps its default afterwards.
 */
export async function boundLockWait(trx: Transaction<Database>, ms: number): Promise<void> {
  if (ms <= 0) return;
  await sql`SELECT set_config('lock_timeout', ${`${ms}ms`}, true)`.execute(trx);
}
