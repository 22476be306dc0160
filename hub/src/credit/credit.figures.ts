import { DEFAULT_CREDIT_TERM_DAYS, ageingOf, balanceOf, overdueOf, todayIn, type Ageing, type Customer, type LedgerFacts, type Overdue } from '@bazaar/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { toCustomer } from './credit.read';

export interface StoreRef {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

export interface CustomerFigures {
  customer: Customer;
  store: StoreRef;
  balanceMinor: number;
  overdue: Overdue;
  ageing: Ageing;
  lastEntryAt: string | null;
}

export async function storesOf(db: Kysely<Database>, visible: readonly string[] | null, only?: string): Promise<StoreRef[]> {
  let q = db.selectFrom('stores').select(['id', 'code', 'name', 'time_zone']).orderBy('code');
  if (visible !== null) q = q.where('id', 'in', visible.length ? [...visible] : ['00000000-0000-0000-0000-000000000000']);
  if (only) q = q.where('id', '=', only);
  return (await q.execute()).map((s) => ({ id: s.id, code: s.code, name: s.name, timeZone: s.time_zone }));
}

/**
 * Balance, overdue and ageing of every customer of these stores, each on its store's own day,
 * from the entries the hub holds at any store (the same shared functions the counter uses). Only the columns
 * the figures need are read, never the documents.
 */
export async function customerFigures(db: Kysely<Database>, stores: readonly StoreRef[], nowMs: number, filter: { customerIds?: string[] } = {}): Promise<CustomerFigures[]> {
  if (stores.length === 0) return [];
  const ids = stores.map((s) => s.id);
  let cq = db.selectFrom('customers').selectAll().where('store_id', 'in', ids);
  // A customer's entries from every store that sold to them (a chain-shared customer buys at others too).
  let eq = db
    .selectFrom('credit_entries')
    .select(['store_id', 'customer_store_id', 'customer_id', 'id', 'amount_minor', 'occurred_at', 'due_on'])
    .where((eb) => eb.or([eb.and([eb('store_id', 'in', ids), eb('customer_store_id', 'is', null)]), eb('customer_store_id', 'in', ids)]));
  if (filter.customerIds) {
    cq = cq.where('id', 'in', filter.customerIds.length ? filter.customerIds : ['00000000-0000-0000-0000-000000000000']);
    eq = eq.where('customer_id', 'in', filter.customerIds.length ? filter.customerIds : ['00000000-0000-0000-0000-000000000000']);
  }
  const [customers, entries] = await Promise.all([cq.execute(), eq.execute()]);
  const byCustomer = new Map<string, LedgerFacts[]>();
  for (const e of entries) {
    const key = `${e.customer_store_id ?? e.store_id}/${e.customer_id}`;
    const list = byCustomer.get(key) ?? [];
    const due = e.due_on as unknown;
    list.push({ id: e.id, amountMinor: Number(e.amount_minor), occurredAt: new Date(e.occurred_at).toISOString(), dueOn: due === null ? null : due instanceof Date ? due.toISOString().slice(0, 10) : String(due).slice(0, 10) });
    byCustomer.set(key, list);
  }
  const storeById = new Map(stores.map((s) => [s.id, s]));
  return customers.map((row) => {
    const store = storeById.get(row.store_id)!;
    const facts = byCustomer.get(`${row.store_id}/${row.id}`) ?? [];
    const clock = { timeZone: store.timeZone, termDays: DEFAULT_CREDIT_TERM_DAYS };
    const today = todayIn(nowMs, store.timeZone);
    const last = facts.reduce<string | null>((a, f) => (a === null || f.occurredAt > a ? f.occurredAt : a), null);
    return { customer: toCustomer(row), store, balanceMinor: balanceOf(facts), overdue: overdueOf(facts, today, clock), ageing: ageingOf(facts, today, clock), lastEntryAt: last };
  });
}
