import { useQuery } from '@tanstack/react-query';
import type { SupplierPurchases } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { useI18n } from '../../i18n/i18n-context';
import { KpiCard } from '../overview/kpi-card';
import { poStatusLabel, poStatusTone, storeDay, storeTime } from './purchase-labels';
import { purchasesApi } from './purchases.api';

/** A supplier's page: its open orders, what arrived, and what was bought from it by month. */
export function SupplierView({ supplierId, storeId, from, to, onOpen }: { supplierId: string; storeId: string; from: string; to: string; onOpen(id: string): void }) {
  const { t } = useI18n();
  const query = { supplierId, storeId: storeId || undefined, from: from || undefined, to: to || undefined };
  const q = useQuery({ queryKey: ['reports', 'supplier-purchases', query], queryFn: () => purchasesApi.supplier(query), enabled: !!supplierId });
  if (!supplierId) return <p className="muted card">{t('web.purchases.pickSupplier')}</p>;
  if (q.error) return <p className="error">{errorMessage(q.error)}</p>;
  if (!q.data) return <p className="muted">{t('common.loading')}</p>;
  return <SupplierDetail s={q.data} onOpen={onOpen} />;
}

function SupplierDetail({ s, onOpen }: { s: SupplierPurchases; onOpen(id: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const bought = s.bought.reduce((a, m) => a + m.totalMinor, 0);
  const month = (m: string) => i18n.dateTime(`${m}-15T12:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div className="supplier-page" data-testid="supplier-page">
      <section className="kpis" aria-label={s.supplierName}>
        <KpiCard id="supplier-open" label={t('web.purchases.openOrders')} value={i18n.number(s.openOrders.length)} sub={i18n.money(s.openOrders.reduce((a, o) => a + o.totalMinor, 0))} />
        <KpiCard id="supplier-bought" label={t('web.purchases.bought')} value={i18n.money(bought)} fit sub={t('web.purchases.receiptCount', { count: s.bought.reduce((a, m) => a + m.receipts, 0) })} tone="info" />
        <KpiCard id="supplier-terms" label={t('web.purchases.leadTime')} value={t('web.purchases.days', { days: s.terms.leadTimeDays })} sub={t('web.purchases.termsShort', { review: s.terms.reviewDays, safety: s.terms.safetyDays })} />
      </section>
      <section className="card" aria-label={t('web.purchases.openOrders')}>
        <h3>{t('web.purchases.openOrders')}</h3>
        {s.openOrders.length === 0 ? (
          <p className="muted">{t('web.purchases.noOpenOrders')}</p>
        ) : (
          <table className="data-table compact" data-testid="supplier-open-orders">
            <thead>
              <tr>
                <th>{t('web.purchases.number')}</th>
                <th>{t('common.store')}</th>
                <th>{t('common.status')}</th>
                <th className="num">{t('web.purchases.total')}</th>
                <th>{t('web.purchases.created')}</th>
              </tr>
            </thead>
            <tbody>
              {s.openOrders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(o.id)}>
                      {o.number}
                    </button>
                  </td>
                  <td>{o.storeName}</td>
                  <td>
                    <Tag tone={poStatusTone[o.status]}>{poStatusLabel(i18n, o.status)}</Tag>
                  </td>
                  <td className="num">{i18n.money(o.totalMinor)}</td>
                  <td>{storeTime(i18n, o.createdAt, o.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="bill-reports">
        <section className="card" aria-label={t('web.purchases.byMonth')}>
          <h3>{t('web.purchases.byMonth')}</h3>
          <table className="data-table compact" data-testid="supplier-months">
            <thead>
              <tr>
                <th>{t('web.purchases.month')}</th>
                <th className="num">{t('web.purchases.receipts')}</th>
                <th className="num">{t('web.purchases.tax')}</th>
                <th className="num">{t('web.purchases.total')}</th>
              </tr>
            </thead>
            <tbody>
              {s.bought.map((m) => (
                <tr key={m.month}>
                  <td>{month(m.month)}</td>
                  <td className="num">{i18n.number(m.receipts)}</td>
                  <td className="num">{i18n.money(m.taxMinor)}</td>
                  <td className="num">{i18n.money(m.totalMinor)}</td>
                </tr>
              ))}
              {s.bought.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    {t('web.purchases.nothingBought')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
        <section className="card" aria-label={t('web.purchases.topProducts')}>
          <h3>{t('web.purchases.topProducts')}</h3>
          <table className="data-table compact" data-testid="supplier-products">
            <thead>
              <tr>
                <th>{t('common.product')}</th>
                <th className="num">{t('common.quantity')}</th>
                <th className="num">{t('web.purchases.total')}</th>
              </tr>
            </thead>
            <tbody>
              {s.topProducts.map((p) => (
                <tr key={p.productId}>
                  <td>
                    <bdi>{p.name}</bdi> <span className="muted sku">{p.sku}</span>
                  </td>
                  <td className="num">{i18n.qty(p.qty, p.unit)}</td>
                  <td className="num">{i18n.money(p.totalMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card" aria-label={t('web.purchases.recentReceipts')}>
        <h3>{t('web.purchases.recentReceipts')}</h3>
        <ul className="plain-list" data-testid="supplier-receipts">
          {s.receipts.map((r) => (
            <li key={r.id}>
              {t('web.purchases.receiptAt', { number: r.number, store: r.storeName, bill: r.supplierBillNo, day: storeDay(i18n, r.supplierBillDate), total: i18n.money(r.totalMinor) })}
            </li>
          ))}
          {s.receipts.length === 0 && <li className="muted">{t('web.purchases.nothingBought')}</li>}
        </ul>
      </section>
    </div>
  );
}
