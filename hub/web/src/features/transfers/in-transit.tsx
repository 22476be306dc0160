import { useQuery } from '@tanstack/react-query';
import type { InTransitRow } from '@bazaar/shared';
import { DataTable, type Column } from '../../components/data-table';
import { wholeList } from '../../components/whole-list';
import { useI18n } from '../../i18n/i18n-context';
import { transfersApi } from './transfers.api';
import { qtyColumn, unitColumn } from '../../components/qty-columns';
import { storeTimeColumn } from '../shared/store-time';
import { useQueryClient } from '@tanstack/react-query';

/** What left one store and has not yet been counted in at the other, per pair of stores and product. */
export function InTransitView({ storeId }: { storeId: string }) {
  const i18n = useI18n();
  const qc = useQueryClient();
  const { t } = i18n;
  const q = useQuery({ queryKey: ['reports', 'in-transit', storeId], queryFn: () => transfersApi.inTransit({ storeId }) });
  const rows = q.data?.items ?? [];
  const columns: Column<InTransitRow>[] = [
    { id: 'from', header: t('web.transfers.fromStore'), cell: (r) => r.fromStoreCode, sort: (r) => r.fromStoreCode, csv: (r) => r.fromStoreCode },
    { id: 'to', header: t('web.transfers.toStore'), cell: (r) => r.toStoreCode, sort: (r) => r.toStoreCode, csv: (r) => r.toStoreCode },
    {
      id: 'product',
      header: t('common.product'),
      wrap: true,
      cell: (r) => (
        <>
          <bdi>{r.name}</bdi> <span className="muted sku">{r.sku}</span>
        </>
      ),
      sort: (r) => r.name,
      csv: (r) => r.name,
    },
    qtyColumn(i18n, { id: 'qty', header: t('web.transfers.inTransit'), qty: (r) => r.qty, unit: (r) => r.unit }),
    unitColumn(i18n, (r) => r.unit),
    { id: 'transfers', header: t('web.transfers.transfers'), align: 'right', cell: (r) => i18n.number(r.transfers), sort: (r) => r.transfers, csv: (r) => r.transfers },
    storeTimeColumn<InTransitRow>(qc, { id: 'oldest', header: t('web.transfers.oldestDispatch'), at: (r) => r.oldestDispatchedAt, store: (r) => r.fromStoreId }),
  ];
  return (
    <DataTable
        caption={t('web.transfers.inTransitCaption')}
        columns={columns}
        list={wholeList(rows, q)}
        rowKey={(r) => `${r.fromStoreId}/${r.toStoreId}/${r.productId}`}
        csv={{ filename: 'in-transit', api: { path: '/reports/in-transit', query: { storeId } } }}
        empty={t('web.transfers.nothingInTransit')}
        testId="in-transit-table"
      />
  );
}
