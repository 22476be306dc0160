import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stockApi } from '../../api/endpoints';
import { insightsApi, reportsApi } from '../../api/reports.api';
import { ApiError, errorMessage } from '../../api/api-error';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { navigate } from '../../app/router';
import { dayEnd, dayStart, daysAgo, fmtDay, isoDay } from '../../components/format';
import { nameTick } from '../../components/chart-name-tick';
import { KpiCard } from './kpi-card';
import { RecentActivity } from './recent-activity';
import { StockValueChart } from './stock-value.card';
import { useI18n } from '../../i18n/i18n-context';

/** Room for a product's or store's name beside its bar (wrapped onto lines within it). */
const NAME_AXIS = 130;

function ChartState({ error, empty, emptyText }: { error: unknown; empty: boolean; emptyText?: string }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 404) return <div className="chart-empty">{t('web.overview.noReport')}</div>;
  if (error) return <div className="chart-empty">{errorMessage(error)}</div>;
  if (empty) return <div className="chart-empty">{emptyText ?? t('web.overview.noSales')}</div>;
  return null;
}

export function OverviewPage() {
  const user = useUser();
  const i18n = useI18n();
  const { t } = i18n;
  const rupees = (minor: number) => i18n.money(Math.round(minor));
  const compactRupees = (minor: number) => i18n.moneyCompact(Math.round(minor));
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(isoDay(new Date()));
  const range = { from: dayStart(from), to: dayEnd(to) };

  // Exact however large the chain: count queries on the hub, in the caller's scope.
  const counts = useQuery({ queryKey: ['reports', 'counts'], queryFn: insightsApi.counts, staleTime: 30_000 });
  const countOf = (n: number | null | undefined) => (n === undefined || n === null ? (counts.error ? t('web.overview.na') : '…') : i18n.number(n));
  const stockCounts = useQuery({ queryKey: ['stocks', 'counts'], queryFn: () => stockApi.counts({ limit: 1 }), staleTime: 30_000 });
  const totals = stockCounts.data?.totals;
  const exact = (n: number | undefined) => (n === undefined ? (stockCounts.error ? t('web.overview.na') : '…') : i18n.number(n));
  const inStores = (n: number | undefined) => (n === undefined ? '' : t('web.overview.storesNeed', { n: i18n.number(n), total: i18n.number(totals?.stores ?? 0) }));
  const canConflicts = allowed(user, 'viewConflicts');
  const canDevices = allowed(user, 'manageDevices');
  const openConflicts = counts.data?.openConflicts ?? 0;
  const offline = counts.data?.countersOffline ?? 0;

  const reports = allowed(user, 'viewReports');
  const todayDay = isoDay(new Date());
  const today = useQuery({
    queryKey: ['reports', 'sales', 'today', todayDay],
    queryFn: () => reportsApi.salesByDay({ from: dayStart(todayDay), to: dayEnd(todayDay) }),
    enabled: reports,
  });
  // Net of returns and voids (the hub counts them on the day they happen).
  const todayMinor = today.data?.items.reduce((s, r) => s + r.revenueMinor, 0);
  const todayReturns = today.data?.items.reduce((s, r) => s + r.returnsMinor, 0) ?? 0;
  const todaySub = () => {
    const lines = t('web.overview.saleLines', { count: today.data?.items.reduce((s, r) => s + r.lines, 0) ?? 0 });
    return todayReturns > 0 ? t('web.overview.netOfReturns', { lines, amount: rupees(todayReturns) }) : lines;
  };

  const daily = useQuery({ queryKey: ['reports', 'sales', 'day', range], queryFn: () => reportsApi.salesByDay(range), enabled: reports });
  const top = useQuery({ queryKey: ['reports', 'sales', 'product', range], queryFn: () => reportsApi.salesByProduct({ ...range, limit: 8, sort: 'revenue' }), enabled: reports });
  const valuation = useQuery({ queryKey: ['reports', 'valuation'], queryFn: () => reportsApi.valuation({}), enabled: reports });

  const dailyData = useMemo(() => fillDays(from, to, daily.data?.items ?? []), [daily.data, from, to]);
  const topData = useMemo(
    // Ranked by revenue on the hub: the eight best sellers of the whole chain, in its order.
    () => (top.data?.items ?? []).map((r) => ({ name: r.productName, revenue: r.revenueMinor, qty: r.qty })),
    [top.data],
  );
  const valueData = valuation.data?.items ?? [];

  return (
    <div className="page">
      <section className="kpis" aria-label={t('web.overview.summary')}>
        <KpiCard id="products" label={t('common.products')} value={countOf(counts.data?.products)} sub={t('web.overview.activeCatalog')} onClick={() => navigate('/products')} />
        <KpiCard id="stores" label={user.role === 'admin' ? t('web.tab.stores') : t('web.overview.yourStores')} value={countOf(counts.data?.stores)} sub={t('web.overview.trading')} tone="info" onClick={() => navigate(allowed(user, 'viewStores') ? '/stores' : '/stock')} />
        <KpiCard id="low" label={t('stockScreen.low')} value={exact(totals?.low)} sub={t('web.overview.lowSub', { stores: inStores(totals?.storesNeedingStock) })} tone="low" onClick={() => navigate(`/stock?${new URLSearchParams({ status: 'low' }).toString()}`)} />
        {/* Stocked rows at zero and carried products never stocked: the out-of-stock report's total; the card opens that list. */}
        <KpiCard
          id="out"
          label={t('stock.out')}
          value={exact(totals && totals.out + totals.neverStocked)}
          sub={t('web.overview.outSub', { zero: exact(totals?.out), never: exact(totals?.neverStocked) })}
          tone="out"
          onClick={() => navigate(`/stock?${new URLSearchParams({ alert: 'out' }).toString()}`)}
        />
        {reports && (
          <KpiCard
            id="sales-today"
            label={t('web.overview.today')}
            value={todayMinor === undefined ? (today.error ? t('web.overview.na') : '…') : rupees(todayMinor)}
            fit
            sub={today.error ? errorMessage(today.error) : todaySub()}
          />
        )}
        {canConflicts && <KpiCard id="conflicts" label={t('web.overview.openConflicts')} value={countOf(counts.data?.openConflicts)} sub={t('web.overview.toReview')} tone={openConflicts ? 'low' : 'ok'} onClick={() => navigate('/conflicts')} />}
        {canDevices && (
          <KpiCard
            id="offline"
            label={t('web.overview.countersOffline')}
            value={countOf(counts.data?.countersOffline)}
            sub={t('web.overview.noSyncDay')}
            tone={offline ? 'out' : 'ok'}
            onClick={() => navigate('/devices')}
          />
        )}
      </section>

      {!reports && (
        <section className="charts">
          <RecentActivity />
          <p className="muted">{t('web.overview.reportsFor')}</p>
        </section>
      )}
      {reports && (
      <section className="charts">
        <div className="card chart-card span-2">
          <div className="chart-head">
            <h3>{t('web.overview.salesPerDay')}</h3>
            <div className="range">
              <label className="muted" htmlFor="ov-from">
                {t('common.from')}
              </label>
              <input id="ov-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
              <label className="muted" htmlFor="ov-to">
                {t('web.overview.to')}
              </label>
              <input id="ov-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
            </div>
          </div>
          <ChartState error={daily.error} empty={!daily.isLoading && !daily.data?.items.length} />
          {!!daily.data?.items.length && (
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={dailyData} margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid stroke="#e7ebe4" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={12} tickFormatter={(d) => fmtDay(String(d), i18n)} />
                <YAxis tickFormatter={compactRupees} tick={{ fontSize: 12 }} width={i18n.locale === 'en' ? 64 : 96} />
                <Tooltip formatter={(v) => rupees(Number(v))} labelFormatter={(l) => fmtDay(String(l), i18n)} cursor={{ fill: '#f1f4ef' }} />
                <Bar dataKey="revenue" name={t('web.overview.revenue')} fill="#1f7a45" radius={[3, 3, 0, 0]} maxBarSize={28} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
        <RecentActivity />
        <div className="card chart-card">
          <h3>{t('web.overview.topProducts')}</h3>
          <ChartState error={top.error} empty={!top.isLoading && !topData.length} />
          {topData.length > 0 && (
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={topData} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid stroke="#e7ebe4" horizontal={false} />
                <XAxis type="number" tickFormatter={compactRupees} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={NAME_AXIS} tick={nameTick(NAME_AXIS - 8)} interval={0} />
                <Tooltip formatter={(v) => rupees(Number(v))} />
                <Bar dataKey="revenue" name={t('web.overview.revenue')} fill="#1f7a45" radius={[0, 4, 4, 0]} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
        <div className="card chart-card" data-testid="stock-value-card">
          <div className="chart-head">
            <h3>{t('web.overview.stockValue')}</h3>
            {valuation.data && <span className="muted" data-testid="valuation-total">{t('web.overview.total', { amount: rupees(valuation.data.totalCostMinor) })}</span>}
          </div>
          <ChartState error={valuation.error} empty={!valuation.isLoading && !valueData.length} emptyText={t('web.overview.noStock')} />
          {valuation.data && valueData.length > 0 && <StockValueChart valuation={valuation.data} />}
        </div>
      </section>
      )}
    </div>
  );
}

/** One point per calendar day of the range, zero where nothing sold: gaps must read as zero, not be skipped. */
function fillDays(from: string, to: string, items: { day: string; revenueMinor: number; qty: number }[]) {
  const byDay = new Map(items.map((r) => [r.day, r]));
  const out: { day: string; revenue: number; qty: number }[] = [];
  const d = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  for (let i = 0; d <= end && i < 400; i++, d.setDate(d.getDate() + 1)) {
    const key = isoDay(d);
    const hit = byDay.get(key);
    out.push({ day: key, revenue: hit?.revenueMinor ?? 0, qty: hit?.qty ?? 0 });
  }
  return out;
}
