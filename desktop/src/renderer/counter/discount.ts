import { parseMoney, UnitError, type Discount, type MessageKey } from '@bazaar/shared';

/**
 * A discount as a cashier types it: "10%" (or "2.5 %") is a percentage, anything else an
 * amount ("50", "12.50"). Empty takes the discount off. Errors are message keys.
 */
export function parseDiscount(text: string): { discount: Discount | undefined } | { error: MessageKey } {
  const typed = text.trim();
  if (typed === '') return { discount: undefined };
  const pct = /^(\d+(?:\.\d{1,2})?)\s*%$/.exec(typed);
  if (pct) {
    const basisPoints = Math.round(Number(pct[1]) * 100);
    if (basisPoints < 1 || basisPoints > 10_000) return { error: 'bills.discount.badPercent' };
    return { discount: { kind: 'percent', basisPoints } };
  }
  const minor = parseAmount(typed);
  if (minor === null || minor === 0) return { error: 'bills.discount.badAmount' };
  return { discount: { kind: 'amount', minor } };
}

/** Integer minor units from "120" or "120.50"; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  try {
    return parseMoney(text);
  } catch (err) {
    if (err instanceof UnitError) return null;
    throw err;
  }
}

/** How a discount reads back in its box: "10%" or "50.00". */
export function discountText(d: Discount | undefined): string {
  if (!d) return '';
  if (d.kind === 'percent') return `${d.basisPoints / 100}%`;
  return (d.minor / 100).toFixed(2);
}
