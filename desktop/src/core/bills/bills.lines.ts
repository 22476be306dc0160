import { billTotals, discountBasisPoints, DomainError, lineTotalMinor, packPriceMinor, type ApprovalReason, type BaseUnit, type BillLine, type BillPack, type Discount } from '@bazaar/shared';
import { parsePacks } from '../products/products.repository';
import type { ProductRow } from '../db/db.types';

export interface CartLine {
  product: ProductRow;
  qty: number;
  unitPriceMinor?: number | undefined;
  discount?: Discount | undefined;
  /** Sold as packs: the line's gross is their pack price (saleLinePricing). */
  pack?: BillPack | undefined;
  /** A scale label's printed price: the line's gross. */
  labelPriceMinor?: number | undefined;
  grossMinor?: number | undefined;
}

/**
 * A sale line named by a pack or a scale label: which pack and how many, and what the line's
 * gross is. A pack is sold whole (qty a multiple of its size) at its own price, or at its base
 * units' price when it has none or a price was typed for the line.
 */
export function saleLinePricing(product: ProductRow, line: { qty: number; unitPriceMinor?: number | undefined; pack?: string | undefined; labelPriceMinor?: number | undefined }, lineNo: number): Pick<CartLine, 'pack' | 'labelPriceMinor' | 'grossMinor'> {
  if (line.pack !== undefined && line.labelPriceMinor !== undefined) throw new DomainError('VALIDATION_FAILED', `line ${lineNo}: a line is a pack or a scale label, not both`);
  if (line.labelPriceMinor !== undefined) {
    if (product.unit === 'pc') throw new DomainError('UNPROCESSABLE', `line ${lineNo}: ${product.sku} is sold by the piece; a scale label's price is for weighed goods`);
    return { labelPriceMinor: line.labelPriceMinor, grossMinor: line.labelPriceMinor };
  }
  if (line.pack === undefined) return {};
  const packs = parsePacks(product.packs);
  const pack = packs.find((p) => p.name.toLowerCase() === line.pack!.toLowerCase());
  if (!pack) throw new DomainError('UNPROCESSABLE', `line ${lineNo}: ${product.sku} has no pack "${line.pack}"${packs.length ? ` (it has ${packs.map((p) => p.name).join(', ')})` : ''}`);
  if (line.qty % pack.qty !== 0) throw new DomainError('UNPROCESSABLE', `line ${lineNo}: ${line.qty} ${product.unit} is not a whole number of ${pack.name} (${pack.qty} ${product.unit} each)`);
  const count = line.qty / pack.qty;
  const unitPrice = line.unitPriceMinor ?? product.price_minor;
  const grossMinor = line.unitPriceMinor !== undefined ? undefined : packPriceMinor(count, pack, { priceMinor: unitPrice, perQty: product.unit === 'pc' ? 1 : 1000 });
  return { pack: { name: pack.name, qty: pack.qty, count }, grossMinor };
}

/** The price per pc, kg or L a line with its own gross comes to, for its movement (rounded to the paisa). */
export function effectiveUnitPriceMinor(grossMinor: number, qty: number, unit: BaseUnit): number {
  return Math.round((grossMinor * (unit === 'pc' ? 1 : 1000)) / qty);
}

/** A line given back, with what it refunds (worked out from the bill it came from). */
export interface ReturnLine {
  product: ProductRow;
  qty: number;
  unitPriceMinor: number;
  refundMinor: number;
  returnOf: BillLine['returnOf'];
  disposition: 'restock' | 'damaged';
}

export interface PricedBill {
  lines: BillLine[];
  subtotalMinor: number;
  discountMinor: number;
  roundingMinor: number;
  totalMinor: number;
  /** What needs a manager, and where (for the message). */
  approvals: ApprovalReason[];
  where: string[];
}

/**
 * Price a bill's lines: returns first (they come back at what they cost), then the goods
 * sold with their discounts and their share of the bill discount; and say what of it needs
 * a manager: a price of 0, a line that ends up below cost, a discount above the store limit.
 */
export function priceBill(returns: readonly ReturnLine[], sales: readonly CartLine[], billDiscount: Discount | null, cashStepMinor: number, maxDiscountBp: number): PricedBill {
  const priced = sales.map((l) => ({ ...l, unitPriceMinor: l.unitPriceMinor ?? l.product.price_minor, discount: l.discount ?? null }));
  const money = billTotals({ sales: priced.map((l) => ({ qty: l.qty, unit: l.product.unit, unitPriceMinor: l.unitPriceMinor, discount: l.discount, grossMinor: l.grossMinor })), refunds: returns.map((r) => r.refundMinor), billDiscount, cashStepMinor });
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
    listPriceMinor: r.product.price_minor,
    unitPriceMinor: r.unitPriceMinor,
    unitCostMinor: r.product.cost_minor,
    discount: null,
    grossMinor: lineTotalMinor(r.unitPriceMinor, r.qty, r.product.unit),
    lineDiscountMinor: 0,
    billDiscountMinor: 0,
    totalMinor: -r.refundMinor,
    returnOf: r.returnOf,
    disposition: r.disposition,
  }));
  for (const [i, l] of priced.entries()) {
    const m = money.sales[i];
    if (!m) continue;
    const lineNo = returns.length + i + 1;
    if (l.unitPriceMinor === 0) {
      approvals.push('price_zero');
      where.push(`line ${lineNo} ${l.product.sku} at 0`);
    } else if (m.totalMinor < lineTotalMinor(l.product.cost_minor, l.qty, l.product.unit)) {
      approvals.push('price_below_cost');
      where.push(`line ${lineNo} ${l.product.sku} below cost`);
    }
    if (discountBasisPoints(m.grossMinor, m.lineDiscountMinor) > maxDiscountBp) {
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
      listPriceMinor: l.product.price_minor,
      unitPriceMinor: l.unitPriceMinor,
      unitCostMinor: l.product.cost_minor,
      discount: l.discount,
      grossMinor: m.grossMinor,
      lineDiscountMinor: m.lineDiscountMinor,
      billDiscountMinor: m.billDiscountMinor,
      totalMinor: m.totalMinor,
      returnOf: null,
      disposition: null,
      ...(l.pack ? { pack: l.pack } : {}),
      ...(l.labelPriceMinor !== undefined ? { labelPriceMinor: l.labelPriceMinor } : {}),
    });
  }
  const netSales = money.sales.reduce((a, s) => a + s.grossMinor - s.lineDiscountMinor, 0);
  if (billDiscount && discountBasisPoints(netSales, money.billDiscountMinor) > maxDiscountBp) {
    approvals.push('discount_over_limit');
    where.push('bill discount');
  }
  return { lines, subtotalMinor: money.subtotalMinor, discountMinor: money.discountMinor, roundingMinor: money.roundingMinor, totalMinor: money.totalMinor, approvals, where };
}
