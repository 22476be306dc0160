import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { trendGrains, type SalesTrend, type TrendGrain, type TrendMeasures } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { insightsApi } from '../../api/reports.api';
import { navigate, useLocation } from '../../app/router';
import { SaveViewButton } from '../../components/save-view';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { FilterPanel } from '../../components/filter-panel';
import { daysAgo, fmtDateTime, isoDay } from '../../components/format';
import { Options } from '../../components/options';
import { SuggestInput } from '../../components/suggest-input';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { KpiCard } from '../overview/kpi-card';
import { searchStores, useName } from '../shared/lookups';
import { ProductRegions } from './product-regions';
import { trendsApi } from './trends.api';
import { TrendChart } from './trends.chart';
import { bucketLabel, changePct } from './trends.format';

type Filters = { grain: TrendGrain; from: string; to: string; region: string; store: string; product: string };

const defaultFrom: Record<TrendGrain, () => string> = { day: () => daysAgo(29), week: () => daysAgo(7 * 12 - 1), month: () => daysAgo(364) };

/**
 * The view lives in the URL: a trend with its filters is a bookmark. Dates the user did not choose
 * stay out of it (''), so a saved view keeps meaning the grain's default period up to the day it is
 * opened, never the days it was saved on.
 */
function fromUrl(search: URLSearchParams): Filters {
  const g = search.get('grain') as TrendGrain | null;
  const grain = g && trendGrains.includes(g) ? g : 'day';
  return {
    grain,
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    region: search.get('region') ?? '',
    store: search.get('store') ?? '',
    product: search.get('product') ?? '',
  };
}

export function TrendsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const [f, setF] = useState<Filters>(() => fromUrl(search));
  const set = (patch: Partial<Filters>) => {
    const next = { ...f, ...patch };
    setF(next);
    const kept = Object.entries(next).filter(([, v]) => v !== '');
    navigate(`/trends?${new URLSearchParams(kept).toString()}`, { replace: true });
  };
  const from = f.from || defaultFrom[f.grain]();
  const to = f.to || isoDay(new Date());
  const region = useDebounced(f.region.trim());
  const storeName = useName('store', f.store || null);
  const store: PickOption | null = f.store ? { id: f.store, label: storeName.data?.name ?? '…' } : null;
  const query = { grain: f.grain, from, to, region: region || undefined, storeId: f.store || undefined };
  const q = useQuery({ queryKey: ['reports', 'trends', query], queryFn: () => trendsApi.trend(query), enabled: from <= to });
  const grainLabel: Record<TrendGrain, string> = { day: t('web.trends.day'), week: t('web.trends.week'), month: t('web.trends.month') };

  return (
    <div className="page trends">
      <div className="view-actions">
        <SaveViewButton />
      </div>
      <FilterPanel label={t('web.trends.filters')} active={[f.region, f.store].filter(Boolean).length}>
        <Field label={t('web.trends.grain')}>
          {(id) => (
            <select id={id} value={f.grain} onChange={(e) => set({ grain: e.target.value as TrendGrain, from: '' })} data-testid="trend-grain">
              <Options values={trendGrains} label={(g) => grainLabel[g]} />
            </select>
          )}
        </Field>
        <Field label={t('common.from')}>{(id) => <input id={id} type="date" value={from} max={to} onChange={(e) => set({ from: e.target.value })} />}</Field>
        <Field label={t('web.overview.to')}>{(id) => <input id={id} type="date" value={to} min={from} onChange={(e) => set({ to: e.target.value })} />}</Field>
        <Field label={t('web.stock.region')}>
          {(id) => <SuggestInput id={id} kind="region" placeholder={t('web.stock.anyRegion')} value={f.region} onChange={(v) => set({ region: v, store: '' })} suggest={insightsApi.regions} />}
        </Field>
        <Field label={t('web.trends.store')}>
          {(id) => (
            <EntityPicker id={id} kind="store" value={store} onChange={(o) => set({ store: o?.id ?? '' })} search={(s) => searchStores(s, region || undefined)} scope={region} allLabel={t('web.trends.allStores')} />
          )}
        </Field>
      </FilterPanel>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      {q.data && <TrendSummary trend={q.data} />}
      <section className="card" aria-label={t('web.trends.chartTitle')}>
        <div className="chart-head">
          <h3>{t('web.trends.chartTitle')}</h3>
          {q.data && (
            <span className="muted" data-testid="trend-as-of">
              {q.data.asOf ? t('web.trends.asOf', { time: fmtDateTime(q.data.asOf, i18n) }) : t('web.trends.notYet')}
            </span>
          )}
        </div>
        {q.isLoading && <div className="chart-empty">…</div>}
        {q.data && (q.data.totals.current.revenueMinor || q.data.totals.previous.revenueMinor || q.data.totals.lastYear.revenueMinor ? <TrendChart trend={q.data} /> : <div className="chart-empty">{t('web.trends.none')}</div>)}
      </section>
      {q.data && <TrendTable trend={q.data} />}
      <ProductRegions productId={f.product} from={from} to={to} onProduct={(product) => set({ product })} />
    </div>
  );
}

