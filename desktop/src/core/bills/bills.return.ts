import { DomainError, lineTotalMinor, returnRefundMinor, spread, type ApprovalReason, type Bill, type PaymentInput } from '@bazaar/shared';
import type { z } from 'zod';
import type { CoreContext } from '../core.context';
import type { ProductRow } from '../db/db.types';
import { writeTxSync } from '../db/write-tx';
import { productByCodeSync, resolveCartProducts, type MovementSpec } from '../movements/movements.sale';
import { approvalFor, verifyApprover } from './bills.approval';
import type { returnBillInput } from './bills.api';
import { priceBill, type ReturnLine } from './bills.lines';
import { recordBillSync } from './bills.record';
import { requireBillSync, returnedQtySync } from './bills.repository';
import { billActorSync } from './bills.settings';
import type Database from 'better-sqlite3';

type Input = z.output<typeof returnBillInput>;

/** Return lines of a bill: never more of a line than was sold minus what earlier returns took back. */
function fromReceipt(raw: Database.Database, original: Bill, lines: Input['lines']): ReturnLine[] {
  if (original.status !== 'completed') throw new DomainError('UNPROCESSABLE', `bill ${original.number} is voided: nothing on it can be returned`);
  const returned = returnedQtySync(raw, original.id);
  return lines.map((r) => {
    const line = original.lines.find((l) => l.lineNo === r.lineNo && l.direction === 'sale');
    if (!line) throw new DomainError('NOT_FOUND', `bill ${original.number} has no line ${r.lineNo} of goods sold`, { lineNo: r.lineNo });
    const before = returned.get(r.lineNo) ?? 0;
    if (before + r.qty > line.qty) {
      throw new DomainError('CONFLICT', `line ${r.lineNo} (${line.sku}) of ${original.number}: ${line.qty} sold, ${before} returned already, so at most ${line.qty - before} can come back`, { lineNo: r.lineNo, sold: line.qty, returned: before });
    }
    returned.set(r.lineNo, before + r.qty);
    const product = productByCodeSync(raw, line.productId);
    if (!product) throw new DomainError('NOT_FOUND', `line ${r.lineNo}: product ${line.sku} is no longer on this counter`);
    return { product, qty: r.qty, unitPriceMinor: line.unitPriceMinor, refundMinor: returnRefundMinor(line.totalMinor, line.qty, before, r.qty), returnOf: { billId: original.id, lineNo: line.lineNo }, disposition: r.disposition };
  });
}

function withoutReceipt(raw: Database.Database, lines: Input['unreceipted']): ReturnLine[] {
  const products = resolveCartProducts(raw, lines.map((l) => l.product));
  return lines.map((l, i) => {
    const product = products[i] as ProductRow;
    const unitPriceMinor = l.unitPriceMinor ?? product.price_minor;
    return { product, qty: l.qty, unitPriceMinor, refundMinor: lineTotalMinor(unitPriceMinor, l.qty, product.unit), returnOf: null, disposition: l.disposition };
  });
}

/** Goods back: to stock (an ADJUST up), or counted in and written off as damaged (ADJUST up, REMOVE down). */
function returnMovements(lines: readonly ReturnLine[]): (MovementSpec & { lineNo: number })[] {
  return lines.flatMap((l, i) => {
    const back = { lineNo: i + 1, product: l.product, kind: 'ADJUST' as const, qty: l.qty, unitPriceMinor: l.unitPriceMinor, unitCostMinor: l.product.cost_minor, reason: null, note: null };
    return l.disposition === 'damaged' ? [back, { ...back, kind: 'REMOVE' as const, qty: -l.qty, unitPriceMinor: null, reason: 'damage' as const }] : [back];
  });
}

/** A refund split over the methods the bill was paid by, in proportion to what each paid (exactly, to the paisa). */
function refundLikeOriginal(original: Bill, refund: number): PaymentInput[] {
  const paid = original.payments.filter((p) => p.amountMinor > 0);
  if (paid.length === 0) return [];
  const parts = spread(Math.min(refund, paid.reduce((a, p) => a + p.amountMinor, 0)), paid.map((p) => p.amountMinor));
  const out: PaymentInput[] = paid.map((p, i) => ({ method: p.method, amountMinor: parts[i] ?? 0 })).filter((p) => (p.amountMinor ?? 0) > 0);
  const left = refund - out.reduce((a, p) => a + (p.amountMinor ?? 0), 0);
  // What the bill's payments cannot cover (rounding of the return) goes back in cash.
  if (left > 0) out.push({ method: 'cash', amountMinor: left });
  return mergeMethods(out);
}

function mergeMethods(ps: PaymentInput[]): PaymentInput[] {
  const by = new Map<PaymentInput['method'], number>();
  for (const p of ps) by.set(p.method, (by.get(p.method) ?? 0) + (p.amountMinor ?? 0));
  return [...by.entries()].map(([method, amountMinor]) => ({ method, amountMinor }));
}

/**
 * A return (some or all lines of a bill, or goods without a receipt), or an exchange: the
 * return and the goods taken instead on one bill. Refunds go by the methods given, cash when
 * none is; an exchange that costs more is paid like a sale.
 */
export async function returnBill(ctx: CoreContext, input: Input): Promise<Bill> {
  const { raw } = ctx;
  if (!input.bill && !input.reason) throw new DomainError('VALIDATION_FAILED', 'reason: a return without a receipt needs a reason');
  const approver = input.approval ? await verifyApprover(ctx.db, input.approval, ctx.clock.rawMs()) : null;
  return writeTxSync(ctx.db, raw, () => {
    const { store, usersExist, actor } = billActorSync(raw, ctx.session);
    const original = input.bill ? requireBillSync(raw, input.bill).bill : null;
    const back = original ? fromReceipt(raw, original, input.lines) : withoutReceipt(raw, input.unreceipted);
    const products = resolveCartProducts(raw, input.newLines.map((l) => l.product));
    const sales = input.newLines.map((l, i) => ({ product: products[i] as ProductRow, qty: l.qty, unitPriceMinor: l.unitPriceMinor, discount: l.discount }));
    const priced = priceBill(back, sales, input.billDiscount ?? null, store.cashStepMinor, store.maxDiscountBp);
    const reasons: ApprovalReason[] = [...(original ? [] : (['return_without_receipt'] as const)), ...priced.approvals];
    const approvedBy = approvalFor(reasons, priced.where, ctx.session, approver, usersExist);
    const kind = sales.length > 0 ? 'exchange' : 'return';
    const saleMoves = priced.lines
      .filter((l) => l.direction === 'sale')
      .map((l, i) => ({ lineNo: l.lineNo, product: products[i] as ProductRow, kind: 'SALE' as const, qty: -l.qty, unitPriceMinor: l.unitPriceMinor, unitCostMinor: l.unitCostMinor, reason: null, note: null }));
    return recordBillSync({
      raw,
      clock: ctx.clock,
      store,
      actor,
      kind,
      priced,
      billDiscount: input.billDiscount ?? null,
      payments: input.payments?.length ? input.payments : (input.refundTo === 'original' && original && priced.totalMinor < 0 ? refundLikeOriginal(original, -priced.totalMinor) : []),
      approvedBy,
      original: original ? { id: original.id, number: original.number } : null,
      reason: input.reason ?? null,
      movements: [...returnMovements(back), ...saleMoves],
      action: `bill.${kind}`,
    }).bill;
  });
}
