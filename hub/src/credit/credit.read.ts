import { customerSchema, ledgerEntrySchema, type Customer, type LedgerEntry } from '@bazaar/shared';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CustomersTable, Database } from '../db/database.types';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export function toCustomer(r: Selectable<CustomersTable>): Customer {
  return customerSchema.parse({
    id: r.id,
    storeId: r.store_id,
    name: r.name,
    phone: r.phone,
    address: r.address,
    note: r.note,
    creditLimitMinor: r.credit_limit_minor === null ? null : Number(r.credit_limit_minor),
    deviceId: r.device_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  });
}

export function toEntry(doc: unknown): LedgerEntry {
  return ledgerEntrySchema.parse(doc);
}

/** Every customer of these stores (a store's own counters get them all; head office pages them). */
export async function customersOf(db: Kysely<Database>, storeIds: readonly string[]): Promise<Customer[]> {
  if (storeIds.length === 0) return [];
  const rows = await db.selectFrom('customers').selectAll().where('store_id', 'in', storeIds).orderBy('store_id').orderBy('id').execute();
  return rows.map(toCustomer);
}

/** Every store's customers (a chain that shares them across its stores). */
export async function allCustomers(db: Kysely<Database>): Promise<Customer[]> {
  const rows = await db.selectFrom('customers').selectAll().orderBy('store_id').orderBy('id').execute();
  return rows.map(toCustomer);
}

/** A store's entries after `afterPos` in the order they reached the hub (= commit order within a store). */
export async function entriesAfter(db: Kysely<Database>, storeId: string, afterPos: number, limit: number): Promise<{ entries: LedgerEntry[]; lastPos: number; hasMore: boolean }> {
  const rows = await db.selectFrom('credit_entries').select(['pos', 'doc']).where('store_id', '=', storeId).where('pos', '>', afterPos).orderBy('pos').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return { entries: page.map((r) => toEntry(r.doc)), lastPos: page.length ? Number(page.at(-1)!.pos) : afterPos, hasMore: rows.length > limit };
}

/**
 * Per customer a counter of `storeId` may see, the sum of their entries held by the chain's other
 * stores (the counter holds its own store's entries one by one): with sharing on, every customer's;
 * off, only the store's own customers' (what was sold to them elsewhere while sharing was on).
 */
export async function balancesElsewhere(db: Kysely<Database>, storeId: string, shared: boolean): Promise<{ customerId: string; balanceMinor: number }[]> {
  let q = db
    .selectFrom('credit_entries')
    .select(['customer_id', sql<string>`sum(amount_minor)`.as('balance')])
    .where('store_id', '<>', storeId);
  if (!shared) q = q.where('customer_store_id', '=', storeId);
  const rows = await q.groupBy('customer_id').having(sql`sum(amount_minor)`, '<>', 0).orderBy('customer_id').execute();
  return rows.map((r) => ({ customerId: r.customer_id, balanceMinor: Number(r.balance) }));
}
