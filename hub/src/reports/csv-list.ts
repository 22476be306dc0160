import type { Context } from 'hono';
import type { Translator } from '@bazaar/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { decodeTimeIdCursor, pageOf } from '../http/cursor';
import { csvMoney, csvResponse, toCsv, wantsCsv } from './csv';
import { csvTranslator } from './csv-words';

/** A CSV export reads at most this many rows (the newest). */
export const CSV_MAX = 10_000;

interface NewestFirst<Row, Item, Csv extends Record<string, unknown>> {
  query: { limit: number; cursor?: string | undefined };
  /** The stores the caller sees (null: all); none, and the answer is empty without a query. */
  visible: string[] | null;
  csv: { file: string; columns: readonly (keyof Csv & string)[]; money: readonly string[]; row: (item: Item, minorDigits: number, words: Translator) => Csv };
  /** The rows, newest first, at most `limit`; past `after` (a page's cursor) when it is given. */
  read: (limit: number, after: { at: Date; id: string } | undefined) => Promise<Row[]>;
  view: (row: Row) => Item;
  /** The row's (time, id) keyset key. */
  key: (row: Row) => [string, string];
}

/**
 * A head-office list, newest first: as CSV (the newest CSV_MAX rows, the amounts in the hub's
 * currency, codes in the reader's words) when asked for, else one keyset page. The CSV is the answer (a Response); the page is
 * for the handler to answer with c.json, so its type reaches the client.
 */
export async function newestFirst<Row, Item, Csv extends Record<string, unknown>>(c: Context, db: Kysely<Database>, o: NewestFirst<Row, Item, Csv>) {
  const csv = wantsCsv(c);
  const money = csv ? await csvMoney(db, o.csv.money) : null;
  if (o.visible !== null && o.visible.length === 0) return money ? csvResponse(c, o.csv.file, toCsv(o.csv.columns, [], money)) : { items: [] as Item[], nextCursor: null };
  if (money) {
    const rows = await o.read(CSV_MAX, undefined);
    const words = await csvTranslator(c, db);
    return csvResponse(c, o.csv.file, toCsv(o.csv.columns, rows.map((r) => o.csv.row(o.view(r), money.currency.minorDigits, words)), money));
  }
  const rows = await o.read(o.query.limit + 1, decodeTimeIdCursor(o.query.cursor));
  return pageOf(rows, o.query.limit, o.view, o.key);
}
