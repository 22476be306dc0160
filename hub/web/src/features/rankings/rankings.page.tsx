import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { rankingSorts, type RankingSort, type StoreRanking } from '@bazaar/shared';
import { insightsApi } from '../../api/reports.api';
import { navigate, useLocation } from '../../app/router';
import { SaveViewButton } from '../../components/save-view';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FilterPanel } from '../../components/filter-panel';
import { dayEnd, dayStart, daysAgo, isoDay } from '../../components/format';
import { Options } from '../../components/options';
import { SuggestInput } from '../../components/suggest-input';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { rankingColumns } from './rankings.columns';
import { RegionRollup } from './region-rollup';
import { StoreDrill } from './store-drill';
import { StockRegionDrill } from './stock-region-drill';

const limits = [20, 50, 100, 500, 1000] as const;
type Filters = { from: string; to: string; region: string; city: string; sort: RankingSort; dir: 'asc' | 'desc'; limit: number; offset: number };

/** One click (and one URL) from the questions head office asks most. */
const quickViews = [
  { key: 'weakestSales', sort: 'sales', dir: 'asc' },
  { key: 'worstShrinkage', sort: 'shrinkage', dir: 'desc' },
  { key: 'strongestSales', sort: 'sales', dir: 'desc' },
] as const;

/**
 * The view lives in the URL: a filtered ranking can be reloaded, bookmarked and shared. Dates the
 * user did not choose stay out of it ('' here), so a saved view keeps meaning the last 30 days
 * from the day it is opened, never the days it was saved on.
 */
function fromUrl(search: URLSearchParams): Filters {
  const sort = search.get('sort') as RankingSort | null;
  const limit = Number(search.get('limit'));
  return {
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    region: search.get('region') ?? '',
    city: search.get('city') ?? '',
    sort: sort && rankingSorts.includes(sort) ? sort : 'sales',
    dir: search.get('dir') === 'asc' ? 'asc' : 'desc',
    limit: (limits as readonly number[]).includes(limit) ? limit : 50,
    offset: Math.max(0, Math.floor(Number(search.get('offset')) || 0)),
  };
}

