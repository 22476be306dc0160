import { sql, type Kysely } from 'kysely';
import { createTranslator, currencyInfo, formatScaled, localeSchema, movementKindSchema, movementKindWord, removalReasonWord, shopDateTime, uuidSchema, type CurrencyInfo, type Translator } from '@bazaar/shared';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import { readHubLocale } from '../settings/hub-settings.repository';

export const exportJob = z.object({ exportId: z.uuid() });

export const exportParamsSchema = z.object({
  kind: z.enum(['movements', 'stock']),
  /** The stores the requester may see, fixed when the export was requested (null = all). */
  storeIds: z.array(z.uuid()).nullable(),
  storeId: uuidSchema.optional(),
  from: shopDateTime().optional(),
  to: shopDateTime().optional(),
  /** The requester's language: the file writes kinds and reasons in its words (else the hub's default). */
  locale: localeSchema.optional(),
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
    const hub = await readHubLocale(db);
    const currency = currencyInfo(hub.currency);
    const words = createTranslator({ locale: params.locale ?? hub.defaultLocale, currency: hub.currency });
    await db.updateTable('export_jobs').set({ state: 'running', rows_done: 0, rows_total: total, error: null }).where('id', '=', job.id).execute();
    let n = 0;
    let done = 0;
    let after: [string, string] | null = null;
    await db.insertInto('export_chunks').values({ export_id: job.id, n: n++, data: header(params.kind, currency) }).execute();
    for (;;) {
      const page = await readPage(opts.readDb, params, after, currency, words);
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

/**
 * Columns people read first (store, product, quantity with its unit, the store's local time,
 * who and which counter by name), then the machine columns (UTC time, ids). Quantities are in
 * the unit column's base unit (g, ml or pc); prices in the hub's currency (named in the header:
 * "unit_price (PKR)", with its own digits after the point) per kg, L or piece as the product is priced.
 */
function header(kind: ExportParams['kind'], currency: CurrencyInfo): string {
  const m = (name: string) => `${name} (${currency.code})`;
  return kind === 'movements'
    ? `store_code,store_name,local_time,time_zone,sku,product_name,kind,qty,unit,${m('unit_price')},price_per,reason,cashier,counter,occurred_at_utc,id,device_id,user_id\n`
    : `store_code,store_name,region,sku,product_name,category,qty,unit,reorder_level,${m('cost')},price_per,${m('stock_value_at_cost')},updated_at,store_id,product_id\n`;
}

/** Minor units as the currency's major units: 12345 → "123.45" (JPY "12345", KWD "12.345"). */
const major = (minor: number | null, currency: CurrencyInfo) => (minor === null ? null : formatScaled(Math.round(minor), currency.minorDigits, false));

/** What a product's price is quoted per: 'kg' and 'L' for weighed and measured goods. */
const pricePer = (unit: string) => (unit === 'g' ? 'kg' : unit === 'ml' ? 'L' : 'pc');

/** RFC 4180 field; a leading =,+,-,@ is prefixed so spreadsheets never run it as a formula. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A movement's kind as head office's screens write it, in the file's language. */
const kindWord = (words: Translator, kind: string) => {
  const k = movementKindSchema.safeParse(kind);
  return k.success ? movementKindWord(words, k.data) : kind;
};

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

async function readPage(db: Kysely<Database>, p: ExportParams, after: [string, string] | null, currency: CurrencyInfo, words: Translator): Promise<{ rows: string[]; last: [string, string] | null }> {
  if (p.kind === 'stock') {
    const { rows } = await sql<{ store_id: string; product_id: string; code: string; store_name: string; region: string | null; sku: string; name: string; category: string | null; unit: string; qty: number; reorder_level: number; cost_minor: number; value: string; updated_at: Date }>`
      SELECT k.store_id, k.product_id, s.code, s.name AS store_name, s.region, p.sku, p.name, p.category, p.unit, k.qty, k.reorder_level, p.cost_minor,
        (greatest(k.qty, 0)::bigint * p.cost_minor + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END) AS value,
        k.updated_at
      FROM stock k JOIN stores s ON s.id = k.store_id JOIN products p ON p.id = k.product_id
      WHERE ${scopeFilter(p, 'k')} AND ${after ? sql`(k.store_id, k.product_id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
      ORDER BY k.store_id, k.product_id LIMIT ${PAGE}`.execute(db);
    const l = rows.at(-1);
    return {
      rows: rows.map((r) => line([r.code, r.store_name, r.region, r.sku, r.name, r.category, r.qty, r.unit, r.reorder_level, major(r.cost_minor, currency), pricePer(r.unit), major(Number(r.value), currency), r.updated_at, r.store_id, r.product_id])),
      last: l ? [l.store_id, l.product_id] : null,
    };
  }
  const { rows } = await sql<{ id: string; store_id: string; code: string; store_name: string; local_time: string; time_zone: string; sku: string; name: string; unit: string; kind: string; qty: number; unit_price_minor: number | null; occurred_at: Date; device_id: string | null; device_name: string | null; user_id: string | null; user_name: string | null; reason: string | null }>`
    SELECT m.id, m.store_id, s.code, s.name AS store_name, to_char(m.occurred_at AT TIME ZONE s.time_zone, 'YYYY-MM-DD HH24:MI:SS') AS local_time, s.time_zone,
      p.sku, p.name, p.unit, m.kind, m.qty, m.unit_price_minor, m.occurred_at, m.device_id, d.name AS device_name, m.user_id, u.name AS user_name, m.reason
    FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
    LEFT JOIN devices d ON d.store_id = m.store_id AND d.id = m.device_id
    LEFT JOIN users u ON u.id = m.user_id
    WHERE ${scopeFilter(p, 'm')} AND ${timeFilter(p)}
      AND ${after ? sql`(m.store_id, m.id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
    ORDER BY m.store_id, m.id LIMIT ${PAGE}`.execute(db);
  const l = rows.at(-1);
  return {
    rows: rows.map((r) =>
      line([r.code, r.store_name, r.local_time, r.time_zone, r.sku, r.name, kindWord(words, r.kind), r.qty, r.unit, major(r.unit_price_minor, currency), pricePer(r.unit), removalReasonWord(words, r.reason), r.user_name, r.device_name, r.occurred_at, r.id, r.device_id, r.user_id]),
    ),
    last: l ? [l.store_id, l.id] : null,
  };
}
