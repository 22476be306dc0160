import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { HubConfig } from '../config/env';
import type { Database } from './database.types';
import { preparedByMark } from './db.prepared';

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
// minor units are bounded far below 2^53), so numbers are easier on every caller than strings.
const parseInt8 = (v: string) => Number(v);

/** Long enough for a loaded pool to hand out a client, short enough that a request fails with 503 rather than hanging. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export interface PgPoolOptions {
  /** application_name of its connections (pg_stat_activity), e.g. bazaar-hub:primary. */
  name?: string;
  /** A pooled connection failed (server restart, failover, terminated backend). The pool drops it and reconnects on demand. */
  onConnectionError?: (err: Error) => void;
  /** How long a query may wait for a connection (new or from a full pool) before failing (a 503). */
  connectTimeoutMs?: number;
  /** Run statements marked `prepared(true)` as named prepared statements (db.prepared.ts; default on). */
  preparedStatements?: boolean;
}

/**
 * A pg pool that survives its server going away. node-postgres emits 'error' on the pool for an
 * idle client whose connection dies, and on the client itself when it is checked out between two
 * queries (inside a transaction): either one with no listener is an uncaught exception that ends
 * the process. Both are handled here; the broken client is discarded (pg-pool never reuses a
 * client that is not queryable) and the next checkout opens a fresh connection.
 */
export function createPgPool(url: string, max: number, opts: PgPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: opts.name ?? 'bazaar-hub',
    connectionTimeoutMillis: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const onError = opts.onConnectionError ?? (() => undefined);
  pool.on('error', (err) => onError(err));
  const named = opts.preparedStatements ?? true;
  pool.on('connect', (client) => {
    client.on('error', (err) => onError(err));
    if (named) preparedByMark(client);
  });
  return pool;
}

export function createPglite(dataDir: string | undefined): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, { parsers: { [INT8_OID]: parseInt8 } });
}

/** Postgres through a pg Pool when DATABASE_URL is set, else embedded PGlite in DATA_DIR. */
export function createDb(
  config: Pick<HubConfig, 'databaseUrl' | 'databaseReadUrl' | 'dbPoolSize' | 'dataDir'> & Partial<Pick<HubConfig, 'dbPreparedStatements'>>,
  opts: { onConnectionError?: (pool: 'primary' | 'replica', err: Error) => void } = {},
): HubDb {
  if (config.databaseUrl) {
    const onError = (pool: 'primary' | 'replica') => (err: Error) => opts.onConnectionError?.(pool, err);
    const primary = createPgPool(config.databaseUrl, config.dbPoolSize, {
      name: 'bazaar-hub:primary',
      onConnectionError: onError('primary'),
      preparedStatements: config.dbPreparedStatements,
    });
    const replica = config.databaseReadUrl
      ? createPgPool(config.databaseReadUrl, config.dbPoolSize, { name: 'bazaar-hub:replica', onConnectionError: onError('replica') })
      : undefined;
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

/**
 * Wrap an open PGlite (one connection; the dialect serialises transactions on it). PGlite runs
 * inside this process: there is no socket to lose and it is not an event emitter, so it has no
 * 'error' event to handle; a failed query rejects like any other.
 */
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
