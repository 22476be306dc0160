import type { Translator } from '@bazaar/shared';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n-context';
import type { StockListItem, StockStatus } from '@bazaar/shared';
import { stockApi } from '../../api/endpoints';
import { DataTable } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { usePagedList } from '../../components/use-paged-list';
import type { Query } from '../../api/client';
import { stockColumns } from './stock-columns';
import { NeverStocked } from './never-stocked';

const colsOf = (t: Translator, qc: QueryClient) => stockColumns(t, qc).filter((c) => ['product', 'sku', 'store', 'qty', 'unit', 'reorder', 'status'].includes(c.id)).map((c) => ({ ...c, minor: c.id === 'store' }));

/** Low-stock / out-of-stock list with the page's other filters (e.g. one store) still applied. */
export function StockAlertDialog({
  status,
  filters,
  onClose,
  onPick,
}: {
  status: Exclude<StockStatus, 'ok'> | null;
  filters: Query;
  onClose(): void;
  onPick(row: StockListItem): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const cols = colsOf(i18n, qc);
  const query = { ...filters, status: status ?? undefined };
  const list = usePagedList(['stocks', 'alert', query], (cursor, limit = 50) => stockApi.list({ ...query, cursor, limit }), {
    enabled: !!status,
  });
  // The report takes fewer filters than /stocks; with others set, export from the list instead (same rows).
  const extra = Object.entries(filters).some(([k, v]) => v !== undefined && v !== '' && !['storeId', 'category', 'supplierId'].includes(k));
  // The report's largest answer; beyond it the file says how many rows it left out.
  const reportQuery = { storeId: filters.storeId, category: filters.category, supplierId: filters.supplierId, limit: 10_000 };
  const reportPath = status === 'out' ? '/reports/out-of-stock' : '/reports/low-stock';
  const title = status === 'out' ? t('stock.out') : t('stockScreen.low');
  return (
    <Dialog title={title} open={!!status} onClose={onClose} wide>
      <DataTable
        caption={t('web.stock.items', { title })}
        columns={cols}
        list={list}
        rowKey={(r) => `${r.storeId}:${r.productId}`}
        onRowClick={onPick}
        csv={{ filename: status === 'out' ? 'out-of-stock' : 'low-stock', api: extra ? undefined : { path: reportPath, query: reportQuery } }}
        empty={status === 'out' ? t('web.stock.noneOut') : t('web.stock.noneLow')}
        testId="stock-alert-table"
      />
      {/* Carried but never stocked: only where the report can apply the same filters (a store, a category). */}
      {status === 'out' && !Object.entries(filters).some(([k, v]) => v !== undefined && v !== '' && !['storeId', 'category'].includes(k)) && (
        <NeverStocked storeId={typeof filters.storeId === 'string' ? filters.storeId : undefined} category={typeof filters.category === 'string' ? filters.category : undefined} />
      )}
    </Dialog>
  );
}
