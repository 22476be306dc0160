import { DEFAULT_CREDIT_TERM_DAYS, DomainError, ageingOf, balanceOf, overdueOf, statementOf, todayIn, uuidv7 } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { appendAuditSync } from '../movements/movements.sale';
import { approvalFor, verifyApprover } from '../bills/bills.approval';
import { billActorSync, type BillStore } from '../bills/bills.settings';
import type { CoreContext } from '../core.context';
import type { CustomersTable } from '../db/db.types';
import { prepared } from '../db/prepared';
import { writeTxSync } from '../db/write-tx';
import type { addCustomerInput, adjustBalanceInput, CustomerStatementView, CustomerView, findCustomersInput, LedgerEntryResult, overdueInput, receivePaymentInput, showCustomerInput, updateCustomerInput } from './credit.api';
import { appendEntrySync, elsewhereSync, entriesOfSync, findCustomerRowsSync, nameKey, requireCustomerSync, toCustomer } from './credit.repository';

function zoneOf(store: BillStore): string {
  return store.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A customer with the figures derived from their ledger as this counter holds it (the balance also what other stores hold on it). */
export function customerViewSync(raw: Database.Database, store: BillStore, row: CustomersTable, nowMs: number): CustomerView {
  const entries = entriesOfSync(raw, row.id);
  const clock = { timeZone: zoneOf(store), termDays: DEFAULT_CREDIT_TERM_DAYS };
  const today = todayIn(nowMs, clock.timeZone);
  const elsewhereMinor = elsewhereSync(raw, row.id);
  const balanceMinor = balanceOf(entries) + elsewhereMinor;
  return {
    customer: toCustomer(row, store.storeId),
    balanceMinor,
    elsewhereMinor,
    availableMinor: row.credit_limit_minor === null ? null : Math.max(0, row.credit_limit_minor - balanceMinor),
    overdue: overdueOf(entries, today, clock),
    ageing: ageingOf(entries, today, clock),
  };
}

const insertCustomer = `INSERT INTO customers (id, name, name_key, phone, address, note, credit_limit_minor, device_id, origin, push_state, created_at, updated_at)
  VALUES (@id, @name, @name_key, @phone, @address, @note, @credit_limit_minor, @device_id, @origin, @push_state, @created_at, @updated_at)`;

/** A new customer of this store, made here (offline is fine): one phone number is one customer on this counter. */
export async function addCustomer(ctx: CoreContext, input: z.output<typeof addCustomerInput>): Promise<CustomerView> {
  return writeTxSync(ctx.db, ctx.raw, () => {
    const { store, actor } = billActorSync(ctx.raw, ctx.session);
    const same = prepared(ctx.raw, 'SELECT name FROM customers WHERE phone = ?').get(input.phone) as { name: string } | undefined;
    if (same) throw new DomainError('CONFLICT', `${input.phone} is already ${same.name}'s number`, { phone: input.phone });
    const at = new Date(ctx.clock.nowMs()).toISOString();
    const row: CustomersTable = {
      id: uuidv7(ctx.clock.nowMs()),
      name: input.name,
      name_key: nameKey(input.name),
      phone: input.phone,
      address: input.address,
      note: input.note,
      credit_limit_minor: input.creditLimitMinor,
      device_id: store.deviceId,
      origin: 'local',
      push_state: 'pending',
      created_at: at,
      updated_at: at,
    };
    prepared(ctx.raw, insertCustomer).run(row);
    appendAuditSync(ctx.raw, { actor, action: 'customer.create', entity: 'customer', entityId: row.id, storeId: store.storeId, before: null, after: { name: row.name, phone: row.phone, creditLimitMinor: row.credit_limit_minor }, at: new Date(at) });
    return customerViewSync(ctx.raw, store, row, ctx.clock.nowMs());
  });
}

/** A changed name, address, note or limit (a limit only by a manager); the hub takes the later copy. */
export async function updateCustomer(ctx: CoreContext, input: z.output<typeof updateCustomerInput>): Promise<CustomerView> {
  return writeTxSync(ctx.db, ctx.raw, () => {
    const { store, actor } = billActorSync(ctx.raw, ctx.session);
    if (input.creditLimitMinor !== undefined && ctx.session?.role === 'staff') throw new DomainError('FORBIDDEN', `a credit limit is set by a manager; ${ctx.session.username} is staff`);
    const before = requireCustomerSync(ctx.raw, input.customer);
    const after: CustomersTable = {
      ...before,
      ...(input.name !== undefined ? { name: input.name, name_key: nameKey(input.name) } : {}),
      ...(input.address !== undefined ? { address: input.address || null } : {}),
      ...(input.note !== undefined ? { note: input.note || null } : {}),
      ...(input.creditLimitMinor !== undefined ? { credit_limit_minor: input.creditLimitMinor } : {}),
      push_state: 'pending',
      updated_at: new Date(Math.max(ctx.clock.nowMs(), Date.parse(before.updated_at) + 1)).toISOString(),
    };
    prepared(ctx.raw, 'UPDATE customers SET name = @name, name_key = @name_key, address = @address, note = @note, credit_limit_minor = @credit_limit_minor, push_state = @push_state, updated_at = @updated_at WHERE id = @id').run(after);
    appendAuditSync(ctx.raw, {
      actor,
      action: 'customer.update',
      entity: 'customer',
      entityId: before.id,
      storeId: store.storeId,
      before: { name: before.name, address: before.address, note: before.note, creditLimitMinor: before.credit_limit_minor },
      after: { name: after.name, address: after.address, note: after.note, creditLimitMinor: after.credit_limit_minor },
      at: new Date(ctx.clock.nowMs()),
    });
    return customerViewSync(ctx.raw, store, after, ctx.clock.nowMs());
  });
}

export async function findCustomers(ctx: CoreContext, input: z.output<typeof findCustomersInput>): Promise<CustomerView[]> {
  const { store } = billActorSync(ctx.raw, ctx.session);
  return findCustomerRowsSync(ctx.raw, input.query, input.limit).map((r) => customerViewSync(ctx.raw, store, r, ctx.clock.nowMs()));
}

export async function showCustomer(ctx: CoreContext, input: z.output<typeof showCustomerInput>): Promise<CustomerStatementView> {
  const { store } = billActorSync(ctx.raw, ctx.session);
  const row = requireCustomerSync(ctx.raw, input.customer);
  const view = customerViewSync(ctx.raw, store, row, ctx.clock.nowMs());
  return { ...view, storeName: store.storeName, statement: statementOf(entriesOfSync(ctx.raw, row.id), zoneOf(store), input.from ?? null, input.to ?? null) };
}

/** Money a customer pays back (cash or another method, part or all), at any counter of the store. */
export async function receivePayment(ctx: CoreContext, input: z.output<typeof receivePaymentInput>): Promise<LedgerEntryResult> {
  return writeTxSync(ctx.db, ctx.raw, () => {
    const { store, actor } = billActorSync(ctx.raw, ctx.session);
    const customer = requireCustomerSync(ctx.raw, input.customer);
    if (input.method !== 'cash' && !store.methods.includes(input.method)) throw new DomainError('UNPROCESSABLE', `this store does not take ${input.method}; it takes ${['cash', ...store.methods.filter((m) => m !== 'credit')].join(', ')}`);
    return appendEntrySync(ctx.raw, { clock: ctx.clock, storeId: store.storeId, deviceId: store.deviceId, actor, customer, spec: { kind: 'payment', amountMinor: -input.amountMinor, method: input.method, note: input.note ?? null } });
  });
}

/** A manager's correction (with a reason), or the opening balance carried over from the paper khata. */
export async function adjustBalance(ctx: CoreContext, input: z.output<typeof adjustBalanceInput>): Promise<LedgerEntryResult> {
  const approver = input.approval ? await verifyApprover(ctx.db, input.approval, ctx.clock.rawMs()) : null;
  return writeTxSync(ctx.db, ctx.raw, () => {
    const { store, usersExist, actor } = billActorSync(ctx.raw, ctx.session);
    const customer = requireCustomerSync(ctx.raw, input.customer);
    const approved = approvalFor(['ledger_adjustment'], [], ctx.session, approver, usersExist);
    const by = approved ? { id: approved.id, name: approved.name } : { id: actor.userId ?? store.deviceId, name: actor.name ?? store.storeName };
    const spec = input.opening
      ? ({ kind: 'opening', amountMinor: input.amountMinor, note: input.reason } as const)
      : ({ kind: 'adjustment', amountMinor: input.amountMinor, reason: input.reason, approvedBy: by, note: null } as const);
    return appendEntrySync(ctx.raw, { clock: ctx.clock, storeId: store.storeId, deviceId: store.deviceId, actor, customer, spec });
  });
}

/** Reads take no write lock: a sale at the next moment never waits for them. */
/** Who owes the store, largest balance first; `overdueOnly`: those with something past its due day, oldest first. */
export async function receivables(ctx: CoreContext, input: z.output<typeof overdueInput>): Promise<CustomerView[]> {
  const { store } = billActorSync(ctx.raw, ctx.session);
  const rows = prepared(ctx.raw, 'SELECT c.* FROM customers c WHERE EXISTS (SELECT 1 FROM ledger_entries e WHERE e.customer_id = c.id) OR EXISTS (SELECT 1 FROM customer_elsewhere x WHERE x.customer_id = c.id)').all() as CustomersTable[];
  const views = rows.map((r) => customerViewSync(ctx.raw, store, r, ctx.clock.nowMs())).filter((v) => v.balanceMinor !== 0);
  const chosen = input.overdueOnly ? views.filter((v) => v.overdue.overdueMinor > 0).sort((a, b) => b.overdue.daysOverdue - a.overdue.daysOverdue || b.balanceMinor - a.balanceMinor) : views.sort((a, b) => b.balanceMinor - a.balanceMinor);
  return chosen.slice(0, input.limit);
}
