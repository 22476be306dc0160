import { useQuery } from '@tanstack/react-query';
import { type BillDetail, type BillLine, type Translator } from '@bazaar/shared';
import { billsApi } from '../../api/bills.api';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { useI18n } from '../../i18n/i18n-context';
import { billTime, kindLabel, methodLabel, statusLabel, statusTone } from './bill-labels';

function lineDiscount(t: Translator, l: BillLine): string {
  const off = l.lineDiscountMinor + l.billDiscountMinor;
  if (off === 0) return '—';
  return l.discount?.kind === 'percent' ? `${t.money(off)} (${t.number(l.discount.basisPoints / 100)}%)` : t.money(off);
}

function Facts({ bill }: { bill: BillDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fact = (label: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="facts">
      {fact(t('common.store'), bill.storeName)}
      {fact(t('web.bills.counter'), bill.counterName)}
      {fact(t('web.bills.cashier'), bill.cashierName ?? t('web.bills.noCashier'))}
      {fact(t('web.bills.time'), billTime(i18n, bill))}
      {fact(t('common.kind'), bill.originalNumber ? t('web.bills.returnOf', { number: bill.originalNumber }) : kindLabel(i18n, bill.kind))}
      {fact(t('web.bills.total'), i18n.money(bill.totalMinor))}
    </dl>
  );
}

function Lines({ bill }: { bill: BillDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <table className="data-table" data-testid="bill-lines">
      <caption>{t('web.bills.lines')}</caption>
      <thead>
        <tr>
          <th>{t('web.bills.item')}</th>
          <th className="align-right">{t('common.quantity')}</th>
          <th className="align-right">{t('web.bills.unitPrice')}</th>
          <th className="align-right">{t('web.bills.discount')}</th>
          <th className="align-right">{t('web.bills.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {bill.lines.map((l) => (
          <tr key={l.lineNo}>
            <td>
              {l.name} <span className="muted">{l.sku}</span> {l.direction === 'return' && <Tag tone="warn">{kindLabel(i18n, 'return')}</Tag>}
            </td>
            <td className="align-right">{i18n.qty(l.qty, l.unit)}</td>
            <td className="align-right">{i18n.money(l.unitPriceMinor)}</td>
            <td className="align-right">{lineDiscount(i18n, l)}</td>
            <td className="align-right">{i18n.money(l.totalMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>{t('web.bills.subtotal')}</td>
          <td className="align-right">{i18n.money(bill.subtotalMinor)}</td>
        </tr>
        {bill.discountMinor > 0 && (
          <tr>
            <td colSpan={4}>{t('web.bills.discount')}</td>
            <td className="align-right">{i18n.money(-bill.discountMinor)}</td>
          </tr>
        )}
        {bill.roundingMinor !== 0 && (
          <tr>
            <td colSpan={4}>{t('web.bills.rounding')}</td>
            <td className="align-right">{i18n.money(bill.roundingMinor)}</td>
          </tr>
        )}
        <tr>
          <th colSpan={4}>{t('web.bills.total')}</th>
          <th className="align-right">{i18n.money(bill.totalMinor)}</th>
        </tr>
      </tfoot>
    </table>
  );
}

function Body({ bill }: { bill: BillDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <p>
        <Tag tone={statusTone[bill.status]}>{statusLabel(i18n, bill.status)}</Tag>
        {bill.void && <span> {t('web.bills.voidedBy', { name: bill.void.byName ?? t('web.bills.noCashier'), reason: bill.void.reason })}</span>}
        {bill.approvedByName && <span> · {t('web.bills.approvedBy', { name: bill.approvedByName })}</span>}
      </p>
      <Facts bill={bill} />
      <Lines bill={bill} />
      <h3>{t('web.bills.payments')}</h3>
      <ul data-testid="bill-payments">
        {bill.paymentDetails.map((p, i) => (
          <li key={i}>
            {methodLabel(i18n, p.method)} {i18n.money(p.amountMinor)}
            {p.tenderedMinor !== undefined && ` · ${t('web.bills.tendered', { amount: i18n.money(p.tenderedMinor), change: i18n.money(p.changeMinor ?? 0) })}`}
          </li>
        ))}
      </ul>
      <h3>{t('web.bills.returns')}</h3>
      {bill.returns.length === 0 ? (
        <p className="muted">{t('web.bills.noReturns')}</p>
      ) : (
        <ul data-testid="bill-returns">
          {bill.returns.map((r) => (
            <li key={r.id}>
              {r.number} · {billTime(i18n, { occurredAt: r.occurredAt, timeZone: bill.timeZone })} · {i18n.money(r.totalMinor)} · {r.cashierName ?? t('web.bills.noCashier')}
              {r.status === 'voided' && <> <Tag tone="bad">{statusLabel(i18n, 'voided')}</Tag></>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('web.bills.receipt')}</h3>
      <pre className="receipt" data-testid="bill-receipt" dir="ltr">
        {bill.receiptText}
      </pre>
    </>
  );
}

/** One bill: what was sold at what price and discount, how it was paid, what came back, and the receipt. */
export function BillDrilldown({ billId, title, onClose }: { billId: string | null; title: string; onClose(): void }) {
  const { t } = useI18n();
  const bill = useQuery({ queryKey: ['bills', 'one', billId], queryFn: () => billsApi.get(billId!), enabled: !!billId });
  return (
    <Dialog title={title} open={!!billId} onClose={onClose} wide>
      {bill.isLoading && <p>{t('common.loading')}</p>}
      {bill.error && <p className="form-error">{errorMessage(bill.error)}</p>}
      {bill.data && <Body bill={bill.data} />}
    </Dialog>
  );
}

