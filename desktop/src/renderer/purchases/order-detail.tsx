import type { PurchaseOrderView } from '../../core/purchases/purchases.api';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { shortWhen } from '../transfers/transfer-words';
import { packQuantity } from '../ui/pack-quantity';
import { useProducts } from '../ui/use-products';
import { dayText, lineStateText, orderStatusWord } from './purchase-words';

/** One order: what was ordered, what came and what is still to come, and the bills received against it. */
export function OrderDetail({ view, onReceive }: { view: PurchaseOrderView; onReceive: () => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const info = useQuery(() => api.info(), [api]);
  const { order, status } = view;
  const products = useProducts(order.lines.map((l) => l.productId));
  const packsOf = (id: string) => products.get(id)?.packs ?? [];
  const open = status === 'sent' || status === 'partly_received' || status === 'draft';
  return (
    <section className="card card-pad stack" aria-labelledby="order-title" data-testid="order-detail">
      <div className="supplier-group-head">
        <div>
          <h2 id="order-title" className="section-title">
            {t('purchases.order.title', { number: order.number, supplier: order.supplierName })} · {orderStatusWord(i18n, status)}
          </h2>
          <div className="muted small">
            {t('purchases.order.made', { when: shortWhen(i18n, order.createdAt), who: view.origin === 'hub' ? t('purchases.order.headOffice') : (order.createdBy.name ?? t('purchases.order.headOffice')) })}
            {order.expectedDay && <> · {t('purchases.order.expected', { day: dayText(i18n, order.expectedDay) })}</>}
            {!view.synced && info.data?.enrolled && <> · {t('purchases.order.notSynced')}</>}
          </div>
        </div>
        {open && (
          <button className="btn btn-primary" onClick={onReceive}>
            {t('purchases.order.receive')}
          </button>
        )}
      </div>
      <table className="table" data-testid="order-lines">
        <thead>
          <tr>
            <th>{t('common.product')}</th>
            <th className="num">{t('purchases.col.ordered')}</th>
            <th className="num">{t('purchases.col.received')}</th>
            <th>{t('purchases.col.againstOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.productId}>
              <td>
                <bdi className="cell-strong">{l.name}</bdi>
                <bdi className="cell-sub mono">{l.sku}</bdi>
              </td>
              <td className="num"><bdi>{packQuantity(i18n, l.orderedQty, l.unit, packsOf(l.productId))}</bdi></td>
              <td className="num"><bdi>{l.receivedQty ? packQuantity(i18n, l.receivedQty, l.unit, packsOf(l.productId)) : '—'}</bdi></td>
              <td className={l.state === 'partial' || l.state === 'over' ? 'qty-low cell-strong' : l.state === 'complete' ? 'qty-ok' : 'muted'}>
                {lineStateText(i18n, l.state, l.remainingQty, l.overQty, l.unit, packsOf(l.productId))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.unordered.length > 0 && <p className="muted">{t('purchases.order.unordered', { items: view.unordered.map((u) => `${u.name} ${i18n.qty(u.receivedQty, u.unit)}`).join(', ') })}</p>}
      <div>
        <h3 className="section-title">{t('purchases.order.receipts')}</h3>
        {view.receipts.length === 0 ? (
          <p className="muted">{t('purchases.order.noReceipts')}</p>
        ) : (
          <ul data-testid="order-receipts">
            {view.receipts.map((r) => (
              <li key={r.id}>{t('purchases.order.receipt', { number: r.number, bill: r.supplierBillNo, when: shortWhen(i18n, r.occurredAt), total: i18n.money(r.totalMinor) })}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
