import { DomainError, customerSchema, ledgerEntrySchema, normalisePhone, uuidv7, type Customer, type LedgerEntry, parseMinorJson } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { DeviceClock } from '../clock/device-clock';
import type { Actor } from '../core.context';
import type { CustomersTable } from '../db/db.types';
import { prepared } from '../db/prepared';
import { escapeLike } from '../db/sql-like';
import { appendAuditSync } from '../movements/movements.sale';

type CustomerRow = CustomersTable;

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function toCustomer(r: CustomerRow, storeId: string): Customer {
  return customerSchema.parse({
    id: r.id,
    storeId,
    name: r.name,
    phone: r.phone,
    address: r.address,
    note: r.note,
    creditLimitMinor: r.credit_limit_minor,
    deviceId: r.device_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

/** Customers matching a phone (as typed, any spacing), a name (or part of one) or an id; best matches first. */
export function findCustomerRowsSync(raw: Database.Database, query: string, limit: number): CustomerRow[] {
  const q = query.trim();
  if (q === '') return prepared(raw, 'SELECT * FROM customers ORDER BY name_key, id LIMIT ?').all(limit) as CustomerRow[];
  if (uuidRe.test(q)) return prepared(raw, 'SELECT * FROM customers WHERE id = ?').all(q.toLowerCase()) as CustomerRow[];
  const phone = normalisePhone(q);
  const digits = phone.replace('+', '');
  if (digits.length >= 4 && digits.length === q.replace(/[\s\-().+]/g, '').length) {
    // A whole number, written with or without its trunk 0 or country code: match on its last 10 digits.
    // Fewer digits are part of a number ("0300" finds 0300-1234567): anywhere in it, the numbers it starts first.
    const whole = digits.length >= 10;
    const pattern = whole ? `%${escapeLike(digits.slice(-10))}` : `%${escapeLike(digits)}%`;
    return prepared(raw, "SELECT * FROM customers WHERE replace(phone, '+', '') LIKE ? ESCAPE '\\' ORDER BY (phone = ?) DESC, (replace(phone, '+', '') LIKE ? ESCAPE '\\') DESC, name_key, id LIMIT ?").all(
      pattern,
      phone,
      `${escapeLike(digits)}%`,
      limit,
    ) as CustomerRow[];
  }
  const key = nameKey(q);
  return prepared(raw, "SELECT * FROM customers WHERE name_key LIKE ? ESCAPE '\\' ORDER BY (name_key = ?) DESC, (name_key LIKE ? ESCAPE '\\') DESC, name_key, id LIMIT ?").all(
    `%${escapeLike(key)}%`,
    key,
    `${escapeLike(key)}%`,
    limit,
  ) as CustomerRow[];
}

/** Exactly one customer, or an error naming the candidates (by name and phone) to choose between. */
export function requireCustomerSync(raw: Database.Database, ref: string): CustomerRow {
  const rows = findCustomerRowsSync(raw, ref, 6);
  const exact = rows.filter((r) => r.phone === normalisePhone(ref) || r.name_key === nameKey(ref) || r.id === ref.trim().toLowerCase());
  const pick = exact.length === 1 ? exact : rows;
  if (pick.length === 1) return pick[0]!;
  if (pick.length === 0) throw new DomainError('NOT_FOUND', `no customer "${ref}" at this store (add them with: customer add)`, { customer: ref });
  throw new DomainError('CONFLICT', `"${ref}" matches ${pick.map((r) => `${r.name} (${r.phone})`).join(', ')}: give the phone number`, { customer: ref });
}

/** What the chain's other stores hold on a customer's account, as the last pull answered (0: nothing, or a customer of this store alone). */
export function elsewhereSync(raw: Database.Database, customerId: string): number {
  const r = prepared(raw, 'SELECT balance_minor AS b FROM customer_elsewhere WHERE customer_id = ?').get(customerId) as { b: number } | undefined;
  return Number(r?.b ?? 0);
}

/** The whole balance: this store's entries held here (pushed or not) and the other stores' sum. */
export function balanceSync(raw: Database.Database, customerId: string): number {
  const r = prepared(raw, 'SELECT coalesce(sum(amount_minor), 0) AS b FROM ledger_entries WHERE customer_id = ?').get(customerId) as { b: number };
  return Number(r.b) + elsewhereSync(raw, customerId);
}

export function entriesOfSync(raw: Database.Database, customerId: string): LedgerEntry[] {
  const rows = prepared(raw, 'SELECT doc_json FROM ledger_entries WHERE customer_id = ? ORDER BY occurred_at, id').all(customerId) as { doc_json: string }[];
  return rows.map((r) => ledgerEntrySchema.parse(parseMinorJson(r.doc_json)));
}

const insertEntry = `INSERT INTO ledger_entries (id, customer_id, kind, amount_minor, device_id, entry_seq, bill_id, due_on, occurred_at, doc_json, origin, pushed)
  VALUES (@id, @customer_id, @kind, @amount_minor, @device_id, @entry_seq, @bill_id, @due_on, @occurred_at, @doc_json, @origin, @pushed)`;

/** Store an entry once by id (a pulled copy of one already here changes nothing). */
export function storeEntrySync(raw: Database.Database, e: LedgerEntry, origin: 'local' | 'hub'): boolean {
  if (prepared(raw, 'SELECT 1 FROM ledger_entries WHERE id = ?').get(e.id)) return false;
  prepared(raw, insertEntry).run({
    id: e.id,
    customer_id: e.customerId,
    kind: e.kind,
    amount_minor: e.amountMinor,
    device_id: e.deviceId,
    entry_seq: e.entrySeq,
    bill_id: e.kind === 'credit_sale' ? e.billId : null,
    due_on: e.kind === 'credit_sale' ? e.dueOn : null,
    occurred_at: e.occurredAt,
    doc_json: JSON.stringify(e),
    origin,
    pushed: origin === 'hub' ? 1 : 0,
  });
  return true;
}

type EntrySpec =
  | { kind: 'credit_sale'; amountMinor: number; billId: string; billNumber: string; dueOn: string | null; approvedBy: { id: string; name: string } | null; note: string | null }
  | { kind: 'payment'; amountMinor: number; method: Extract<LedgerEntry, { kind: 'payment' }>['method']; note: string | null }
  | { kind: 'adjustment'; amountMinor: number; reason: string; approvedBy: { id: string; name: string }; note: string | null }
  | { kind: 'opening'; amountMinor: number; note: string | null };

/**
 * Append an entry inside the caller's write transaction: this device's next entry seq (max + 1
 * under the write lock, so gap-free), the entry, and its audit row with the balance after it.
 */
export function appendEntrySync(
  raw: Database.Database,
  a: { clock: DeviceClock; storeId: string; deviceId: string; actor: Actor; customer: CustomerRow; spec: EntrySpec },
): { entry: LedgerEntry; balanceMinor: number } {
  const top = prepared(raw, 'SELECT max(entry_seq) AS max FROM ledger_entries WHERE device_id = ?').get(a.deviceId) as { max: number | null } | undefined;
  const nowMs = a.clock.nowMs();
  const entry = ledgerEntrySchema.parse({
    id: uuidv7(nowMs),
    storeId: a.storeId,
    customerId: a.customer.id,
    deviceId: a.deviceId,
    entrySeq: Number(top?.max ?? 0) + 1,
    occurredAt: new Date(nowMs).toISOString(),
    by: { id: a.actor.userId, name: a.actor.name },
    ...a.spec,
  });
  storeEntrySync(raw, entry, 'local');
  const balanceMinor = balanceSync(raw, a.customer.id);
  appendAuditSync(raw, {
    actor: a.actor,
    action: `credit.${entry.kind}`,
    entity: 'customer',
    entityId: a.customer.id,
    storeId: a.storeId,
    before: null,
    after: {
      customer: a.customer.name,
      phone: a.customer.phone,
      entryId: entry.id,
      entrySeq: entry.entrySeq,
      amountMinor: entry.amountMinor,
      balanceMinor,
      ...(entry.kind === 'credit_sale' ? { billNumber: entry.billNumber, dueOn: entry.dueOn, approvedBy: entry.approvedBy?.name ?? null } : {}),
      ...(entry.kind === 'payment' ? { method: entry.method } : {}),
      ...(entry.kind === 'adjustment' ? { reason: entry.reason, approvedBy: entry.approvedBy.name } : {}),
    },
    at: new Date(nowMs),
  });
  return { entry, balanceMinor };
}
