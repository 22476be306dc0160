import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database.types';
import { isDatabaseUnavailable } from './db-unavailable';
import { migrateToLatest } from './migrate';

/**
 * Migrate at start, waiting for a database that is not reachable yet (the host rebooted and
 * PostgreSQL is still starting, or restarting): nothing supervises the hub, so exiting at once
 * would leave it down for good. Retries every second up to `waitMs`; any other failure (a bad
 * migration, wrong credentials) is final at once.
 */
export async function migrateAtStart(db: Kysely<Database>, logger: Logger, waitMs = 120_000): Promise<void> {
  const until = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db);
      if (attempt > 1) logger.warn('database reachable; migrated, starting');
      return;
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() >= until) throw err;
      if (attempt === 1) logger.warn({ why: (err as Error).message }, `database not reachable; retrying every second for up to ${Math.round(waitMs / 1000)} s`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}
