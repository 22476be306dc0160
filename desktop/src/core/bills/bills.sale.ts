import { DomainError } from '@bazaar/shared';
import type { z } from 'zod';
import { SALE_ACTION } from '../audit/audit.log';
import type { SaleResult, sellInput } from '../core.api';
import type { CoreContext } from '../core.context';
import { writeTxSync } from '../db/write-tx';
import { resolveCartProducts } from '../movements/movements.sale';
import { approvalFor, verifyApprover } from './bills.approval';
import { effectiveUnitPriceMinor, priceBill, saleLinePricing } from './bills.lines';
import { recordBillSync } from './bills.record';
import { billActorSync } from './bills.settings';
import { recordSaleCreditSync, saleCreditSync } from '../credit/credit.sale';

/** What a sale needs of the context: it reads the store's settings itself, inside its transaction. */
export type SaleContext = Pick<CoreContext, 'db' | 'raw' | 'clock' | 'session'>;

/**
 * Complete a cart: one bill, paid in full (no payment given = exact cash), its movements and
 * its audit row, or nothing. The counter's hot path: everything from BEGIN IMMEDIATE to COMMIT
 * is synchronous on prepared statements (a credit sale's ledger entry included), the store and the signed-in rule included (read in
 * the transaction, so never stale). A manager's PIN, when one is given, is checked before.
 */
export async function completeSale(ctx: SaleContext, input: z.output<typeof sellInput>): Promise<SaleResult> {
  const { raw } = ctx;
  const approver = input.approval ? await verifyApprover(ctx.db, input.approval, ctx.clock.rawMs()) : null;
  return writeTxSync(ctx.db, raw, () => {
    const { store, usersExist, actor } = billActorSync(raw, ctx.session);
    const products = resolveCartProducts(raw, input.lines.map((l) => l.product));
    const priced = priceBill([], input.lines.map((l, i) => ({ product: products[i]!, qty: l.qty, unitPriceMinor: l.unitPriceMinor, discount: l.discount, ...saleLinePricing(products[i]!, l, i + 1) })), input.billDiscount ?? null, store.cashStepMinor, store.maxDiscountBp);
    if (priced.totalMinor < 0) throw new DomainError('UNPROCESSABLE', 'a sale cannot come to less than zero');
    // What goes on a customer's account, and whether it takes them over their limit (issue 20).
    const credit = saleCreditSync(raw, store, priced.totalMinor, input.payments ?? [], input.credit);
    const approvedBy = approvalFor([...priced.approvals, ...(credit?.approvals ?? [])], [...priced.where, ...(credit?.where ?? [])], ctx.session, approver, usersExist);
    const { bill, movements } = recordBillSync({
      raw,
      clock: ctx.clock,
      store,
      actor,
      kind: 'sale',
      priced,
      billDiscount: input.billDiscount ?? null,
      payments: input.payments ?? [],
      approvedBy,
      original: null,
      reason: null,
      // A pack or a labelled bag sold at its own price: its movement carries the price per pc, kg or L it came to.
      movements: priced.lines.map((l, i) => ({ lineNo: l.lineNo, product: products[i]!, kind: 'SALE', qty: -l.qty, unitPriceMinor: l.pack || l.labelPriceMinor !== undefined ? effectiveUnitPriceMinor(l.grossMinor, l.qty, l.unit) : l.unitPriceMinor, unitCostMinor: l.unitCostMinor, reason: null, note: input.note ?? null })),
      action: SALE_ACTION,
    });
    if (credit) recordSaleCreditSync(raw, { clock: ctx.clock, store, actor, bill, credit });
    return {
      batchId: bill.id,
      billNumber: bill.number,
      totalMinor: bill.totalMinor,
      changeMinor: bill.changeMinor,
      bill,
      lines: bill.lines.map((l, i) => {
        const m = movements[i]!;
        return { movementId: m.row.id, seq: m.row.seq, productId: l.productId, sku: l.sku, name: l.name, qty: l.qty, unitPriceMinor: l.unitPriceMinor, lineTotalMinor: l.totalMinor, stockAfter: m.stockAfter };
      }),
    };
  });
}
