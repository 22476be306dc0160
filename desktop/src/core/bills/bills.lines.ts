import { billTotals, discountBasisPoints, lineTotalPaise, type ApprovalReason, type BillLine, type Discount } from '@bazaar/shared';
import type { ProductRow } from '../db/db.types';

export interface CartLine {
  product: ProductRow;
  qty: number;
  unitPricePaise?: number | undefined;
  discount?: Discount | undefined;
}

/** A line given back, with what it refunds (worked out from the bill it came from). */
export interface ReturnLine {
  product: ProductRow;
  qty: number;
  unitPricePaise: number;
  refundPaise: number;
  returnOf: BillLine['returnOf'];
  disposition: 'restock' | 'damaged';
}

export interface PricedBill {
  lines: BillLine[];
  subtotalPaise: number;
  discountPaise: number;
  roundingPaise: number;
  totalPaise: number;
  /** What needs a manager, and where (for the message). */
  approvals: ApprovalReason[];
  where: string[];
}

/**
 * Price a bill's lines: returns first (they come back at what they cost), then the goods
 * sold with their discounts and their share of the bill discount; and say what of it needs
 * a manager: a price of 0, a line that ends up below cost, a discount above the store limit.
 */
export function priceBill(returns: readonly ReturnLine[], sales: readonly CartLine[], billDiscount: Discount | null, cashStepPaise: number, maxDiscountBp: number): PricedBill {
  const priced = sales.map((l) => ({ ...l, unitPricePaise: l.unitPricePaise ?? l.product.price_paise, discount: l.discount ?? null }));
  const money = billTotals({ sales: priced.map((l) => ({ qty: l.qty, unit: l.product.unit, unitPricePaise: l.unitPricePaise, discount: l.discount })), refunds: returns.map((r) => r.refundPaise), billDiscount, cashStepPaise });
  const approvals: ApprovalReason[] = [];
  const where: string[] = [];
  const lines: BillLine[] = returns.map((r, i) => ({
    lineNo: i + 1,
    direction: 'return',
    productId: r.product.id,
    sku: r.product.sku,
    name: r.product.name,
    unit: r.product.unit,
    qty: r.qty,
    listPricePaise: r.product.price_paise,
    unitPricePaise: r.unitPricePaise,
    unitCostPaise: r.product.cost_paise,
    discount: null,
    grossPaise: lineTotalPaise(r.unitPricePaise, r.qty, r.product.unit),
    lineDiscountPaise: 0,
    billDiscountPaise: 0,
    totalPaise: -r.refundPaise,
    returnOf: r.returnOf,
    disposition: r.disposition,
  }));
  for (const [i, l] of priced.entries()) {
    const m = money.sales[i];
    if (!m) continue;
    const lineNo = returns.length + i + 1;
    if (l.unitPricePaise === 0) {
      approvals.push('price_zero');
      where.push(`line ${lineNo} ${l.product.sku} at 0`);
    } else if (m.totalPaise < lineTotalPaise(l.product.cost_paise, l.qty, l.product.unit)) {
      approvals.push('price_below_cost');
      where.push(`line ${lineNo} ${l.product.sku} below cost`);
    }
    if (discountBasisPoints(m.grossPaise, m.lineDiscountPaise) > maxDiscountBp) {
      approvals.push('discount_over_limit');
      where.push(`line ${lineNo} discount`);
    }
    lines.push({
      lineNo,
      direction: 'sale',
      productId: l.product.id,
      sku: l.product.sku,
      name: l.product.name,
      unit: l.product.unit,
      qty: l.qty,
      listPricePaise: l.product.price_paise,
      unitPricePaise: l.unitPricePaise,
      unitCostPaise: l.product.cost_paise,
      discount: l.discount,
      grossPaise: m.grossPaise,
      lineDiscountPaise: m.lineDiscountPaise,
      billDiscountPaise: m.billDiscountPaise,
      totalPaise: m.totalPaise,
      returnOf: null,
      disposition: null,
    });
  }
  const netSales = money.sales.reduce((a, s) => a + s.grossPaise - s.lineDiscountPaise, 0);
  if (billDiscount && discountBasisPoints(netSales, money.billDiscountPaise) > maxDiscountBp) {
    approvals.push('discount_over_limit');
    where.push('bill discount');
  }
  return { lines, subtotalPaise: money.subtotalPaise, discountPaise: money.discountPaise, roundingPaise: money.roundingPaise, totalPaise: money.totalPaise, approvals, where };
}
