import { useQuery } from '@tanstack/react-query';
import type { DeadStockRow, MessageKey, ShrinkageRow } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { DataTable, type Column } from '../../components/data-table';
import { useDebounced } from '../../components/use-debounced';
import { wholeList } from '../../components/whole-list';
import { useI18n } from '../../i18n/i18n-context';
import { storeDay } from '../purchases/purchase-labels';
import { marginsApi } from './margins.api';
import { qtyColumn, unitColumn } from '../../components/qty-columns';

/** On hand, unsold for N store days: the money tied up, biggest first. */
export function DeadStockSection({ storeId, days, setDays }: { storeId: string | undefined; days: string; setDays: (v: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = Math.max(1, Math.min(365, Math.trunc(Number(useDebounced(days)) || 30)));
  const query = { storeId, days: n, limit: 200 };
  const q = useQuery({ queryKey: ['reports', 'dead-stock', query], queryFn: () => marginsApi.deadStock(query) });
  const rows = q.data?.items ?? [];
  const columns: Column<DeadStockRow>[] = [
    {
      id: 'product',
      header: t('common.product'),
      wrap: true,
      cell: (r) => (
        <>
          <bdi>{r.productName}</bdi> <span className="muted sku">{r.sku}</span>
        </>
      ),
      sort: (r) => r.productName,
      csv: (r) => r.productName,
    },
    { id: 'store', header: t('common.store'), wrap: true, cell: (r) => r.storeName, sort: (r) => r.storeName, csv: (r) => r.storeName },
    qtyColumn(i18n, { id: 'qty', header: t('common.quantity'), qty: (r) => r.qty, unit: (r) => r.unit }),
    unitColumn(i18n, (r) => r.unit),
    { id: 'cost', header: t('web.margins.atCost'), align: 'right', cell: (r) => i18n.money(r.costMinor), sort: (r) => r.costMinor, csvMoney: (r) => r.costMinor },
    { id: 'retail', header: t('web.margins.atRetail'), align: 'right', minor: true, cell: (r) => i18n.money(r.retailMinor), sort: (r) => r.retailMinor, csvMoney: (r) => r.retailMinor },
    { id: 'last', header: t('web.margins.lastSold'), cell: (r) => (r.lastSoldOn ? storeDay(i18n, r.lastSoldOn) : <span className="muted">{t('web.margins.neverSold')}</span>), sort: (r) => r.lastSoldOn ?? '', csv: (r) => r.lastSoldOn ?? '' },
  ];
  return (
    <section className="card" aria-label={t('web.margins.dead')}>
      <div className="chart-head">
        <h3>{t('web.margins.dead')}</h3>
        <label className="inline-field">
          {t('web.margins.deadDays')} <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} data-testid="dead-days" />
        </label>
      </div>
      {q.data && rows.length > 0 && (
        <p className="muted" data-testid="dead-total">
          {t('web.margins.deadTotal', { count: rows.length, amount: i18n.money(q.data.totalCostMinor) })}
        </p>
      )}
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <DataTable
        caption={t('web.margins.dead')}
        columns={columns}
        list={wholeList(rows, q)}
        rowKey={(r) => `${r.storeId}/${r.productId}`}
        csv={{ filename: 'dead-stock', api: { path: '/reports/dead-stock', query } }}
        empty={t('web.margins.deadNone', { days: n })}
        testId="dead-table"
      />
    </section>
  );
}

/** Removals by reason and counts that found less, per store, at cost. */
export function ShrinkageSection({ storeId, from, to }: { storeId: string | undefined; from: string; to: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const query = { storeId, from, to, groupBy: 'store-reason' as const };
  const q = useQuery({ queryKey: ['reports', 'shrinkage', query], queryFn: () => marginsApi.shrinkage(query) });
  const rows = q.data?.items ?? [];
  const reason = (r: ShrinkageRow): string => (r.reason === 'count' ? t('web.margins.reason.count') : t(`remove.reason.${r.reason ?? 'other'}` as MessageKey));
  const columns: Column<ShrinkageRow>[] = [
    { id: 'store', header: t('common.store'), wrap: true, cell: (r) => r.storeName, sort: (r) => r.storeName ?? '', csv: (r) => r.storeName ?? '' },
    { id: 'reason', header: t('web.margins.reason'), cell: reason, sort: reason, csv: reason },
    { id: 'events', header: t('web.margins.events'), align: 'right', cell: (r) => i18n.number(r.events), sort: (r) => r.events, csv: (r) => r.events },
    { id: 'cost', header: t('web.margins.atCost'), align: 'right', cell: (r) => i18n.money(r.costMinor), sort: (r) => r.costMinor, csvMoney: (r) => r.costMinor },
  ];
  return (
    <section className="card" aria-label={t('web.margins.shrinkage')}>
      <div className="chart-head">
        <h3>{t('web.margins.shrinkage')}</h3>
        {q.data && (
          <span className="muted" data-testid="shrinkage-total">
            {t('web.margins.shrinkageTotal', { amount: i18n.money(q.data.totalCostMinor) })}
          </span>
        )}
      </div>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <DataTable
        caption={t('web.margins.shrinkage')}
        columns={columns}
        list={wholeList(rows, q)}
        rowKey={(r) => `${r.storeId}/${r.reason}`}
        csv={{ filename: 'shrinkage', api: { path: '/reports/shrinkage', query } }}
        empty={t('web.margins.shrinkageNone')}
        testId="shrinkage-table"
      />
    </section>
  );
}
