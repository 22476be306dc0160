import { DomainError, limitSchema, pageSchema, shiftDetailSchema, shiftReportSchema, shiftStatusWord, shiftSummarySchema, uuidSchema, type ShiftSummary, type Translator } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { pastCursor } from '../http/cursor';
import { route } from '../openapi/openapi.route';
import { newestFirst } from '../reports/csv-list';
import { localTime } from '../bills/bills.mappers';

/** Web forms send "" for an unset filter; treat it as absent. */
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const day = z.iso.date({ message: 'must be a day, e.g. 2026-01-31' });

const listQuery = z.strictObject({
  storeId: optional(uuidSchema),
  status: optional(z.enum(['open', 'closed'])),
  /** Shifts opened on or after this day, on the store's own calendar. */
  from: optional(day),
  to: optional(day),
  limit: limitSchema,
  cursor: z.string().optional(),
  format: z.enum(['json', 'csv']).optional(),
});
type ListQuery = z.infer<typeof listQuery>;

const tag = 'shifts';
const list = route({
  summary: 'Counter shifts of the stores you see, newest first: who opened and closed them, the cash expected, counted and the difference (store-local days; keyset paging; CSV)',
  tag,
  query: listQuery,
  responses: { 200: { schema: pageSchema(shiftSummarySchema), csv: true } },
});
const getOne = route({ summary: 'One shift with its report (the Z report once closed)', tag, id: { notFound: 'shift not found' }, responses: { 200: shiftDetailSchema } });

interface ShiftRowView {
  id: string;
  store_id: string;
  device_id: string;
  counter_code: string;
  status: 'open' | 'closed';
  opened_at: Date | string;
  closed_at: Date | string | null;
  cash_expected_minor: number | string;
  counted_minor: number | string | null;
  variance_minor: number | string | null;
  store_code: string;
  store_name: string;
  time_zone: string;
  counter_name: string;
  doc: unknown;
}

function shifts(db: Kysely<Database>, visible: string[] | null, f: Partial<ListQuery>) {
  let q = db
    .selectFrom('shifts as h')
    .innerJoin('stores as s', 's.id', 'h.store_id')
    .leftJoin('devices as d', (j) => j.onRef('d.store_id', '=', 'h.store_id').onRef('d.id', '=', 'h.device_id'))
    .select([
      'h.id',
      'h.store_id',
      'h.device_id',
      'h.counter_code',
      'h.status',
      'h.opened_at',
      'h.closed_at',
      'h.cash_expected_minor',
      'h.counted_minor',
      'h.variance_minor',
      'h.doc',
      's.code as store_code',
      's.name as store_name',
      's.time_zone',
      sql<string>`coalesce(d.name, h.counter_code)`.as('counter_name'),
    ]);
  if (visible !== null) q = q.where('h.store_id', 'in', visible);
  if (f.storeId) q = q.where('h.store_id', '=', f.storeId);
  if (f.status) q = q.where('h.status', '=', f.status);
  if (f.from) q = q.where(sql<boolean>`h.opened_at >= (${f.from}::date)::timestamp AT TIME ZONE s.time_zone`);
  if (f.to) q = q.where(sql<boolean>`h.opened_at < (${f.to}::date + 1)::timestamp AT TIME ZONE s.time_zone`);
  return q;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const isoOf = (v: Date | string) => new Date(v).toISOString();

function toSummary(r: ShiftRowView): ShiftSummary {
  const report = shiftReportSchema.parse(r.doc);
  return {
    id: r.id,
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    timeZone: r.time_zone,
    deviceId: r.device_id,
    counterName: r.counter_name,
    counterCode: r.counter_code,
    status: r.status,
    openedAt: isoOf(r.opened_at),
    openedBy: report.openedBy,
    closedAt: r.closed_at === null ? null : isoOf(r.closed_at),
    closedBy: report.closedBy,
    floatMinor: report.floatMinor,
    saleBills: report.saleBills,
    salesMinor: report.salesMinor,
    cashExpectedMinor: Number(r.cash_expected_minor),
    countedMinor: num(r.counted_minor),
    varianceMinor: num(r.variance_minor),
  };
}

const csvColumns = ['storeCode', 'storeName', 'counterName', 'status', 'opened', 'openedBy', 'closed', 'closedBy', 'float', 'sales', 'cashExpected', 'counted', 'variance'] as const;
/** Amounts in minor units; the CSV writes them in the hub's currency, named in the header (csvMoney). */
const csvMoneyColumns = ['float', 'sales', 'cashExpected', 'counted', 'variance'];
const csvRow = (s: ShiftSummary, words: Translator) => ({
  ...s,
  status: shiftStatusWord(words, s.status),
  opened: localTime(s.openedAt, s.timeZone),
  closed: s.closedAt ? localTime(s.closedAt, s.timeZone) : '',
  float: s.floatMinor,
  sales: s.salesMinor,
  cashExpected: s.cashExpectedMinor,
  counted: s.countedMinor,
  variance: s.varianceMinor,
});

/** Head office reads the shifts of its stores (admins all, managers theirs; counters and staff are refused). */
export function createShiftsRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      const visible = visibleStoreIds(me);
      const out = await newestFirst(c, db, {
        query,
        visible,
        csv: { file: 'shifts.csv', columns: csvColumns, money: csvMoneyColumns, row: (s, _minorDigits, words) => csvRow(s, words) },
        read: async (limit, after) => {
          let q = shifts(db, visible, query).orderBy('h.opened_at', 'desc').orderBy('h.id', 'desc').limit(limit);
          if (after) q = q.where(pastCursor('h.opened_at', 'h.id', after));
          return (await q.execute()) as ShiftRowView[];
        },
        view: toSummary,
        key: (r) => [isoOf(r.opened_at), r.id],
      });
      return out instanceof Response ? out : c.json(out, 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = getOne.id(c);
      const row = (await shifts(db, visibleStoreIds(me), {}).where('h.id', '=', id).executeTakeFirst()) as ShiftRowView | undefined;
      if (!row) throw new DomainError('NOT_FOUND', 'shift not found');
      assertStoreAccess(me, row.store_id, 'shift');
      return c.json({ ...toSummary(row), report: shiftReportSchema.parse(row.doc) }, 200);
    });
}
