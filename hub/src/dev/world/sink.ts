import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { CompiledQuery, type QueryResult } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One database connection the generator writes through: a pg client (COPY) or a Kysely executor (unnest inserts). */
export interface Conn {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Open a bulk writer for table(columns); COPY on pg, batched unnest inserts elsewhere. */
  writer(table: TableSpec): RowWriter;
}

export type Cell = string | number | boolean | null;

export interface TableSpec {
  name: string;
  columns: readonly (readonly [name: string, pgType: string])[];
}

export interface RowWriter {
  write(row: readonly Cell[]): Promise<void> | void;
  end(): Promise<void>;
  readonly rows: number;
}

/** COPY text format: backslash, tab, newline and CR escaped; NULL is \N. */
function copyCell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

class CopyWriter implements RowWriter {
  private buf: string[] = [];
  private bufLen = 0;
  rows = 0;
  private readonly stream: NodeJS.WritableStream & { destroyed?: boolean };
  private failed: Error | null = null;

  constructor(client: pg.PoolClient, table: TableSpec) {
    const cols = table.columns.map(([c]) => `"${c}"`).join(', ');
    this.stream = client.query(copyFrom(`COPY ${table.name} (${cols}) FROM STDIN`));
    this.stream.on('error', (err: Error) => {
      this.failed = err;
    });
  }

  async write(row: readonly Cell[]): Promise<void> {
    if (this.failed) throw this.failed;
    const line = row.map(copyCell).join('\t');
    this.buf.push(line);
    this.bufLen += line.length + 1;
    this.rows++;
    // ~256 KB chunks: few writes, and backpressure keeps memory flat on 10M rows.
    if (this.bufLen > 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = `${this.buf.join('\n')}\n`;
    this.buf = [];
    this.bufLen = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failed) throw this.failed;
  }
}

/** Set-based fallback (PGlite, or a Kysely-only caller): one INSERT … SELECT FROM unnest(…) per chunk. */
class UnnestWriter implements RowWriter {
  private batch: (readonly Cell[])[] = [];
  rows = 0;
  constructor(
    private readonly conn: Conn,
    private readonly table: TableSpec,
    private readonly chunk = 2000,
  ) {}

  async write(row: readonly Cell[]): Promise<void> {
    this.batch.push(row);
    this.rows++;
    if (this.batch.length >= this.chunk) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const cols = this.table.columns;
    const params = cols.map((_, i) => rows.map((r) => r[i] ?? null));
    const text = `INSERT INTO ${this.table.name} (${cols.map(([c]) => `"${c}"`).join(', ')})
      SELECT * FROM unnest(${cols.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
    await this.conn.query(text, params);
  }

  async end(): Promise<void> {
    await this.flush();
  }
}

export function pgConn(client: pg.PoolClient): Conn {
  return {
    async query<R>(text: string, params?: readonly unknown[]) {
      const res = await client.query(text, params as unknown[] | undefined);
      return res.rows as R[];
    },
    writer(table) {
      return new CopyWriter(client, table);
    },
  };
}

/** Anything that runs a compiled query: a Kysely instance or a transaction. */
export interface QueryRunner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

export function kyselyConn(db: QueryRunner): Conn {
  const conn: Conn = {
    async query<R>(text: string, params?: readonly unknown[]) {
      const res = await db.executeQuery<R>(CompiledQuery.raw(text, params ? [...params] : []));
      return [...res.rows];
    },
    writer(table) {
      return new UnnestWriter(conn, table);
    },
  };
  return conn;
}
