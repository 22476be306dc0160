import type { SalesTrend } from '@bazaar/shared';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/i18n-context';
import { bucketLabel } from './trends.format';

/** This period as bars, the period before and last year as lines over the same buckets. */
export function TrendChart({ trend }: { trend: SalesTrend }) {
  const i18n = useI18n();
  const { t } = i18n;
  const data = trend.points.map((p) => ({
    label: bucketLabel(i18n, p.start, trend.grain),
    previousLabel: bucketLabel(i18n, p.previousStart, trend.grain),
    lastYearLabel: bucketLabel(i18n, p.lastYearStart, trend.grain),
    current: p.current.revenueMinor,
    previous: p.previous.revenueMinor,
    lastYear: p.lastYear.revenueMinor,
  }));
  return (
    <div className="trend-chart" data-testid="trend-chart" dir="ltr">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e8e1" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tickFormatter={(v) => i18n.moneyCompact(Number(v))} width={72} tick={{ fontSize: 11 }} />
          <Tooltip
            formatter={(v, name) => [i18n.money(Number(v)), String(name)]}
            labelFormatter={(l, items) => {
              const row = items?.[0]?.payload as (typeof data)[number] | undefined;
              return row ? t('web.trends.tooltipDays', { current: row.label, previous: row.previousLabel, lastYear: row.lastYearLabel }) : String(l);
            }}
          />
          <Legend />
          <Bar dataKey="current" name={t('web.trends.thisPeriod')} fill="#1f7a45" radius={[3, 3, 0, 0]} maxBarSize={28} />
          <Line dataKey="previous" name={t('web.trends.previous')} stroke="#e8a317" strokeWidth={2} strokeDasharray="6 4" dot={false} />
          <Line dataKey="lastYear" name={t('web.trends.lastYear')} stroke="#4a6fa5" strokeWidth={2} strokeDasharray="2 3" dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
