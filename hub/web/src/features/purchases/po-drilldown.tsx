import { useQuery } from '@tanstack/react-query';
import type { MessageKey, PurchaseOrderDetail } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { useI18n } from '../../i18n/i18n-context';
import { poStatusLabel, poStatusTone, storeDay, storeTime } from './purchase-labels';
import { purchasesApi } from './purchases.api';

const lineTone = { pending: 'neutral', partial: 'warn', complete: 'good', over: 'warn' } as const;

/** One purchase order: received against ordered per line, its receipts, and the order as text to send. */
export function PoDrilldown({ orderId, onClose }: { orderId: string | null; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const q = useQuery({ queryKey: ['purchase-orders', 'one', orderId, i18n.locale], queryFn: () => purchasesApi.order(orderId!, { lang: i18n.locale, currency: i18n.currency.code }), enabled: !!orderId });
  return (
    <Dialog title={q.data ? t('web.purchases.orderTitle', { number: q.data.number }) : t('web.purchases.order')} open={!!orderId} onClose={onClose} wide>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      {q.isLoading && <p className="muted">…</p>}
      {q.data && <Detail po={q.data} />}
    </Dialog>
  );
}

function Detail({ po }: { po: PurchaseOrderDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Lines are in different units (pieces, grams): the share received is taken line by line, then averaged.
  const pct = po.lines.length ? Math.round((po.lines.reduce((a, l) => a + Math.min(1, l.receivedQty / l.orderedQty), 0) / po.lines.length) * 100) : 0;
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="drilldown" data-testid="po-drilldown">
      <dl className="facts">
        {fact(t('common.store'), po.storeName)}
        {fact(t('common.supplier'), po.supplierName)}
        {fact(t('common.status'), <Tag tone={poStatusTone[po.status]}>{poStatusLabel(i18n, po.status)}</Tag>)}
        {fact(t('web.purchases.created'), storeTime(i18n, po.createdAt, po.timeZone))}
        {fact(t('web.purchases.expected'), storeDay(i18n, po.expectedDay))}
        {fact(t('web.purchases.total'), i18n.money(po.totalMinor))}
      </dl>
      <div className="progress-line" data-testid="po-progress">
        <progress max={100} value={pct} aria-label={t('web.purchases.progress')} />
        <span>{t('web.purchases.progressText', { lines: po.linesReceived, total: po.lineCount, pct })}</span>
      </div>
      <div className="table-scroll">
        <table className="data-table compact" data-testid="po-lines">
          <caption>{t('web.purchases.lines')}</caption>
          <thead>
            <tr>
              <th>{t('common.product')}</th>
              <th className="num">{t('web.purchases.ordered')}</th>
              <th className="num">{t('web.purchases.received')}</th>
              <th className="num">{t('web.purchases.agreedCost')}</th>
              <th>{t('web.purchases.lineState')}</th>
            </tr>
          </thead>
          <tbody>
            {po.lines.map((l) => {
              const cost = po.order.lines.find((x) => x.lineNo === l.lineNo)?.agreedCostMinor ?? 0;
              const state = t(`po.line.${l.state}` satisfies MessageKey, { qty: i18n.qty(l.state === 'over' ? l.overQty : l.remainingQty, l.unit) });
              return (
                <tr key={l.lineNo}>
                  <td>
                    <bdi>{l.name}</bdi> <span className="muted sku">{l.sku}</span>
                  </td>
                  <td className="num">{i18n.qty(l.orderedQty, l.unit)}</td>
                  <td className="num">{i18n.qty(l.receivedQty, l.unit)}</td>
                  <td className="num">{i18n.money(cost)}</td>
                  <td>
                    <Tag tone={lineTone[l.state]}>{state}</Tag>
                  </td>
                </tr>
              );
            })}
            {po.unordered.map((u) => (
              <tr key={u.productId}>
                <td>
                  <bdi>{u.name}</bdi> <span className="muted sku">{u.sku}</span>
                </td>
                <td className="num">—</td>
                <td className="num">{i18n.qty(u.receivedQty, u.unit)}</td>
                <td className="num">—</td>
                <td>
                  <Tag tone="warn">{t('web.purchases.notOrdered')}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('web.purchases.receiptsOfOrder')}</h4>
      {po.receipts.length === 0 ? (
        <p className="muted">{t('web.purchases.nothingReceived')}</p>
      ) : (
        <ul className="plain-list" data-testid="po-receipts">
          {po.receipts.map((r) => (
            <li key={r.id}>
              {t('web.purchases.receiptLine', { number: r.number, bill: r.supplierBillNo, time: storeTime(i18n, r.occurredAt, r.timeZone), total: i18n.money(r.totalMinor) })}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('web.purchases.asText')}</h4>
      <pre className="receipt po-text" data-testid="po-text">
        {po.text}
      </pre>
    </div>
  );
}
