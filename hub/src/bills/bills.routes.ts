import { billDetailSchema, billKindWord, billStatusWord, billSummarySchema, DomainError, limitSchema, pageSchema, paymentMethodWord, receiptAmount, type Bill, type BillSummary, type Translator } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { pastCursor } from '../http/cursor';
import { route } from '../openapi/openapi.route';
import { newestFirst } from '../reports/csv-list';
import { billFilters, filteredBills } from './bills.filters';
import { localTime, summaryColumns, toDetail, toSummary, type SummaryRow } from './bills.mappers';
import { readHubLocale } from '../settings/hub-settings.repository';

const listQuery = z.strictObject({ ...billFilters, limit: limitSchema, cursor: z.string().optional(), format: z.enum(['json', 'csv']).optional() });

const tag = 'bills';
const list = route({
  summary: 'Bills of the stores you see, newest first (filters on each store’s own days; keyset paging; CSV)',
  tag,
  query: listQuery,
  responses: { 200: { schema: pageSchema(billSummarySchema), csv: true } },
});
const getOne = route({ summary: 'One bill: lines, payments, returns against it and its receipt', tag, id: { notFound: 'bill not found' }, responses: { 200: billDetailSchema } });

const csvColumns = ['number', 'localTime', 'storeCode', 'storeName', 'counterName', 'cashierName', 'kind', 'status', 'total', 'returned', 'payments', 'originalNumber'] as const;
const csvMoneyColumns = ['total', 'returned'];
/** Kind, status and payment methods in the reader's words, as the Bills screen writes them. */
const csvRow = (b: BillSummary, minorDigits: number, words: Translator) => ({
  ...b,
  kind: billKindWord(words, b.kind),
  status: billStatusWord(words, b.status),
  localTime: localTime(b.occurredAt, b.timeZone),
  // Bare numbers in the currency's major units (csvMoney): a spreadsheet sums them.
  total: b.totalMinor,
  returned: b.returnedMinor,
  payments: b.payments.map((p) => `${paymentMethodWord(words, p.method)} ${receiptAmount(p.amountMinor, minorDigits)}`).join('; '),
});

/** Head office reads every bill of its stores (admins all, managers theirs; counters and staff are refused). */
export function createBillsRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      const visible = visibleStoreIds(me);
      const out = await newestFirst(c, db, {
        query,
        visible,
        csv: { file: 'bills.csv', columns: csvColumns, money: csvMoneyColumns, row: csvRow },
        read: async (limit, after) => {
          let q = filteredBills(db, visible, query)
            .leftJoin('devices as d', (j) => j.onRef('d.store_id', '=', 'b.store_id').onRef('d.id', '=', 'b.device_id'))
            .select(summaryColumns)
            .orderBy('b.occurred_at', 'desc')
            .orderBy('b.id', 'desc')
            .limit(limit);
          if (after) q = q.where(pastCursor('b.occurred_at', 'b.id', after));
          return (await q.execute()) as SummaryRow[];
        },
        view: toSummary,
        key: (r) => [new Date(r.occurred_at).toISOString(), r.id],
      });
      return out instanceof Response ? out : c.json(out, 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = getOne.id(c);
      const visible = visibleStoreIds(me);
      const row = await filteredBills(db, visible, {})
        .leftJoin('devices as d', (j) => j.onRef('d.store_id', '=', 'b.store_id').onRef('d.id', '=', 'b.device_id'))
        .select([...summaryColumns, 'b.doc'])
        .where('b.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'bill not found');
      assertStoreAccess(me, row.store_id, 'bill');
      const returns = await db
        .selectFrom('bills as r')
        .select(['r.id', 'r.number', 'r.kind', 'r.status', 'r.occurred_at', 'r.total_minor', sql<string | null>`r.doc->'cashier'->>'name'`.as('cashier_name')])
        .where('r.store_id', '=', row.store_id)
        .where('r.original_bill_id', '=', id)
        .orderBy('r.occurred_at')
        .orderBy('r.id')
        .execute();
      return c.json(
        toDetail(
          row as unknown as SummaryRow,
          row.doc as unknown as Bill,
          returns.map((r) => ({ id: r.id, number: r.number, kind: r.kind, status: r.status, occurredAt: new Date(r.occurred_at).toISOString(), totalMinor: Number(r.total_minor), cashierName: r.cashier_name })),
          (await readHubLocale(db)).currency,
        ),
        200,
      );
    });
}
