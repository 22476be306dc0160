import { useQuery } from '@tanstack/react-query';
import { marginGroups, type MarginGroup, type MarginRow } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import type { Query } from '../../api/client';
import { DataTable, type Column } from '../../components/data-table';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { useUrlFilters } from '../../components/url-filters';
import { wholeList } from '../../components/whole-list';
import { useI18n } from '../../i18n/i18n-context';
import { KpiCard } from '../overview/kpi-card';
import { storeDay } from '../purchases/purchase-labels';
import { searchStores, useName } from '../shared/lookups';
import { StockRegionDrill } from '../rankings/stock-region-drill';
import { marginsApi } from './margins.api';
import { DeadStockSection, ShrinkageSection } from './margins.sections';

const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const defaults = { store: '', from: '', to: '', by: 'product', dead: '30' };
const isGroup = (v: string): v is MarginGroup => (marginGroups as readonly string[]).includes(v);

/** Head office: sales less their cost when sold, stock at moving-average cost, dead stock and shrinkage. */
export function MarginsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, set] = useUrlFilters('/margins', defaults);
  const storeName = useName('store', f.store || null);
  const store: PickOption | null = f.store ? { id: f.store, label: storeName.data?.name ?? '…' } : null;
  const to = f.to || today();
  const from = f.from || daysBefore(to, 29);
  const groupBy: MarginGroup = isGroup(f.by) ? f.by : 'product';
  const storeId = f.store || undefined;
  const query = { from, to, groupBy, storeId, limit: 500 };
  const q = useQuery({ queryKey: ['reports', 'margins', query], queryFn: () => marginsApi.margins(query) });
  const value = useQuery({ queryKey: ['reports', 'stock-value', storeId], queryFn: () => marginsApi.stockValue({ storeId }) });
  const totals = q.data?.totals;
  const share = (bp: number | null) => (bp === null ? '—' : i18n.number(bp / 10_000, { style: 'percent', maximumFractionDigits: 1 }));
  const totalBp = totals && totals.revenueMinor ? Math.round((totals.marginMinor * 10_000) / totals.revenueMinor) : null;

  return (
    <div className="page">
      <FilterPanel label={t('web.margins.filters')} active={countActive({ store: f.store, from: f.from, to: f.to })}>
        <Field label={t('common.store')}>
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={(s) => set({ store: s?.id ?? '' })} search={searchStores} allLabel={t('common.all')} />}
        </Field>
        <Field label={t('common.from')}>{(id) => <input id={id} type="date" value={from} max={to} onChange={(e) => set({ from: e.target.value })} />}</Field>
        <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={to} min={from} onChange={(e) => set({ to: e.target.value })} />}</Field>
        <Field label={t('web.margins.groupBy')}>
          {(id) => (
            <select id={id} value={groupBy} onChange={(e) => set({ by: e.target.value })} data-testid="margins-by">
              {marginGroups.map((g) => (
                <option key={g} value={g}>
                  {t(`web.margins.by.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FilterPanel>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <section className="kpis" aria-label={t('web.overview.summary')}>
        <KpiCard id="margins-sales" label={t('web.margins.sales')} value={totals ? i18n.money(totals.revenueMinor) : '…'} fit />
        <KpiCard id="margins-cost" label={t('web.margins.cost')} value={totals ? i18n.money(totals.costMinor) : '…'} fit tone="info" />
        <KpiCard id="margins-margin" label={t('web.margins.margin')} value={totals ? i18n.money(totals.marginMinor) : '…'} fit sub={t('web.margins.marginShare', { percent: share(totalBp) })} tone={totals && totals.marginMinor < 0 ? 'out' : 'ok'} />
        <KpiCard
          id="margins-stock"
          label={t('web.margins.stockAtCost')}
          value={value.data ? i18n.money(value.data.totals.costMinor) : '…'}
          fit
          sub={value.data ? t('web.margins.stockAtRetail', { amount: i18n.money(value.data.totals.retailMinor) }) : undefined}
          tone="info"
        />
      </section>
      {!storeId && <StockRegionDrill />}
      <MarginTable rows={q.data?.items ?? []} q={q} groupBy={groupBy} query={query} share={share} />
      <DeadStockSection storeId={storeId} days={f.dead} setDays={(dead) => set({ dead })} />
      <ShrinkageSection storeId={storeId} from={from} to={to} />
    </div>
  );
}

function MarginTable({ rows, q, groupBy, query, share }: { rows: MarginRow[]; q: Parameters<typeof wholeList>[1]; groupBy: MarginGroup; query: Query; share: (bp: number | null) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const key: Column<MarginRow> = {
    product: {
      id: 'product',
      header: t('common.product'),
      wrap: true,
      cell: (r: MarginRow) => (
        <>
          <bdi>{r.productName}</bdi> <span className="muted sku">{r.sku}</span>
        </>
      ),
      sort: (r: MarginRow) => r.productName ?? '',
      csv: (r: MarginRow) => r.productName ?? '',
    },
    category: { id: 'category', header: t('common.category'), cell: (r: MarginRow) => r.category ?? <span className="muted">{t('web.margins.noCategory')}</span>, sort: (r: MarginRow) => r.category ?? '', csv: (r: MarginRow) => r.category ?? '' },
    store: { id: 'store', header: t('common.store'), wrap: true, cell: (r: MarginRow) => r.storeName, sort: (r: MarginRow) => r.storeName ?? '', csv: (r: MarginRow) => r.storeName ?? '' },
    day: { id: 'period', header: t('web.margins.period'), cell: (r: MarginRow) => storeDay(i18n, r.period ?? null), sort: (r: MarginRow) => r.period ?? '', csv: (r: MarginRow) => r.period ?? '' },
  }[groupBy === 'week' || groupBy === 'month' ? 'day' : groupBy];
  const columns: Column<MarginRow>[] = [
    key,
    ...(groupBy === 'product' ? [{ id: 'qty', header: t('common.quantity'), align: 'right' as const, cell: (r: MarginRow) => (r.unit ? i18n.qty(r.qty ?? 0, r.unit) : ''), sort: (r: MarginRow) => r.qty ?? 0, csv: (r: MarginRow) => r.qty ?? 0 }] : []),
    { id: 'sales', header: t('web.margins.sales'), align: 'right', cell: (r) => i18n.money(r.revenueMinor), sort: (r) => r.revenueMinor, csvMoney: (r) => r.revenueMinor },
    { id: 'cost', header: t('web.margins.cost'), align: 'right', cell: (r) => i18n.money(r.costMinor), sort: (r) => r.costMinor, csvMoney: (r) => r.costMinor },
    { id: 'margin', header: t('web.margins.margin'), align: 'right', cell: (r) => <span className={r.marginMinor < 0 ? 'neg' : undefined}>{i18n.money(r.marginMinor)}</span>, sort: (r) => r.marginMinor, csvMoney: (r) => r.marginMinor },
    { id: 'share', header: t('web.margins.percent'), align: 'right', cell: (r) => share(r.marginBasisPoints), sort: (r) => r.marginBasisPoints ?? -1e9, csv: (r) => (r.marginBasisPoints ?? 0) / 100 },
    { id: 'returns', header: t('web.margins.returns'), align: 'right', minor: true, cell: (r) => i18n.money(r.returnsMinor), sort: (r) => r.returnsMinor, csvMoney: (r) => r.returnsMinor },
  ];
  return (
    <DataTable
      caption={t('web.margins.table')}
      columns={columns}
      list={wholeList(rows, q)}
      rowKey={(r) => r.productId ?? r.storeId ?? r.period ?? r.category ?? ''}
      csv={{ filename: `margins-by-${groupBy}`, api: { path: '/reports/margins', query } }}
      empty={t('web.margins.none')}
      testId="margins-table"
    />
  );
}
