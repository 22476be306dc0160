import { DomainError, creditLimitCheck, formatMoney, settlePayments, type ApprovalReason, type Bill, type PaymentInput, type PaymentMethod } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { DeviceClock } from '../clock/device-clock';
import type { Actor } from '../core.context';
import type { BillStore } from '../bills/bills.settings';
import type { CustomersTable } from '../db/db.types';
import { prepared } from '../db/prepared';
import type { sellInput } from '../core.api';
import { appendEntrySync, balanceSync, requireCustomerSync } from './credit.repository';

export interface SaleCredit {
  customer: CustomersTable;
  amountMinor: number;
  dueOn: string | null;
  /** What the bill needs approved for it (over the customer's limit), and where, for the message. */
  approvals: ApprovalReason[];
  where: string[];
}

/**
 * What of a sale goes on a customer's account, checked inside the sale's transaction (so the
 * balance is the one the entry lands on): the amount its payments put on "credit", the customer,
 * and whether it takes them over their limit (then a manager approves, as for a discount).
 */
export function saleCreditSync(raw: Database.Database, store: BillStore, dueTotal: number, payments: readonly PaymentInput[], credit: z.output<typeof sellInput>['credit']): SaleCredit | null {
  const settled = settlePayments(dueTotal, payments, store.methods as PaymentMethod[]);
  const amountMinor = settled.payments.filter((p) => p.method === 'credit').reduce((a, p) => a + p.amountMinor, 0);
  if (amountMinor <= 0) {
    if (credit) throw new DomainError('VALIDATION_FAILED', 'a customer was named but nothing of the bill is paid by credit (add --pay credit)');
    return null;
  }
  if (!credit) throw new DomainError('VALIDATION_FAILED', 'a bill paid by credit needs the customer whose account it goes on');
  const customer = requireCustomerSync(raw, credit.customer);
  const check = creditLimitCheck(balanceSync(raw, customer.id), customer.credit_limit_minor, amountMinor);
  const over = check.overByMinor > 0;
  return {
    customer,
    amountMinor,
    dueOn: credit.dueOn ?? null,
    approvals: over ? ['credit_over_limit'] : [],
    where: over ? [`${customer.name}: ${formatMoney(check.afterMinor)} owed after this bill, limit ${formatMoney(customer.credit_limit_minor ?? 0)}`] : [],
  };
}

/** The credit-sale entry of a bill just recorded, in the same transaction. */
export function recordSaleCreditSync(raw: Database.Database, a: { clock: DeviceClock; store: BillStore; actor: Actor; bill: Bill; credit: SaleCredit }): void {
  const approvedBy = a.credit.approvals.length && a.bill.approvedBy ? { id: a.bill.approvedBy.id, name: a.bill.approvedBy.name } : null;
  appendEntrySync(raw, {
    clock: a.clock,
    storeId: a.store.storeId,
    deviceId: a.store.deviceId,
    actor: a.actor,
    customer: a.credit.customer,
    spec: { kind: 'credit_sale', amountMinor: a.credit.amountMinor, billId: a.bill.id, billNumber: a.bill.number, dueOn: a.credit.dueOn, approvedBy, note: null },
  });
}

/**
 * A voided bill takes its credit back off the customer's account: an adjustment of the opposite
 * amount, approved by whoever approved the void, in the void's transaction. Never a deletion.
 */
export function reverseSaleCreditSync(raw: Database.Database, a: { clock: DeviceClock; store: BillStore; actor: Actor; bill: Bill; approvedBy: { id: string; name: string } | null; reason: string }): void {
  const rows = prepared(raw, "SELECT customer_id, amount_minor FROM ledger_entries WHERE bill_id = ? AND kind = 'credit_sale'").all(a.bill.id) as { customer_id: string; amount_minor: number }[];
  for (const r of rows) {
    const customer = prepared(raw, 'SELECT * FROM customers WHERE id = ?').get(r.customer_id) as CustomersTable | undefined;
    if (!customer) continue;
    const by = a.approvedBy ?? { id: a.actor.userId ?? a.store.deviceId, name: a.actor.name ?? a.store.storeName };
    appendEntrySync(raw, { clock: a.clock, storeId: a.store.storeId, deviceId: a.store.deviceId, actor: a.actor, customer, spec: { kind: 'adjustment', amountMinor: -r.amount_minor, reason: `void ${a.bill.number}: ${a.reason}`, approvedBy: by, note: null } });
  }
}
