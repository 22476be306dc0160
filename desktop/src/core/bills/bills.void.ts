import { DomainError, type Bill } from '@bazaar/shared';
import type { z } from 'zod';
import type { CoreContext } from '../core.context';
import type { MovementRow } from '../db/db.types';
import { prepared } from '../db/prepared';
import { writeTxSync } from '../db/write-tx';
import { appendAuditSync, appendMovementsSync, productByCodeSync } from '../movements/movements.sale';
import { approvalFor, verifyApprover } from './bills.approval';
import type { voidBillInput } from './bills.api';
import { requireBillSync, returnsOfSync } from './bills.repository';
import { billActorSync } from './bills.settings';
import { reverseSaleCreditSync } from '../credit/credit.sale';

/**
 * Void a completed bill (a manager, with a reason): every stock effect it had is reversed by
 * a new ADJUST movement that references the bill; nothing is deleted. A bill whose goods were
 * returned since is voided only after those returns are (else stock would come back twice).
 */
export async function voidBill(ctx: CoreContext, input: z.output<typeof voidBillInput>): Promise<Bill> {
  const { raw } = ctx;
  const approver = input.approval ? await verifyApprover(ctx.db, input.approval, ctx.clock.rawMs()) : null;
  return writeTxSync(ctx.db, raw, () => {
    const { store, usersExist, actor } = billActorSync(raw, ctx.session);
    const { bill, local } = requireBillSync(raw, input.bill);
    if (!local) throw new DomainError('UNPROCESSABLE', `bill ${bill.number} was rung up at counter ${bill.counterCode}: void it there, or take its goods back here as a return`);
    if (bill.status === 'voided') throw new DomainError('CONFLICT', `bill ${bill.number} is already voided`);
    const later = returnsOfSync(raw, bill.id);
    if (later.length > 0) throw new DomainError('CONFLICT', `goods of ${bill.number} were returned on ${later.map((b) => b.number).join(', ')}: void ${later.length === 1 ? 'that' : 'those'} first`);
    const approvedBy = approvalFor(['void'], [], ctx.session, approver, usersExist);
    const moves = prepared(raw, "SELECT * FROM movements WHERE batch_id = ? AND kind <> 'COUNT' ORDER BY seq").all(bill.id) as MovementRow[];
    const specs = moves.map((m) => {
      const product = productByCodeSync(raw, m.product_id);
      if (!product) throw new DomainError('NOT_FOUND', `a product of ${bill.number} is no longer on this counter`);
      return { product, kind: 'ADJUST' as const, qty: -m.qty, unitPriceMinor: m.unit_price_minor, unitCostMinor: m.unit_cost_minor, reason: null, note: `void ${bill.number}` };
    });
    const written = appendMovementsSync(raw, ctx.clock, bill.id, actor.userId, specs);
    const at = new Date(ctx.clock.nowMs());
    const voided: Bill = { ...bill, status: 'voided', void: { at: at.toISOString(), by: { id: approvedBy?.id ?? actor.userId, name: approvedBy?.name ?? actor.name }, reason: input.reason } };
    prepared(raw, "UPDATE bills SET status = 'voided', doc_json = ? WHERE id = ?").run(JSON.stringify(voided), bill.id);
    reverseSaleCreditSync(raw, { clock: ctx.clock, store, actor, bill, approvedBy: approvedBy ? { id: approvedBy.id, name: approvedBy.name } : null, reason: input.reason });
    appendAuditSync(raw, {
      actor,
      action: 'bill.void',
      entity: 'bill',
      entityId: bill.id,
      storeId: store.storeId,
      before: { number: bill.number, status: bill.status, totalMinor: bill.totalMinor },
      after: { number: bill.number, status: 'voided', reason: input.reason, approvedBy: approvedBy?.name ?? null, movements: written.map((w) => ({ movementId: w.row.id, seq: w.row.seq, qty: w.row.qty })) },
      at,
    });
    return voided;
  });
}
