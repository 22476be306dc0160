import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.types';
import { migrations } from './migrations';

/** `list` is for tests (an upgrade that fails half-way); the hub always runs its own migrations. */
export async function migrateToLatest(db: Kysely<Database>, list: Record<string, Migration> = migrations): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => list },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
    // The documents of DESIGN §9 (bills, credit, transfers, purchases, packs) landed as parallel
    // work, each migration on tables of its own: a database that ran a later-numbered one first
    // (a developer's ./data/hub) still takes the earlier one instead of refusing to start.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return result;
}
