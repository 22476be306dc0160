import { useQuery } from '@tanstack/react-query';
import { reportsApi } from '../../api/reports.api';
import { useI18n } from '../../i18n/i18n-context';

const SHOWN = 200;

/**
 * The out-of-stock list's second half: products the store carries (every active catalog product)
 * with no stock row there yet. The counter shows them as Out; head office now does too.
 */
export function NeverStocked({ storeId, category }: { storeId: string | undefined; category: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const query = { ...(storeId ? { storeId } : {}), ...(category ? { category } : {}), limit: SHOWN };
  const q = useQuery({ queryKey: ['reports', 'never-stocked', query], queryFn: () => reportsApi.neverStocked(query) });
  if (!q.data || q.data.total === 0) return null;
  return (
    <section className="never-stocked" aria-labelledby="never-stocked-title">
      <h3 id="never-stocked-title">{t('web.stock.neverStocked', { count: i18n.number(q.data.total) })}</h3>
      <p className="muted">{t('web.stock.neverStockedHint')}</p>
      <div className="table-scroll">
        <table className="data-table compact" data-testid="never-stocked-table">
          <thead>
            <tr>
              <th>{t('common.product')}</th>
              <th>{t('common.store')}</th>
              <th>{t('common.status')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={`${r.storeId}:${r.productId}`}>
                <td>
                  <strong>
                    <bdi>{r.productName}</bdi>
                  </strong>
                  <bdi className="cell-sub">{r.sku}</bdi>
                </td>
                <td>
                  <bdi>{r.storeName}</bdi>
                  <bdi className="cell-sub">{r.storeCode}</bdi>
                </td>
                <td>{t('stock.out')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.data.truncated && <p className="muted">{t('web.stock.neverStockedMore', { shown: i18n.number(q.data.items.length), count: i18n.number(q.data.total) })}</p>}
    </section>
  );
}
