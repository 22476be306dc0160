import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BaseUnit, StockListItem, Translator } from '@bazaar/shared';
import type { Column } from '../../components/data-table';
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

/** Stock on its way to each store (dispatched, not yet counted in), by `storeId/productId`: one request for the page. */
export function useIncoming(storeId: string | undefined, enabled: boolean) {
  const q = useQuery({ queryKey: ['reports', 'in-transit', 'incoming', storeId ?? ''], queryFn: () => transfersApi.inTransit({ storeId }), enabled });
  return useMemo(() => {
    const incoming = new Map<string, number>();
    for (const r of q.data?.items ?? []) incoming.set(`${r.toStoreId}/${r.productId}`, (incoming.get(`${r.toStoreId}/${r.productId}`) ?? 0) + r.qty);
    return incoming;
  }, [q.data]);
}

/** The stock list's "on its way here" column (exported too). */
export function incomingColumn(t: Translator, incoming: Map<string, number>): Column<StockListItem> {
  const of = (r: StockListItem) => incoming.get(`${r.storeId}/${r.productId}`) ?? 0;
  return { id: 'incoming', header: t.t('web.stock.incoming'), align: 'right', minor: true, cell: (r) => (of(r) ? t.qty(of(r), r.unit) : '—'), sort: of, csv: of };
}
