import { DomainError, customerDetailSchema, customerListQuerySchema, customerStatementQuerySchema, customerSummarySchema, normalisePhone, statementOf } from '@bazaar/shared';
import { z } from 'zod';
import { Hono } from 'hono';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { toEntry } from './credit.read';
import { customerFigures, storesOf, type CustomerFigures } from './credit.figures';
import { readCreditSettings } from './credit.settings';

const tag = 'customers';
const list = route({
  summary: 'Customers of the stores you see, with what each owes and what is overdue (largest balance first; `overdue=true`: the overdue list, most days late first)',
  tag,
  query: customerListQuerySchema,
  responses: { 200: z.object({ items: z.array(customerSummarySchema) }) },
});
const getOne = route({
  summary: "One customer with their statement: opening balance, bills on credit, payments, closing balance (the store's days)",
  tag,
  id: { notFound: 'customer not found' },
  query: customerStatementQuerySchema,
  responses: { 200: customerDetailSchema },
});

const summary = (f: CustomerFigures) => ({ customer: f.customer, storeCode: f.store.code, storeName: f.store.name, balanceMinor: f.balanceMinor, overdueMinor: f.overdue.overdueMinor, daysOverdue: f.overdue.daysOverdue, lastEntryAt: f.lastEntryAt });

/** Head office reads the customers of its stores (admins all, managers theirs; staff and counters are refused). */
export function createCustomersRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      // A chain that shares customers shows every store's on this list (their stores' figures stay scoped elsewhere).
      const shared = (await readCreditSettings(db)).shareCustomers;
      if (query.storeId && !shared) assertStoreAccess(me, query.storeId);
      const stores = await storesOf(db, shared ? null : visibleStoreIds(me), query.storeId);
      let rows = await customerFigures(db, stores, deps.clock.now());
      if (query.q) {
        const digits = normalisePhone(query.q).replace('+', '');
        const text = query.q.toLowerCase();
        rows = rows.filter((r) => r.customer.name.toLowerCase().includes(text) || (digits.length >= 3 && r.customer.phone.includes(digits)));
      }
      if (query.owing === 'true') rows = rows.filter((r) => r.balanceMinor > 0);
      if (query.overdue === 'true') rows = rows.filter((r) => r.overdue.overdueMinor > 0);
      rows.sort((a, b) => (query.overdue === 'true' ? b.overdue.daysOverdue - a.overdue.daysOverdue : 0) || b.balanceMinor - a.balanceMinor || a.customer.name.localeCompare(b.customer.name));
      return c.json({ items: rows.slice(0, query.limit).map(summary) }, 200);
    })
    .get('/:id', getOne, async (c) => {
      const me = requireUser(c, ['admin', 'manager']);
      const id = getOne.id(c);
      const query = getOne.query(c);
      const row = await db.selectFrom('customers').select(['store_id']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'customer not found');
      if (!(await readCreditSettings(db)).shareCustomers) assertStoreAccess(me, row.store_id, 'customer');
      const [store] = await storesOf(db, null, row.store_id);
      const [f] = await customerFigures(db, store ? [store] : [], deps.clock.now(), { customerIds: [id] });
      if (!f || !store) throw new DomainError('NOT_FOUND', 'customer not found');
      const docs = await db
        .selectFrom('credit_entries')
        .select('doc')
        .where('customer_id', '=', id)
        .where((eb) => eb.or([eb.and([eb('store_id', '=', row.store_id), eb('customer_store_id', 'is', null)]), eb('customer_store_id', '=', row.store_id)]))
        .orderBy('occurred_at')
        .orderBy('id')
        .execute();
      const statement = statementOf(docs.map((d) => toEntry(d.doc)), store.timeZone, query.from ?? null, query.to ?? null);
      return c.json({ ...summary(f), timeZone: store.timeZone, ageing: f.ageing, oldestDueDay: f.overdue.oldestDueDay, statement }, 200);
    });
}