export function RankingsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const [f, setF] = useState<Filters>(() => fromUrl(search));
  const [drill, setDrill] = useState<StoreRanking | null>(null);
  const set = (patch: Partial<Filters>) => {
    // Any change but the page itself starts again at the first page.
    const next = { ...f, offset: 0, ...patch };
    setF(next);
    navigate(`/rankings?${new URLSearchParams(Object.entries(next).filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)])).toString()}`, { replace: true });
  };
  const from = f.from || daysAgo(29);
  const to = f.to || isoDay(new Date());
  const region = useDebounced(f.region.trim());
  const city = useDebounced(f.city.trim());
  const range = { from: dayStart(from), to: dayEnd(to) };
  const query = { ...range, region: region || undefined, city: city || undefined, sort: f.sort, dir: f.dir, limit: f.limit, offset: f.offset || undefined };
  const q = useQuery({ queryKey: ['reports', 'rankings', query], queryFn: () => insightsApi.storeRankings(query) });
  const rows = q.data?.items ?? [];
  const list = {
    rows,
    isLoading: q.isLoading,
    error: q.error,
    hasMore: false,
    loadMore: () => undefined,
    isLoadingMore: false,
    total: q.data?.total,
    fetchPage: async () => ({ items: rows, nextCursor: null }),
  };
  const columns = useMemo(() => rankingColumns(i18n), [i18n]);
  const sortLabel: Record<RankingSort, string> = {
    sales: t('web.rank.sales'),
    margin: t('web.rank.margin'),
    marginPct: t('web.rank.marginPct'),
    stockValue: t('web.rank.stockValue'),
    lowOut: t('web.rank.lowOut'),
    shrinkage: t('web.rank.shrinkage'),
    countVariance: t('web.rank.countVariance'),
    lastSync: t('web.rank.lastSync'),
    code: t('web.rank.code'),
  };

  return (
    <div className="page">
      <div className="rank-head">
        <nav className="quick-views" aria-label={t('web.rank.quick')} data-testid="rank-quick">
          {quickViews.map((v) => (
            <button key={v.key} type="button" className={f.sort === v.sort && f.dir === v.dir && f.limit === 20 && !f.offset ? 'btn btn-primary' : 'btn'} onClick={() => set({ sort: v.sort, dir: v.dir, limit: 20 })} data-testid={`rank-quick-${v.key}`}>
              {t(`web.rank.${v.key}`)}
            </button>
          ))}
        </nav>
        <SaveViewButton />
      </div>
      <FilterPanel label={t('web.rank.filters')} active={[f.region, f.city].filter(Boolean).length}>
        <Field label={t('common.from')}>{(id) => <input id={id} type="date" value={from} max={to} onChange={(e) => set({ from: e.target.value })} />}</Field>
        <Field label={t('web.overview.to')}>{(id) => <input id={id} type="date" value={to} min={from} onChange={(e) => set({ to: e.target.value })} />}</Field>
        <Field label={t('web.stock.region')}>
          {(id) => <SuggestInput id={id} kind="region" placeholder={t('web.stock.anyRegion')} value={f.region} onChange={(v) => set({ region: v })} suggest={insightsApi.regions} />}
        </Field>
        <Field label={t('web.rank.city')}>
          {(id) => <SuggestInput id={id} kind={`city-${region}`} placeholder={t('web.rank.anyCity')} value={f.city} onChange={(v) => set({ city: v })} suggest={(q) => insightsApi.cities(q, region)} />}
        </Field>
        <Field label={t('web.rank.sortBy')}>
          {(id) => (
            <select id={id} value={f.sort} onChange={(e) => set({ sort: e.target.value as RankingSort })} data-testid="rank-sort">
              <Options values={rankingSorts} label={(s) => sortLabel[s]} />
            </select>
          )}
        </Field>
        <Field label={t('web.rank.show')} double>
          {(id) => (
            <select id={id} value={f.dir} onChange={(e) => set({ dir: e.target.value === 'asc' ? 'asc' : 'desc' })} data-testid="rank-dir">
              <option value="desc">{t('web.rank.top')}</option>
              <option value="asc">{t('web.rank.bottom')}</option>
            </select>
          )}
        </Field>
        <Field label={t('web.rank.rows')}>
          {(id) => (
            <select id={id} value={f.limit} onChange={(e) => set({ limit: Number(e.target.value) })} data-testid="rank-limit">
              {limits.map((n) => (
                <option key={n} value={n}>
                  {i18n.number(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FilterPanel>
      <RegionRollup range={range} selected={region} onPick={(r) => set({ region: r })} />
      <div className="pager">
        <p className="muted" data-testid="rank-count" role="status">
          {q.data ? t('web.rank.showing', { first: i18n.number(rows.length ? f.offset + 1 : 0), last: i18n.number(f.offset + rows.length), total: i18n.number(q.data.total) }) : '…'}
        </p>
        <button type="button" className="btn" disabled={f.offset === 0} onClick={() => set({ offset: Math.max(0, f.offset - f.limit) })} data-testid="rank-prev">
          {t('web.rank.previous')}
        </button>
        <button type="button" className="btn" disabled={!q.data || f.offset + f.limit >= q.data.total} onClick={() => set({ offset: f.offset + f.limit })} data-testid="rank-next">
          {t('web.rank.next')}
        </button>
      </div>
      <DataTable
        caption={t('web.rank.title')}
        columns={columns}
        list={list}
        rowKey={(r) => r.storeId}
        onRowClick={setDrill}
        csv={{ filename: 'store-rankings', api: { path: '/reports/store-rankings', query: { ...query, offset: undefined, limit: 10_000 } } }}
        empty={t('web.rank.none')}
        testId="rankings-table"
      />
      <StockRegionDrill />
      <StoreDrill store={drill} range={range} onClose={() => setDrill(null)} />
    </div>
  );
}
