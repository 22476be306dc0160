import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { HubConfig } from '../config/env';
import type { Database } from './database.types';

export interface HubDb {
  /** Primary: every write and every read that must see it. */
  db: Kysely<Database>;
  /** Reports and audit search (DATABASE_READ_URL); the primary when none is configured. */
  readDb: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** The pg pools behind db/readDb (Postgres only), for pool-usage metrics. */
  pools?: { primary: pg.Pool; replica?: pg.Pool };
  close(): Promise<void>;
}

const INT8_OID = 20;
// Counts, sums and versions are int8; every value we store fits a double exactly (quantities and
// paise are bounded far below 2^53), so numbers are easier on every caller than strings.
const parseInt8 = (v: string) => Number(v);

export function createPgPool(url: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
}

export function createPglite(dataDir: string | undefined): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, { parsers: { [INT8_OID]: parseInt8 } });
}

/** Postgres through a pg Pool when DATABASE_URL is set, else embedded PGlite in DATA_DIR. */
export function createDb(config: Pick<HubConfig, 'databaseUrl' | 'databaseReadUrl' | 'dbPoolSize' | 'dataDir'>): HubDb {
  if (config.databaseUrl) {
    const primary = createPgPool(config.databaseUrl, config.dbPoolSize);
    const replica = config.databaseReadUrl ? createPgPool(config.databaseReadUrl, config.dbPoolSize) : undefined;
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: primary }) });
    const readDb = replica ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: replica }) }) : db;
    return {
      db,
      readDb,
      kind: 'postgres',
      pools: { primary, replica },
      async close() {
        if (readDb !== db) await readDb.destroy();
        await db.destroy();
      },
    };
  }
  return pgliteDb(createPglite(config.dataDir));
}

/** Wrap an open PGlite (one connection; the dialect serialises transactions on it). */
export function pgliteDb(pglite: PGlite): HubDb {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    readDb: db,
    kind: 'pglite',
    async close() {
      await db.destroy();
    },
  };
}
