import { useQuery } from '@tanstack/react-query';
import type { StoreRanking } from '@bazaar/shared';
import { reportsApi } from '../../api/reports.api';
import { errorMessage } from '../../api/api-error';
import { Dialog } from '../../components/dialog';
import { useI18n } from '../../i18n/i18n-context';

/** A store's best sellers in the period, by revenue on the hub: the step from a store to its products. */
export function StoreDrill({ store, range, onClose }: { store: StoreRanking | null; range: { from?: string; to?: string }; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const q = useQuery({
    queryKey: ['reports', 'sales', 'product', store?.storeId, range],
    queryFn: () => reportsApi.salesByProduct({ ...range, storeId: store?.storeId, sort: 'revenue', limit: 20 }),
    enabled: !!store,
  });
  return (
    <Dialog title={store ? t('web.rank.storeProducts', { store: store.storeName }) : ''} open={!!store} onClose={onClose} wide>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <table className="data-table compact" data-testid="store-drill">
        <thead>
          <tr>
            <th>{t('common.product')}</th>
            <th className="num">{t('web.rank.sales')}</th>
            <th className="num">{t('web.rank.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.items.map((r) => (
            <tr key={r.productId}>
              <td>
                {r.productName} <small className="muted sku">{r.sku}</small>
              </td>
              <td className="num">{i18n.money(r.revenueMinor)}</td>
              <td className="num">{i18n.money(r.marginMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
