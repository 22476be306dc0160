import { billTotals, discountBasisPoints, DomainError, lineTotalPaise, packPricePaise, type ApprovalReason, type BaseUnit, type BillLine, type BillPack, type Discount } from '@bazaar/shared';
import { parsePacks } from '../products/products.repository';
import type { ProductRow } from '../db/db.types';

export interface CartLine {
  product: ProductRow;
  qty: number;
  unitPricePaise?: number | undefined;
  discount?: Discount | undefined;
  /** Sold as packs: the line's gross is their pack price (saleLinePricing). */
  pack?: BillPack | undefined;
  /** A scale label's printed price: the line's gross. */
  labelPricePaise?: number | undefined;
  grossPaise?: number | undefined;
}

/**
 * A sale line named by a pack or a scale label: which pack and how many, and what the line's
 * gross is. A pack is sold whole (qty a multiple of its size) at its own price, or at its base
 * units' price when it has none or a price was typed for the line.
 */
export function saleLinePricing(product: ProductRow, line: { qty: number; unitPricePaise?: number | undefined; pack?: string | undefined; labelPricePaise?: number | undefined }, lineNo: number): Pick<CartLine, 'pack' | 'labelPricePaise' | 'grossPaise'> {
  if (line.pack !== undefined && line.labelPricePaise !== undefined) throw new DomainError('VALIDATION_FAILED', `line ${lineNo}: a line is a pack or a scale label, not both`);
  if (line.labelPricePaise !== undefined) {
    if (product.unit === 'pc') throw new DomainError('UNPROCESSABLE', `line ${lineNo}: ${product.sku} is sold by the piece; a scale label's price is for weighed goods`);
    return { labelPricePaise: line.labelPricePaise, grossPaise: line.labelPricePaise };
  }
  if (line.pack === undefined) return {};
  const packs = parsePacks(product.packs);
  const pack = packs.find((p) => p.name.toLowerCase() === line.pack!.toLowerCase());
  if (!pack) throw new DomainError('UNPROCESSABLE', `line ${lineNo}: ${product.sku} has no pack "${line.pack}"${packs.length ? ` (it has ${packs.map((p) => p.name).join(', ')})` : ''}`);
  if (line.qty % pack.qty !== 0) throw new DomainError('UNPROCESSABLE', `line ${lineNo}: ${line.qty} ${product.unit} is not a whole number of ${pack.name} (${pack.qty} ${product.unit} each)`);
  const count = line.qty / pack.qty;
  const unitPrice = line.unitPricePaise ?? product.price_paise;
  const grossPaise = line.unitPricePaise !== undefined ? undefined : packPricePaise(count, pack, { pricePaise: unitPrice, perQty: product.unit === 'pc' ? 1 : 1000 });
  return { pack: { name: pack.name, qty: pack.qty, count }, grossPaise };
}

/** The price per pc, kg or L a line with its own gross comes to, for its movement (rounded to the paisa). */
export function effectiveUnitPricePaise(grossPaise: number, qty: number, unit: BaseUnit): number {
  return Math.round((grossPaise * (unit === 'pc' ? 1 : 1000)) / qty);
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
  const money = billTotals({ sales: priced.map((l) => ({ qty: l.qty, unit: l.product.unit, unitPricePaise: l.unitPricePaise, discount: l.discount, grossPaise: l.grossPaise })), refunds: returns.map((r) => r.refundPaise), billDiscount, cashStepPaise });
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
      ...(l.pack ? { pack: l.pack } : {}),
      ...(l.labelPricePaise !== undefined ? { labelPricePaise: l.labelPricePaise } : {}),
    });
  }
  const netSales = money.sales.reduce((a, s) => a + s.grossPaise - s.lineDiscountPaise, 0);
  if (billDiscount && discountBasisPoints(netSales, money.billDiscountPaise) > maxDiscountBp) {
    approvals.push('discount_over_limit');
    where.push('bill discount');
  }
  return { lines, subtotalPaise: money.subtotalPaise, discountPaise: money.discountPaise, roundingPaise: money.roundingPaise, totalPaise: money.totalPaise, approvals, where };
}
