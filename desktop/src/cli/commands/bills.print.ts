import { formatQuantity, type Bill } from '@bazaar/shared';
import { cliT } from '../cli.i18n';
import { table } from '../cli.output';

function discountText(l: Bill['lines'][number]): string {
  const off = l.lineDiscountMinor + l.billDiscountMinor;
  return off > 0 ? cliT.money(-off) : '';
}

/** A bill as the CLI shows it: its lines, then totals and how it was paid. */
export function billText(bill: Bill, returnable?: Record<number, number>): string {
  const kind = cliT.t(`cli.bill.kind.${bill.kind}`);
  const out = [cliT.t('cli.bill.title', { kind, number: bill.number, when: cliT.dateTime(bill.occurredAt), cashier: bill.cashier.name ?? '-', status: cliT.t(`cli.bill.status.${bill.status}`) })];
  if (bill.originalNumber) out.push(cliT.t('cli.bill.forBill', { number: bill.originalNumber }));
  out.push('');
  const lines = table(
    cliT.t('cli.bill.linesHeader').split('|'),
    bill.lines.map((l) => [
      l.lineNo,
      l.sku,
      l.name,
      `${l.direction === 'return' ? '-' : ''}${formatQuantity(l.qty, l.unit)}`,
      cliT.money(l.unitPriceMinor),
      discountText(l),
      cliT.money(l.totalMinor),
      returnable && l.direction === 'sale' ? formatQuantity(returnable[l.lineNo] ?? 0, l.unit) : '',
    ]),
    [0, 3, 4, 5, 6, 7],
  );
  out.push(lines.trimEnd(), '');
  out.push(cliT.t('cli.sell.bill', { number: bill.number, total: cliT.money(bill.totalMinor) }));
  if (bill.discountMinor || bill.roundingMinor) out.push(cliT.t('cli.sell.discount', { discount: cliT.money(bill.discountMinor), rounding: cliT.money(bill.roundingMinor) }));
  if (bill.payments.length) {
    out.push(
      table(
        cliT.t('cli.bill.payHeader').split('|'),
        bill.payments.map((p) => [p.method, cliT.money(p.amountMinor), p.tenderedMinor !== undefined ? cliT.money(p.tenderedMinor) : '', p.changeMinor !== undefined ? cliT.money(p.changeMinor) : '']),
        [1, 2, 3],
      ).trimEnd(),
    );
  }
  if (bill.changeMinor > 0) out.push(cliT.t('cli.sell.change', { change: cliT.money(bill.changeMinor) }));
  if (bill.approvedBy) out.push(cliT.t('cli.sell.approved', { manager: bill.approvedBy.name, reasons: bill.approvedBy.reasons.join(', ') }));
  return `${out.join('\n')}\n`;
}
