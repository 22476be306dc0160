import { DomainError } from '../errors/error-codes';
import { lineTotalMinor, type BaseUnit } from '../units/units';
import type { Discount, Payment, PaymentMethod } from './bill.schema';

/*
 * The arithmetic of a bill, pure, in integer minor units. Every figure on a receipt comes from here,
 * so the counter, the hub and the reports can never disagree about what a bill came to.
 */

/** What a discount takes off `gross`: a percentage rounds half up to the paisa; never more than gross. */
export function discountMinor(gross: number, d: Discount | null): number {
  if (!d || gross <= 0) return 0;
  const off = d.kind === 'percent' ? Math.floor((gross * d.basisPoints + 5000) / 10_000) : d.minor;
  return Math.min(off, gross);
}

/** A discount as a share of what it applies to, in basis points (for the store's limit). */
export function discountBasisPoints(gross: number, off: number): number {
  return gross <= 0 ? (off > 0 ? 10_000 : 0) : Math.ceil((off * 10_000) / gross);
}

/**
 * Split `total` over `weights` in proportion (largest remainder): the parts add up to `total`
 * exactly and no part is above its weight when total ≤ Σ weights.
 */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/** Round to the store's smallest cash step (100 = whole rupees), half away from zero. */
export function roundToStep(minor: number, step: number): number {
  if (step <= 1) return minor;
  const abs = Math.abs(minor);
  const rounded = Math.floor((abs + Math.floor(step / 2)) / step) * step;
  return minor < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * What returning `qty` of a line that came to `lineTotal` for `soldQty` gives back, when
 * `returnedBefore` was returned earlier: the parts of successive returns add up to the line's
 * total exactly, so returning a line in pieces never refunds a paisa more or less than it cost.
 */
export function returnRefundMinor(lineTotal: number, soldQty: number, returnedBefore: number, qty: number): number {
  const upTo = (k: number) => Math.floor((lineTotal * k) / soldQty);
  return upTo(returnedBefore + qty) - upTo(returnedBefore);
}

export interface SaleLineMoney {
  qty: number;
  unit: BaseUnit;
  unitPriceMinor: number;
  discount: Discount | null;
  /** The line's own gross when it is not qty × price: packs at their pack price, a scale label's printed price. */
  grossMinor?: number | undefined;
}

export interface BillMoneyInput {
  sales: readonly SaleLineMoney[];
  /** Positive amounts given back for return lines (from returnRefundMinor). */
  refunds: readonly number[];
  billDiscount: Discount | null;
  cashStepMinor: number;
}

export interface LineMoney {
  grossMinor: number;
  lineDiscountMinor: number;
  billDiscountMinor: number;
  totalMinor: number;
}

export interface BillMoney {
  sales: LineMoney[];
  /** Σ sale gross − Σ refunds. */
  subtotalMinor: number;
  /** Line discounts plus the bill discount (sale lines only). */
  discountMinor: number;
  billDiscountMinor: number;
  roundingMinor: number;
  /** subtotal − discount + rounding: what is paid (negative: what is refunded). */
  totalMinor: number;
}

/** The bill's figures. The bill discount is on the goods sold (after line discounts), spread over the lines. */
export function billTotals(input: BillMoneyInput): BillMoney {
  const lines = input.sales.map((l) => {
    const gross = l.grossMinor ?? lineTotalMinor(l.unitPriceMinor, l.qty, l.unit);
    const off = discountMinor(gross, l.discount);
    return { grossMinor: gross, lineDiscountMinor: off, net: gross - off };
  });
  const netSales = lines.reduce((a, l) => a + l.net, 0);
  const billOff = discountMinor(netSales, input.billDiscount);
  const shares = spread(billOff, lines.map((l) => l.net));
  const sales = lines.map((l, i) => ({ grossMinor: l.grossMinor, lineDiscountMinor: l.lineDiscountMinor, billDiscountMinor: shares[i] ?? 0, totalMinor: l.net - (shares[i] ?? 0) }));
  const refunds = input.refunds.reduce((a, b) => a + b, 0);
  const subtotal = lines.reduce((a, l) => a + l.grossMinor, 0) - refunds;
  const discount = lines.reduce((a, l) => a + l.lineDiscountMinor, 0) + billOff;
  const net = subtotal - discount;
  const total = roundToStep(net, input.cashStepMinor);
  return { sales, subtotalMinor: subtotal, discountMinor: discount, billDiscountMinor: billOff, roundingMinor: total - net, totalMinor: total };
}

export interface PaymentInput {
  method: PaymentMethod;
  amountMinor?: number | undefined;
  tenderedMinor?: number | undefined;
}

export interface Settlement {
  payments: Payment[];
  changeMinor: number;
}

const rupees = (p: number) => (p / 100).toFixed(2);

/**
 * How a bill of `due` is settled. Methods other than cash settle exactly what they say (no
 * change on a card or a wallet); cash covers the rest and gives change from what was tendered.
 * With no payment given, the bill is paid exactly in cash. A negative `due` is a refund: the
 * amounts say how much goes back by each method (all of it in cash when none is given).
 */
export function settlePayments(due: number, inputs: readonly PaymentInput[], enabled: readonly PaymentMethod[]): Settlement {
  for (const p of inputs) {
    if (p.method !== 'cash' && !enabled.includes(p.method)) throw new DomainError('UNPROCESSABLE', `this store does not take ${p.method}; it takes ${['cash', ...enabled.filter((m) => m !== 'cash')].join(', ')}`);
  }
  if (inputs.filter((p) => p.method === 'cash').length > 1) throw new DomainError('VALIDATION_FAILED', 'give cash once, with what the customer handed over');
  if (due < 0) return settleRefund(-due, inputs);
  if (inputs.length === 0) return { payments: due > 0 ? [{ method: 'cash', amountMinor: due, tenderedMinor: due, changeMinor: 0 }] : [], changeMinor: 0 };
  const only = inputs.length === 1 ? inputs[0] : undefined;
  const others = inputs.filter((p) => p.method !== 'cash').map((p) => {
    const amount = p.amountMinor ?? (only ? due : undefined);
    if (amount === undefined) throw new DomainError('VALIDATION_FAILED', `say how much is paid by ${p.method}`);
    if (p.tenderedMinor !== undefined) throw new DomainError('VALIDATION_FAILED', `only cash is tendered; ${p.method} pays an amount`);
    return { method: p.method, amountMinor: amount } satisfies Payment;
  });
  const byOthers = others.reduce((a, p) => a + p.amountMinor, 0);
  if (byOthers > due) throw new DomainError('UNPROCESSABLE', `${rupees(byOthers)} by ${others.map((p) => p.method).join(' + ')} is more than the ${rupees(due)} due (no change is given on those)`);
  const cash = inputs.find((p) => p.method === 'cash');
  const cashDue = due - byOthers;
  if (!cash) {
    if (cashDue > 0) throw new DomainError('UNPROCESSABLE', `payments are ${rupees(cashDue)} short of the ${rupees(due)} due`);
    return { payments: others, changeMinor: 0 };
  }
  const tendered = cash.tenderedMinor ?? cash.amountMinor ?? cashDue;
  if (tendered < cashDue) throw new DomainError('UNPROCESSABLE', `cash ${rupees(tendered)} is ${rupees(cashDue - tendered)} short of the ${rupees(cashDue)} left to pay`);
  if (cashDue === 0 && tendered > 0) throw new DomainError('UNPROCESSABLE', 'nothing is left to pay in cash');
  const change = tendered - cashDue;
  const payments: Payment[] = [...others];
  if (cashDue > 0) payments.push({ method: 'cash', amountMinor: cashDue, tenderedMinor: tendered, changeMinor: change });
  return { payments, changeMinor: change };
}

function settleRefund(refund: number, inputs: readonly PaymentInput[]): Settlement {
  if (inputs.length === 0) return { payments: [{ method: 'cash', amountMinor: -refund }], changeMinor: 0 };
  const only = inputs.length === 1;
  const payments = inputs.map((p) => {
    if (p.tenderedMinor !== undefined) throw new DomainError('VALIDATION_FAILED', 'a refund is not tendered: give the amount given back');
    const amount = p.amountMinor ?? (only ? refund : undefined);
    if (amount === undefined) throw new DomainError('VALIDATION_FAILED', `say how much is refunded by ${p.method}`);
    return { method: p.method, amountMinor: -amount } satisfies Payment;
  });
  const sum = -payments.reduce((a, p) => a + p.amountMinor, 0);
  if (sum !== refund) throw new DomainError('UNPROCESSABLE', `refunds add up to ${rupees(sum)}, but ${rupees(refund)} is due back`);
  return { payments, changeMinor: 0 };
}
