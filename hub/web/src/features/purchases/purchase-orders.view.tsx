import { type PurchaseOrderSummary } from '@bazaar/shared';
import { Tag } from '../../components/badges';
import { DataTable, type Column } from '../../components/data-table';
import { usePagedList } from '../../components/use-paged-list';
import { useI18n } from '../../i18n/i18n-context';
import { poStatusLabel, poStatusTone, storeDay, storeTime } from './purchase-labels';
import { purchasesApi } from './purchases.api';

export interface OrderFilters {
  storeId: string;
  supplierId: string;
  status: string;
}

/** Purchase orders of the stores the user sees, newest first; a row opens the order. */
export function PurchaseOrdersView({ filters, onOpen }: { filters: OrderFilters; onOpen(id: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const query = { storeId: filters.storeId || undefined, supplierId: filters.supplierId || undefined, status: filters.status || undefined };
  const list = usePagedList(['purchase-orders', 'list', query], (cursor, limit = 50) => purchasesApi.orders({ ...query, cursor, limit }));
  const columns: Column<PurchaseOrderSummary>[] = [
    { id: 'number', header: t('web.purchases.number'), cell: (o) => <strong>{o.number}</strong>, sort: (o) => o.number, csv: (o) => o.number },
    { id: 'store', header: t('common.store'), wrap: true, cell: (o) => o.storeName, sort: (o) => o.storeName, csv: (o) => o.storeName },
    { id: 'supplier', header: t('common.supplier'), wrap: true, cell: (o) => o.supplierName, sort: (o) => o.supplierName, csv: (o) => o.supplierName },
    { id: 'status', header: t('common.status'), cell: (o) => <Tag tone={poStatusTone[o.status]}>{poStatusLabel(i18n, o.status)}</Tag>, sort: (o) => o.status, csv: (o) => poStatusLabel(i18n, o.status) },
    {
      id: 'progress',
      header: t('web.purchases.received'),
      cell: (o) => (
        <span className="progress-cell">
          <progress max={o.lineCount} value={o.linesReceived} aria-hidden="true" /> {t('web.purchases.linesIn', { done: o.linesReceived, total: o.lineCount })}
        </span>
      ),
      sort: (o) => o.linesReceived / o.lineCount,
      csv: (o) => `${o.linesReceived}/${o.lineCount}`,
    },
    { id: 'total', header: t('web.purchases.total'), align: 'right', cell: (o) => i18n.money(o.totalMinor), sort: (o) => o.totalMinor, csvMoney: (o) => o.totalMinor },
    { id: 'expected', header: t('web.purchases.expected'), minor: true, cell: (o) => storeDay(i18n, o.expectedDay), sort: (o) => o.expectedDay, csv: (o) => o.expectedDay ?? '' },
    { id: 'made', header: t('web.purchases.madeAt'), minor: true, cell: (o) => (o.madeAt === 'head_office' ? t('web.purchases.headOffice') : t('web.purchases.counter')), csv: (o) => (o.madeAt === 'head_office' ? t('web.purchases.headOffice') : t('web.purchases.counter')) },
    { id: 'created', header: t('web.purchases.created'), cell: (o) => storeTime(i18n, o.createdAt, o.timeZone), sort: (o) => o.createdAt, csv: (o) => o.createdAt },
  ];
  return (
    <DataTable
      caption={t('web.purchases.ordersCaption')}
      columns={columns}
      list={list}
      rowKey={(o) => o.id}
      onRowClick={(o) => onOpen(o.id)}
      csv={{ filename: 'purchase-orders' }}
      empty={t('web.purchases.noOrders')}
      testId="po-table"
    />
  );
}
