import { stockStatuses, type StockStatus } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';
import { useMemo, useState } from 'react';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { Dialog } from '../ui/dialog';
import { Notice } from '../ui/notice';
import { StockTable } from './stock-table';
import { Screen } from '../ui/screen';
import { Options } from '../ui/options';

const PAGE = 100;

export function StockScreen() {
  const api = useApi();
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StockStatus | ''>('');
  const [category, setCategory] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [dialog, setDialog] = useState<'low' | 'out' | null>(null);

  const suppliers = useQuery(() => api.listSuppliers(), [api]);
  const categories = useQuery(() => api.listCategories(), [api]);
  const all = useQuery(() => api.listStock({ limit: 1 }), [api]);
  const low = useQuery(() => api.listStock({ status: 'low', limit: 500 }), [api]);
  const out = useQuery(() => api.listStock({ status: 'out', limit: 500 }), [api]);
  const list = useQuery(
    () =>
      api.listStock({
        search: search.trim() || undefined,
        status: status || undefined,
        category: category || undefined,
        supplierId: supplierId || undefined,
        limit,
      }),
    [api, search, status, category, supplierId, limit],
  );

  const supplierNames = useMemo(() => new Map((suppliers.data ?? []).map((s) => [s.id, s.name])), [suppliers.data]);
  const supplierName = (id: string | null) => (id ? (supplierNames.get(id) ?? '—') : '—');
  const filtered = search || status || category || supplierId;
  const total = all.data?.total ?? 0;
  const lowN = low.data?.total ?? 0;
  const outN = out.data?.total ?? 0;

  return (
    <Screen name="stock" title={t('counter.nav.stock')} intro={t('stockScreen.intro')}>
      <div className="tiles">
        <div className="tile tile-brand">
          <span className="tile-label">{t('common.products')}</span>
          <span className="tile-value">{total}</span>
          <span className="tile-foot">{t('stockScreen.active')}</span>
        </div>
        <div className="tile tile-ok">
          <span className="tile-label">{t('stock.ok')}</span>
          <span className="tile-value">{Math.max(total - lowN - outN, 0)}</span>
          <span className="tile-foot">{t('stockScreen.above')}</span>
        </div>
        <button className="tile tile-low" onClick={() => setDialog('low')} data-testid="open-low">
          <span className="tile-label">{t('stockScreen.low')}</span>
          <span className="tile-value">{lowN}</span>
          <span className="tile-foot">{t('stockScreen.viewList')}</span>
        </button>
        <button className="tile tile-out" onClick={() => setDialog('out')} data-testid="open-out">
          <span className="tile-label">{t('stock.out')}</span>
          <span className="tile-value">{outN}</span>
          <span className="tile-foot">{t('stockScreen.viewList')}</span>
        </button>
      </div>
      <div className="card">
        <div className="card-pad row-wrap filters">
          <div className="field grow">
            <label htmlFor="stock-search">{t('common.search')}</label>
            <input
              id="stock-search"
              className="input"
              placeholder={t('stockScreen.searchPlaceholder')}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setLimit(PAGE);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="stock-status">{t('common.status')}</label>
            <select id="stock-status" className="select" value={status} onChange={(e) => setStatus(e.target.value as StockStatus | '')}>
              <option value="">{t('common.all')}</option>
              <Options items={stockStatuses} label={(s) => t(`stock.${s}`)} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="stock-category">{t('common.category')}</label>
            <select id="stock-category" className="select" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('common.all')}</option>
              <Options items={categories.data} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="stock-supplier">{t('common.supplier')}</label>
            <select id="stock-supplier" className="select" value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
              <option value="">{t('common.all')}</option>
              <Options items={suppliers.data} value={(s) => s.id} label={(s) => s.name} />
            </select>
          </div>
          {filtered && (
            <button
              className="btn btn-ghost"
              onClick={() => {
                setSearch('');
                setStatus('');
                setCategory('');
                setSupplierId('');
              }}
            >
              {t('common.reset')}
            </button>
          )}
        </div>
        {list.error && <Notice kind="error">{list.error.message}</Notice>}
        <div className="table-wrap">
          {list.data && list.data.items.length === 0 ? (
            <div className="empty">{filtered ? t('stockScreen.noMatch') : t('stockScreen.noProducts')}</div>
          ) : (
            <StockTable items={list.data?.items ?? []} supplierName={supplierName} testId="stock-table" />
          )}
        </div>
        {list.data && (
          <div className="card-pad row table-foot">
            <span className="muted">
              {t('common.showing', { shown: list.data.items.length, total: list.data.total })}
            </span>
            {list.data.items.length < list.data.total && (
              <button className="btn btn-sm" onClick={() => setLimit((l) => l + PAGE)}>
                {t('common.showMore')}
              </button>
            )}
          </div>
        )}
      </div>
      <Dialog title={t('stockScreen.lowTitle', { count: lowN })} open={dialog === 'low'} onClose={() => setDialog(null)} testId="low-dialog">
        {lowN === 0 ? (
          <div className="empty">{t('stockScreen.noneLow')}</div>
        ) : (
          <StockTable items={low.data?.items ?? []} supplierName={supplierName} compact />
        )}
      </Dialog>
      <Dialog title={t('stockScreen.outTitle', { count: outN })} open={dialog === 'out'} onClose={() => setDialog(null)} testId="out-dialog">
        {outN === 0 ? (
          <div className="empty">{t('stockScreen.noneOut')}</div>
        ) : (
          <StockTable items={out.data?.items ?? []} supplierName={supplierName} compact />
        )}
      </Dialog>
    </Screen>
  );
}
