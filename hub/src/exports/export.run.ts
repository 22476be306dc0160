import { sql, type Kysely } from 'kysely';
import { shopDateTime, uuidSchema } from '@bazaar/shared';
import { z } from 'zod';
import type { Database } from '../db/database.types';

export const exportJob = z.object({ exportId: z.uuid() });

export const exportParamsSchema = z.object({
  kind: z.enum(['movements', 'stock']),
  /** The stores the requester may see, fixed when the export was requested (null = all). */
  storeIds: z.array(z.uuid()).nullable(),
  storeId: uuidSchema.optional(),
  from: shopDateTime().optional(),
  to: shopDateTime().optional(),
});
export type ExportParams = z.infer<typeof exportParamsSchema>;

const PAGE = 5_000;

export interface ExportProgress {
  exportId: string;
  state: 'running' | 'done' | 'failed';
  rowsDone: number;
  rowsTotal: number | null;
}

/**
 * Writes a large CSV in 5,000-row chunks read from the replica by keyset, stored in Postgres so
 * that any node can serve the download and a node restart loses nothing written. A rerun starts
 * over (chunks are replaced), so a retried job cannot leave a half-doubled file.
 */
export async function runExport(opts: {
  db: Kysely<Database>;
  readDb: Kysely<Database>;
  exportId: string;
  final: boolean;
  /** Who may see the progress: the requester, and the store when the export is of one. */
  progress: (p: ExportProgress, audience: { storeId: string | null; userId: string | null }) => Promise<void>;
}): Promise<void> {
  const db = opts.db;
  const job = await db.selectFrom('export_jobs').selectAll().where('id', '=', opts.exportId).executeTakeFirst();
  if (!job || job.state === 'done') return;
  const params = exportParamsSchema.parse(job.params);
  const audience = { storeId: params.storeId ?? null, userId: job.requested_by };
  try {
    await db.deleteFrom('export_chunks').where('export_id', '=', job.id).execute();
    const total = await countRows(opts.readDb, params);
    await db.updateTable('export_jobs').set({ state: 'running', rows_done: 0, rows_total: total, error: null }).where('id', '=', job.id).execute();
    let n = 0;
    let done = 0;
    let after: [string, string] | null = null;
    await db.insertInto('export_chunks').values({ export_id: job.id, n: n++, data: header(params.kind) }).execute();
    for (;;) {
      const page = await readPage(opts.readDb, params, after);
      if (page.rows.length === 0) break;
      await db.insertInto('export_chunks').values({ export_id: job.id, n: n++, data: page.rows.join('') }).execute();
      done += page.rows.length;
      after = page.last;
      await db.updateTable('export_jobs').set({ rows_done: done }).where('id', '=', job.id).execute();
      await opts.progress({ exportId: job.id, state: 'running', rowsDone: done, rowsTotal: total }, audience);
      if (page.rows.length < PAGE) break;
    }
    await db.updateTable('export_jobs').set({ state: 'done', rows_done: done, finished_at: new Date() }).where('id', '=', job.id).execute();
    await opts.progress({ exportId: job.id, state: 'done', rowsDone: done, rowsTotal: total }, audience);
  } catch (err) {
    if (opts.final) {
      await db
        .updateTable('export_jobs')
        .set({ state: 'failed', error: (err as Error).message.slice(0, 500), finished_at: new Date() })
        .where('id', '=', job.id)
        .execute();
      await opts.progress({ exportId: job.id, state: 'failed', rowsDone: 0, rowsTotal: null }, audience);
    }
    throw err;
  }
}

function header(kind: ExportParams['kind']): string {
  return kind === 'movements'
    ? 'id,store_code,sku,kind,qty,unit_price_paise,occurred_at,device_id,user_id,reason\n'
    : 'store_code,sku,product_name,qty,reorder_level,updated_at\n';
}

/** RFC 4180 field; a leading =,+,-,@ is prefixed so spreadsheets never run it as a formula. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (fields: unknown[]) => `${fields.map(csvField).join(',')}\n`;

function scopeFilter(params: ExportParams, alias: string) {
  const parts = [];
  if (params.storeIds !== null) parts.push(sql`${sql.ref(`${alias}.store_id`)} = ANY(${params.storeIds}::uuid[])`);
  if (params.storeId) parts.push(sql`${sql.ref(`${alias}.store_id`)} = ${params.storeId}::uuid`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

async function countRows(db: Kysely<Database>, p: ExportParams): Promise<number> {
  if (p.kind === 'stock') {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stock k WHERE ${scopeFilter(p, 'k')}`.execute(db);
    return rows[0]?.n ?? 0;
  }
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM movements m WHERE ${scopeFilter(p, 'm')} AND ${timeFilter(p)}`.execute(db);
  return rows[0]?.n ?? 0;
}

function timeFilter(p: ExportParams) {
  return sql.join(
    [p.from ? sql`m.occurred_at >= ${p.from}::timestamptz` : sql`true`, p.to ? sql`m.occurred_at < ${p.to}::timestamptz` : sql`true`],
    sql` AND `,
  );
}

async function readPage(db: Kysely<Database>, p: ExportParams, after: [string, string] | null): Promise<{ rows: string[]; last: [string, string] | null }> {
  if (p.kind === 'stock') {
    const { rows } = await sql<{ store_id: string; product_id: string; code: string; sku: string; name: string; qty: number; reorder_level: number; updated_at: Date }>`
      SELECT k.store_id, k.product_id, s.code, p.sku, p.name, k.qty, k.reorder_level, k.updated_at
      FROM stock k JOIN stores s ON s.id = k.store_id JOIN products p ON p.id = k.product_id
      WHERE ${scopeFilter(p, 'k')} AND ${after ? sql`(k.store_id, k.product_id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
      ORDER BY k.store_id, k.product_id LIMIT ${PAGE}`.execute(db);
    const l = rows.at(-1);
    return { rows: rows.map((r) => line([r.code, r.sku, r.name, r.qty, r.reorder_level, r.updated_at])), last: l ? [l.store_id, l.product_id] : null };
  }
  const { rows } = await sql<{ id: string; store_id: string; code: string; sku: string; kind: string; qty: number; unit_price_paise: number | null; occurred_at: Date; device_id: string | null; user_id: string | null; reason: string | null }>`
    SELECT m.id, m.store_id, s.code, p.sku, m.kind, m.qty, m.unit_price_paise, m.occurred_at, m.device_id, m.user_id, m.reason
    FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
    WHERE ${scopeFilter(p, 'm')} AND ${timeFilter(p)}
      AND ${after ? sql`(m.store_id, m.id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
    ORDER BY m.store_id, m.id LIMIT ${PAGE}`.execute(db);
  const l = rows.at(-1);
  return {
    rows: rows.map((r) => line([r.id, r.code, r.sku, r.kind, r.qty, r.unit_price_paise, r.occurred_at, r.device_id, r.user_id, r.reason])),
    last: l ? [l.store_id, l.id] : null,
  };
}
