import { lineTotalMinor, returnRefundMinor, type BaseUnit, type Bill, type ReturnDisposition } from '@bazaar/shared';

export interface ReturnChoice {
  qty: number;
  disposition: ReturnDisposition;
}

export interface NewLine {
  product: { id: string; name: string; unit: BaseUnit; priceMinor: number };
  qty: number;
}

/** The sold lines of a bill with what was sold, returned before and can still come back. */
export function soldLines(bill: Bill, returnable: Record<number, number>) {
  return bill.lines
    .filter((l) => l.direction === 'sale')
    .map((l) => {
      const left = returnable[l.lineNo] ?? 0;
      return { line: l, sold: l.qty, returned: l.qty - left, returnable: left };
    });
}

/**
 * What the return gives back and what the new goods cost, by the core's own arithmetic
 * (returnRefundMinor: returning a line in parts never refunds more than it cost). Positive net: the customer pays.
 */
export function returnMoney(bill: Bill | null, returnable: Record<number, number>, choices: Record<number, ReturnChoice>, newLines: readonly NewLine[]) {
  let refund = 0;
  for (const s of bill ? soldLines(bill, returnable) : []) {
    const c = choices[s.line.lineNo];
    if (c && c.qty > 0) refund += returnRefundMinor(s.line.totalMinor, s.sold, s.returned, Math.min(c.qty, s.returnable));
  }
  const taken = newLines.reduce((a, l) => a + lineTotalMinor(l.product.priceMinor, l.qty, l.product.unit), 0);
  return { refundMinor: refund, newMinor: taken, netMinor: taken - refund };
}
