import type { GoodsReceiptSummary } from '@bazaar/shared';
import { DataTable, type Column } from '../../components/data-table';
import { usePagedList } from '../../components/use-paged-list';
import { useI18n } from '../../i18n/i18n-context';
import { storeDay, storeTime } from './purchase-labels';
import { purchasesApi } from './purchases.api';

/** Goods receipts (suppliers' bills entered at the counters), newest first; its order opens from a row. */
export function GoodsReceiptsView({ filters, onOpenOrder }: { filters: { storeId: string; supplierId: string; from: string; to: string }; onOpenOrder(id: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const query = { storeId: filters.storeId || undefined, supplierId: filters.supplierId || undefined, from: filters.from || undefined, to: filters.to || undefined };
  const list = usePagedList(['goods-receipts', 'list', query], (cursor, limit = 50) => purchasesApi.receipts({ ...query, cursor, limit }));
  const columns: Column<GoodsReceiptSummary>[] = [
    { id: 'number', header: t('web.purchases.receiptNumber'), cell: (g) => <strong>{g.number}</strong>, sort: (g) => g.number, csv: (g) => g.number },
    { id: 'store', header: t('common.store'), wrap: true, cell: (g) => g.storeName, sort: (g) => g.storeName, csv: (g) => g.storeName },
    { id: 'supplier', header: t('common.supplier'), wrap: true, cell: (g) => g.supplierName, sort: (g) => g.supplierName, csv: (g) => g.supplierName },
    { id: 'bill', header: t('web.purchases.supplierBill'), cell: (g) => `${g.supplierBillNo} · ${storeDay(i18n, g.supplierBillDate)}`, sort: (g) => g.supplierBillDate, csv: (g) => g.supplierBillNo },
    { id: 'po', header: t('web.purchases.order'), cell: (g) => (g.poId ? g.poNumber : <span className="muted">{t('web.purchases.noOrder')}</span>), csv: (g) => g.poNumber ?? '' },
    { id: 'lines', header: t('web.purchases.lines'), align: 'right', minor: true, cell: (g) => i18n.number(g.lineCount), csv: (g) => g.lineCount },
    { id: 'tax', header: t('web.purchases.tax'), align: 'right', minor: true, cell: (g) => i18n.money(g.taxMinor), sort: (g) => g.taxMinor, csvMoney: (g) => g.taxMinor },
    { id: 'total', header: t('web.purchases.total'), align: 'right', cell: (g) => i18n.money(g.totalMinor), sort: (g) => g.totalMinor, csvMoney: (g) => g.totalMinor },
    { id: 'at', header: t('web.purchases.receivedAt'), cell: (g) => storeTime(i18n, g.occurredAt, g.timeZone), sort: (g) => g.occurredAt, csv: (g) => g.occurredAt },
  ];
  return (
    <DataTable
      caption={t('web.purchases.receiptsCaption')}
      columns={columns}
      list={list}
      rowKey={(g) => g.id}
      onRowClick={(g) => g.poId && onOpenOrder(g.poId)}
      csv={{ filename: 'goods-receipts' }}
      empty={t('web.purchases.noReceipts')}
      testId="gr-table"
    />
  );
}
