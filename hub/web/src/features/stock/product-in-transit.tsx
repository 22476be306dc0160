import { useQuery } from '@tanstack/react-query';
import type { BaseUnit } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { transfersApi } from '../transfers/transfers.api';

/** One product on its way between stores (in neither store's stock until counted in): the total and each pair of stores. */
export function useProductInTransit(productId: string | null) {
  return useQuery({ queryKey: ['reports', 'in-transit', 'product', productId], queryFn: () => transfersApi.inTransit({ productId: productId! }), enabled: !!productId });
}

export function ProductInTransit({ productId, unit }: { productId: string | null; unit: BaseUnit }) {
  const i18n = useI18n();
  const { t } = i18n;
  const q = useProductInTransit(productId);
  if (!q.data) return null;
  return (
    <p className="muted" data-testid="drilldown-in-transit">
      <strong>{t('web.stock.inTransitTitle')}:</strong>{' '}
      {q.data.items.length
        ? q.data.items.map((r) => t('web.stock.inTransitLine', { from: r.fromStoreCode, to: r.toStoreCode, qty: i18n.qty(r.qty, unit) })).join(' · ')
        : t('web.stock.inTransitNone')}
    </p>
  );
}
