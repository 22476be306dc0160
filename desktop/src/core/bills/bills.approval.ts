import { DomainError, type ApprovalReason } from '@bazaar/shared';
import type { SessionUser } from '../core.api';
import type { Executor } from '../db/db.types';
import { checkPin } from '../users/users.service';

/** A manager who approved at the counter (their PIN checked here, offline). */
export interface Approver {
  id: string;
  name: string;
}

/**
 * Check a manager's PIN before the bill's transaction (scrypt is slow on purpose; the write
 * lock is not held meanwhile). Wrong PINs back the username off exactly as at sign-in.
 */
export async function verifyApprover(db: Executor, input: { username: string; pin: string } | undefined, nowMs: number): Promise<Approver | null> {
  if (!input) return null;
  const u = await checkPin(db, input.username, input.pin, nowMs);
  if (u.role === 'staff') throw new DomainError('FORBIDDEN', `${u.username} is staff: a manager or admin has to approve`);
  return { id: u.id, name: u.username };
}

const words: Record<ApprovalReason, string> = {
  price_below_cost: 'a price below cost',
  price_zero: 'a price of 0',
  discount_over_limit: "a discount above the store's limit",
  return_without_receipt: 'a return without a receipt',
  void: 'voiding a bill',
  credit_over_limit: "credit above the customer's limit",
  ledger_adjustment: "a change to a customer's balance",
};

/**
 * Who approves what this bill needs: nobody when it needs nothing; a signed-in manager
 * approves their own; otherwise the manager who gave their PIN, or the bill is refused with
 * the reasons (the counter then asks for a manager's PIN and tries again).
 * Whoever approved is written into the bill and its audit row.
 */
export function approvalFor(
  reasons: readonly ApprovalReason[],
  where: readonly string[],
  session: SessionUser | null,
  approver: Approver | null,
  usersExist: boolean,
): { id: string; name: string; reasons: ApprovalReason[] } | null {
  const unique = [...new Set(reasons)];
  // A store without users (one shopkeeper with the CLI) has no manager to ask.
  if (unique.length === 0 || (!session && !usersExist)) return null;
  if (session && session.role !== 'staff') return { id: session.id, name: session.username, reasons: unique };
  if (approver) return { ...approver, reasons: unique };
  throw new DomainError('FORBIDDEN', `a manager's PIN is needed for ${unique.map((r) => words[r]).join(', ')}${where.length ? ` (${where.join('; ')})` : ''}`, { approvalRequired: unique });
}
