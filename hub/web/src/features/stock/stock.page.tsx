import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StockListItem } from '@bazaar/shared';
import { stockApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { ExportJobButton } from '../../components/export-job';
import { Dialog } from '../../components/dialog';
import { usePagedList } from '../../components/use-paged-list';
import { useDebounced } from '../../components/use-debounced';
import { useUrlFilters } from '../../components/url-filters';
import { useName } from '../shared/lookups';
import { MovementForm } from '../movements/movement-form';
import { ProductDrilldown } from './product-drilldown';
import { StockAlertDialog } from './stock-alert-dialog';
import { StockFilters, stockQuery, stockUrlDefaults, fromStockUrl, toStockUrl } from './stock-filters';
import { stockColumns } from './stock-columns';
import { incomingColumn, useIncoming } from './product-in-transit';
import { useI18n } from '../../i18n/i18n-context';

export function StockPage() {
  const user = useUser();
  const i18n = useI18n();
  const qc = useQueryClient();
  const { t } = i18n;
  // Every filter and the open low/out list live in the address: a reload or a shared link shows the same rows.
  const [url, setUrl] = useUrlFilters('/stock', stockUrlDefaults);
  const names = { store: useName('store', url.store || null).data?.name, supplier: useName('supplier', url.supplier || null).data?.name };
  const filters = fromStockUrl(url, names);
  const setFilters = (next: typeof filters) => setUrl(toStockUrl(next));
  const alert = url.alert === 'low' || url.alert === 'out' ? url.alert : null;
  const setAlert = (a: 'low' | 'out' | null) => setUrl({ alert: a ?? '' });
  const [drill, setDrill] = useState<string | null>(null);
  const [moveFor, setMoveFor] = useState<StockListItem | null>(null);
  // Debounced as text: the filters object is rebuilt from the address on every render.
  const query = JSON.parse(useDebounced(JSON.stringify(stockQuery(filters)))) as ReturnType<typeof stockQuery>;
  const list = usePagedList(['stocks', 'list', query], (cursor, limit = 50) => stockApi.list({ ...query, cursor, limit }));
  const { status: _ignored, ...alertScope } = query;
  const incoming = useIncoming(filters.store?.id, allowed(user, 'viewStockFlows'));

  const columns = useMemo<Column<StockListItem>[]>(() => {
    const base = stockColumns(i18n, qc);
    // In transit to the store beside what it holds (in neither store's stock until counted in).
    if (allowed(user, 'viewStockFlows')) base.splice(base.findIndex((c) => c.id === 'qty') + 1, 0, incomingColumn(i18n, incoming));
    return allowed(user, 'postMovements')
      ? [
          ...base,
          {
            id: 'act',
            header: '',
            cell: (r) => (
              <button
                type="button"
                className="btn btn-sm"
                onClick={(e) => {
                  e.stopPropagation();
                  setMoveFor(r);
                }}
              >
                {t('web.stock.record')}
              </button>
            ),
          },
        ]
      : base;
  }, [user, i18n, incoming, qc]);

  return (
    <div className="page">
      <StockFilters value={filters} onChange={setFilters} />
      <div className="alert-strip">
        <button type="button" className="alert-btn alert-low" onClick={() => setAlert('low')}>
          <span aria-hidden="true">▲</span> {t('web.stock.lowItems')}
        </button>
        <button type="button" className="alert-btn alert-out" onClick={() => setAlert('out')}>
          <span aria-hidden="true">●</span> {t('web.stock.outItems')}
        </button>
        <span className="muted">{t('web.stock.clickRow')}</span>
      </div>
      <DataTable
        caption={t('web.stock.byStore')}
        columns={columns}
        list={list}
        rowKey={(r) => `${r.storeId}:${r.productId}`}
        onRowClick={(r) => setDrill(r.productId)}
        csv={{ filename: 'stock' }}
        toolbar={allowed(user, 'viewReports') && <ExportJobButton params={{ kind: 'stock', ...(filters.store ? { storeId: filters.store.id } : {}) }} filename="stock-all" />}
        testId="stock-table"
      />
      <StockAlertDialog
        status={alert}
        filters={alertScope}
        onClose={() => setAlert(null)}
        onPick={(r) => {
          setAlert(null);
          setDrill(r.productId);
        }}
      />
      <ProductDrilldown productId={drill} onClose={() => setDrill(null)} />
      <Dialog title={t('web.stock.recordMovement')} open={!!moveFor} onClose={() => setMoveFor(null)} wide>
        {moveFor && (
          <MovementForm
            store={{ id: moveFor.storeId, label: moveFor.storeName }}
            product={{ id: moveFor.productId, label: moveFor.productName }}
            onDone={() => setMoveFor(null)}
          />
        )}
      </Dialog>
    </div>
  );
}
