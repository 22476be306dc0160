import type { PurchaseOrderView } from '../../core/purchases/purchases.api';
import { useI18n } from '../i18n/i18n-context';
import { shortWhen } from '../transfers/transfer-words';
import { dayText, orderStatusTone, orderStatusWord } from './purchase-words';

interface Props {
  orders: PurchaseOrderView[];
  openOnly: boolean;
  onOpenOnly: (open: boolean) => void;
  selected: string | null;
  onSelect: (id: string) => void;
}

/** This store's purchase orders, newest first, with where each stands. */
export function OrderList({ orders, openOnly, onOpenOnly, selected, onSelect }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="card">
      <div className="card-pad row">
        <label className="row">
          <input type="checkbox" checked={openOnly} onChange={(e) => onOpenOnly(e.target.checked)} />
          {t('purchases.orders.openOnly')}
        </label>
      </div>
      {orders.length === 0 ? (
        <div className="empty">{t('purchases.orders.none')}</div>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="purchase-orders">
            <thead>
              <tr>
                <th>{t('purchases.col.order')}</th>
                <th>{t('common.supplier')}</th>
                <th>{t('common.status')}</th>
                <th className="num">{t('purchases.col.lines')}</th>
                <th className="num">{t('purchases.col.total')}</th>
                <th>{t('purchases.col.made')}</th>
                <th>{t('purchases.col.expected')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map(({ order, status }) => (
                <tr key={order.id} className={order.id === selected ? 'row-selected' : undefined} aria-selected={order.id === selected}>
                  <td>
                    <button className="btn btn-ghost btn-sm mono" aria-label={t('purchases.orders.open', { number: order.number })} onClick={() => onSelect(order.id)}>
                      <bdi>{order.number}</bdi>
                    </button>
                  </td>
                  <td>
                    <bdi className="cell-strong">{order.supplierName}</bdi>
                  </td>
                  <td>
                    <span className={`badge badge-${orderStatusTone(status)}`}>{orderStatusWord(i18n, status)}</span>
                  </td>
                  <td className="num">{order.lines.length}</td>
                  <td className="num nowrap">{i18n.money(order.totalMinor)}</td>
                  <td className="nowrap">{shortWhen(i18n, order.createdAt)}</td>
                  <td className="nowrap">{order.expectedDay ? dayText(i18n, order.expectedDay) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