function TrendSummary({ trend }: { trend: SalesTrend }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { current, previous, lastYear } = trend.totals;
  const range = (r: { from: string; to: string }) => t('web.trends.range', { from: bucketLabel(i18n, r.from, 'day'), to: bucketLabel(i18n, addDay(r.to, -1), 'day') });
  const vs = (pick: (m: TrendMeasures) => number) => {
    const p = changePct(pick(current), pick(previous));
    const y = changePct(pick(current), pick(lastYear));
    const pct = (n: number | null) => (n === null ? t('web.trends.noCompare') : `${n > 0 ? '+' : ''}${i18n.number(n / 100, { style: 'percent', maximumFractionDigits: 1 })}`);
    return t('web.trends.vs', { previous: pct(p), lastYear: pct(y) });
  };
  return (
    <>
      <p className="muted" data-testid="trend-periods">
        {t('web.trends.periods', { stores: trend.stores, current: range(trend.periods.current), previous: range(trend.periods.previous), lastYear: range(trend.periods.lastYear) })}
      </p>
      <section className="kpis" aria-label={t('web.overview.summary')}>
        <KpiCard id="trend-sales" label={t('web.trends.sales')} value={i18n.money(current.revenueMinor)} fit sub={vs((m) => m.revenueMinor)} />
        <KpiCard id="trend-margin" label={t('web.trends.margin')} value={i18n.money(current.marginMinor)} fit sub={vs((m) => m.marginMinor)} tone="info" />
        <KpiCard id="trend-returns" label={t('web.trends.returns')} value={i18n.money(current.returnsMinor)} fit sub={vs((m) => m.returnsMinor)} tone={current.returnsMinor ? 'low' : 'ok'} />
      </section>
    </>
  );
}

function addDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function TrendTable({ trend }: { trend: SalesTrend }) {
  const i18n = useI18n();
  const { t } = i18n;
  const change = (now: number, before: number) => {
    const c = changePct(now, before);
    return c === null ? '—' : `${c > 0 ? '+' : ''}${i18n.number(c / 100, { style: 'percent', maximumFractionDigits: 1 })}`;
  };
  return (
    <section className="card trend-table" aria-label={t('web.trends.table')}>
      <h3>{t('web.trends.table')}</h3>
      <div className="table-scroll">
        <table className="data-table compact" data-testid="trend-table">
          <thead>
            <tr>
              <th>{t('web.trends.start')}</th>
              <th className="num">{t('web.trends.thisPeriod')}</th>
              <th className="num">{t('web.trends.margin')}</th>
              <th className="num">{t('web.trends.previous')}</th>
              <th className="num">{t('web.trends.change')}</th>
              <th className="num">{t('web.trends.lastYear')}</th>
              <th className="num">{t('web.trends.change')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.start}>
                <td>{bucketLabel(i18n, p.start, trend.grain)}</td>
                <td className="num">{i18n.money(p.current.revenueMinor)}</td>
                <td className="num">{i18n.money(p.current.marginMinor)}</td>
                <td className="num" title={bucketLabel(i18n, p.previousStart, trend.grain)}>{i18n.money(p.previous.revenueMinor)}</td>
                <td className="num">{change(p.current.revenueMinor, p.previous.revenueMinor)}</td>
                <td className="num" title={bucketLabel(i18n, p.lastYearStart, trend.grain)}>{i18n.money(p.lastYear.revenueMinor)}</td>
                <td className="num">{change(p.current.revenueMinor, p.lastYear.revenueMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
