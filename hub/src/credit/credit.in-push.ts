import { DomainError, type Customer, type LedgerEntry, type PushRequest } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';

export interface CreditOutcome {
  customersStored: number;
  customersChanged: number;
  entriesStored: number;
  /** Entries the hub already held (a replay, a copy that rode twice): counted once, never again. */
  entriesIgnored: number;
}

/**
 * The customers and ledger entries of a push, stored in its transaction after the store's counter
 * row is held (so entries of one store reach `pos` in commit order). Customers first, by id: a
 * later copy (`updatedAt`) replaces an earlier one. Entries after, once by id and once by
 * (device, entry seq): a replay changes nothing. The store is the device's, whatever a document
 * says, and the device is the pushing one. Rows in key order, one statement per kind.
 */
export async function storeCreditOfPush(
  trx: Transaction<Database>,
  device: { storeId: string; deviceId: string },
  request: Pick<PushRequest, 'customers' | 'creditEntries'>,
  now: Date,
): Promise<CreditOutcome | null> {
  if (request.customers.length === 0 && request.creditEntries.length === 0) return null;
  const out: CreditOutcome = { customersStored: 0, customersChanged: 0, entriesStored: 0, entriesIgnored: 0 };
  const customers = inKeyOrder(request.customers);
  if (customers.length) {
    const { rows } = await customersUpsertSql(device.storeId, customers, now).execute(trx);
    out.customersStored = rows.filter((r) => r.inserted).length;
    out.customersChanged = rows.length - out.customersStored;
  }
  const entries = inKeyOrder(request.creditEntries).map((e) => ({ ...e, storeId: device.storeId, deviceId: device.deviceId }));
  if (entries.length) {
    const homes = await homeStores(trx, device.storeId, entries.map((e) => e.customerId));
    const { rows } = await entriesInsertSql(device.storeId, entries, homes, now).execute(trx);
    out.entriesStored = rows.length;
    out.entriesIgnored = entries.length - rows.length;
  }
  return out;
}

/**
 * Each entry's customer's own store when it is another store's (a chain-shared customer): null
 * for this store's own. A customer the hub does not know anywhere refuses the push (it went with
 * its first entries, so this is a counter's bug, never a lost entry: the counter keeps it).
 */
async function homeStores(trx: Transaction<Database>, storeId: string, customerIds: readonly string[]): Promise<Record<string, string | null>> {
  const ids = [...new Set(customerIds)];
  const rows = await trx.selectFrom('customers').select(['id', 'store_id']).where('id', 'in', ids).execute();
  const out: Record<string, string | null> = {};
  for (const r of rows) if (out[r.id] !== null) out[r.id] = r.store_id === storeId ? null : r.store_id;
  const unknown = ids.filter((id) => !(id in out));
  if (unknown.length) throw new DomainError('UNPROCESSABLE', `credit entries name ${unknown.length} customer(s) the hub does not know; push the customer with its first entry`, { customerIds: unknown.slice(0, 10) });
  return out;
}

function inKeyOrder<T extends { id: string }>(docs: readonly T[]): T[] {
  return [...new Map(docs.map((d) => [d.id, d])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function customersUpsertSql(storeId: string, sorted: readonly Customer[], now: Date) {
  return sql<{ id: string; inserted: boolean }>`
    INSERT INTO customers AS c (store_id, id, name, phone, address, note, credit_limit_minor, device_id, created_at, updated_at, received_at)
    SELECT coalesce((SELECT h.store_id FROM customers h WHERE h.id = (d->>'id')::uuid ORDER BY h.store_id = ${storeId}::uuid DESC LIMIT 1), ${storeId}::uuid),
           (d->>'id')::uuid, d->>'name', d->>'phone', d->>'address', d->>'note', (d->>'creditLimitMinor')::bigint,
           (d->>'deviceId')::uuid, (d->>'createdAt')::timestamptz, (d->>'updatedAt')::timestamptz, ${now}
    FROM jsonb_array_elements(${JSON.stringify(sorted)}::jsonb) AS d
    ON CONFLICT (store_id, id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, note = EXCLUDED.note,
      credit_limit_minor = EXCLUDED.credit_limit_minor, updated_at = EXCLUDED.updated_at
      WHERE EXCLUDED.updated_at > c.updated_at
    RETURNING id, (xmax = 0) AS inserted`;
}

function entriesInsertSql(storeId: string, sorted: readonly LedgerEntry[], homes: Record<string, string | null>, now: Date) {
  return sql<{ id: string }>`
    INSERT INTO credit_entries (store_id, id, customer_id, customer_store_id, kind, amount_minor, device_id, entry_seq, bill_id, method, due_on, occurred_at, doc, received_at)
    SELECT ${storeId}::uuid, (d->>'id')::uuid, (d->>'customerId')::uuid, (${JSON.stringify(homes)}::jsonb ->> (d->>'customerId'))::uuid, d->>'kind', (d->>'amountMinor')::bigint, (d->>'deviceId')::uuid,
           (d->>'entrySeq')::bigint, (d->>'billId')::uuid, d->>'method', (d->>'dueOn')::date, (d->>'occurredAt')::timestamptz, d, ${now}
    FROM jsonb_array_elements(${JSON.stringify(sorted)}::jsonb) AS d
    ORDER BY (d->>'entrySeq')::bigint
    ON CONFLICT DO NOTHING
    RETURNING id`;
}
