import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/database.types';
import type { GenTarget } from './generate';
import { kyselyConn, pgConn } from './sink';

/** A generator target on Postgres: two pooled clients (COPY on both), transactions on a third. */
export async function pgTarget(url: string): Promise<GenTarget & { close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  const a = await pool.connect();
  const b = await pool.connect();
  // Generated history is reproducible: no need to wait for fsync on every COPY commit.
  for (const c of [a, b]) await c.query('SET synchronous_commit = off');
  return {
    main: pgConn(a),
    second: pgConn(b),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(pgConn(c));
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    async close() {
      a.release();
      b.release();
      await pool.end();
    },
  };
}

/** A generator target on any Kysely database (PGlite, or the hub's own pool): unnest inserts. */
export function kyselyTarget(db: Kysely<Database>): GenTarget {
  const conn = kyselyConn(db);
  return {
    main: conn,
    second: conn,
    transaction: (fn) => db.transaction().execute((trx) => fn(kyselyConn(trx))),
  };
}

/** The same server, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drop and create a database of ours on the server `url` points at (never any other). */
export async function recreateDatabase(url: string, name: string): Promise<void> {
  if (!/^bazaar_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to recreate database "${name}": bench databases are named bazaar_*`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

export async function databaseComment(url: string, name: string): Promise<string | null> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const r = await admin.query<{ c: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`,
      [name],
    );
    return r.rows[0]?.c ?? null;
  } finally {
    await admin.end();
  }
}

export async function setDatabaseComment(url: string, name: string, comment: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`COMMENT ON DATABASE "${name}" IS ${admin.escapeLiteral(comment)}`);
  } finally {
    await admin.end();
  }
}
