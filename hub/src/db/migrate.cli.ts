import { loadConfigOrExit } from '../config/env';
import { createDb } from './db.factory';
import { migrateToLatest } from './migrate';

const config = loadConfigOrExit();
const hubDb = createDb(config);
try {
  const result = await migrateToLatest(hubDb.db);
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  const where = hubDb.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(applied.length ? `migrated ${where}: ${applied.join(', ')}` : `${where} is up to date`);
} catch (err) {
  console.error(`hub migrate: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await hubDb.close();
}
