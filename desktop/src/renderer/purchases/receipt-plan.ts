import { lineTotalMinor, parseMoney, receiptTotals, UnitError, type BaseUnit, type Pack, type Translator } from '@bazaar/shared';
import { typedLineQuantity } from '../ui/pack-quantity';

/** One line of the supplier's bill as the person fills it in, with what the order said of it. */
export interface ReceiptRow {
  productId: string;
  sku: string;
  name: string;
  unit: BaseUnit;
  packs: readonly Pick<Pack, 'name' | 'qty'>[];
  /** Ordered on the order the bill is against; null when not on it (or no order). */
  orderedQty: number | null;
  /** Already received against the order by earlier bills. */
  receivedBeforeQty: number;
  qtyText: string;
  /** Per pc, kg or L, in rupees as typed. */
  costText: string;
  taxText: string;
}

export type AgainstOrder = { kind: 'short' | 'over'; qty: number } | { kind: 'complete' | 'notOrdered' | 'leftOut' | 'none' };

export interface ReceiptPlanLine {
  row: ReceiptRow;
  qty: number | null;
  lineTotalMinor: number;
  against: AgainstOrder;
}

export interface ReceiptPlan {
  lines: { product: string; qty: number; costMinor: number; taxMinor: number }[];
  view: ReceiptPlanLine[];
  errors: Record<string, string>;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

function money(text: string, t: Translator): { minor: number } | { error: string } {
  if (text.trim() === '') return { minor: 0 };
  try {
    return { minor: parseMoney(text) };
  } catch (err) {
    if (err instanceof UnitError) return { error: t.t('purchases.receive.amountInvalid') };
    throw err;
  }
}

/**
 * The bill as it will be received: each line's quantity, cost and tax read as typed, the totals
 * by the same rule as the receipt document (receiptTotals), and each ordered line's standing once
 * this bill is in: still short, complete, or over. A line left empty is not on this bill.
 */
export function receiptPlan(rows: readonly ReceiptRow[], againstOrder: boolean, t: Translator): ReceiptPlan {
  const plan: ReceiptPlan = { lines: [], view: [], errors: {}, subtotalMinor: 0, taxMinor: 0, totalMinor: 0 };
  for (const row of rows) {
    const q = typedLineQuantity(row.qtyText, row.unit, row.packs, t, { allowZero: true });
    const cost = money(row.costText, t);
    const tax = money(row.taxText, t);
    const problem = (q && 'error' in q ? q.error : null) ?? ('error' in cost ? cost.error : null) ?? ('error' in tax ? tax.error : null);
    if (problem) plan.errors[row.productId] = problem;
    const qty = q && 'qty' in q && q.qty > 0 ? q.qty : null;
    const costMinor = 'minor' in cost ? cost.minor : 0;
    const taxMinor = 'minor' in tax ? tax.minor : 0;
    let against: AgainstOrder = { kind: 'none' };
    if (againstOrder) {
      if (row.orderedQty === null) against = { kind: qty === null ? 'leftOut' : 'notOrdered' };
      else {
        const after = row.receivedBeforeQty + (qty ?? 0);
        against = after < row.orderedQty ? (qty === null ? { kind: 'leftOut' } : { kind: 'short', qty: row.orderedQty - after }) : after === row.orderedQty ? { kind: 'complete' } : { kind: 'over', qty: after - row.orderedQty };
      }
    }
    const total = qty === null ? 0 : lineTotalMinor(costMinor, qty, row.unit) + taxMinor;
    plan.view.push({ row, qty, lineTotalMinor: total, against });
    if (qty !== null && !problem) plan.lines.push({ product: row.productId, qty, costMinor, taxMinor });
  }
  const totals = receiptTotals(plan.lines.map((l) => ({ receivedQty: l.qty, costMinor: l.costMinor, taxMinor: l.taxMinor, unit: rows.find((r) => r.productId === l.product)!.unit })));
  return { ...plan, ...totals };
}
