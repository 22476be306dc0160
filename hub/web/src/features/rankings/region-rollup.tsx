import { useQuery } from '@tanstack/react-query';
import { insightsApi } from '../../api/reports.api';
import { errorMessage } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';

/** Sales rolled up by region on the hub (groupBy=region); a region opens its stores' ranking. */
export function RegionRollup({ range, selected, onPick }: { range: { from?: string; to?: string }; selected: string; onPick(region: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const q = useQuery({ queryKey: ['reports', 'sales', 'region', range], queryFn: () => insightsApi.salesByRegion({ ...range, sort: 'revenue', limit: 1000 }) });
  const items = q.data?.items ?? [];
  const total = items.reduce((s, r) => s + r.revenueMinor, 0);
  return (
    <section className="card region-rollup" aria-label={t('web.rank.byRegion')} data-testid="region-rollup">
      <h3>{t('web.rank.byRegion')}</h3>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('web.stock.region')}</th>
            <th className="num">{t('web.rank.stores')}</th>
            <th className="num">{t('web.rank.sales')}</th>
            <th className="num">{t('web.rank.margin')}</th>
            <th className="num">{t('web.rank.share')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.region ?? ''} className={r.region !== null && r.region === selected ? 'selected' : undefined}>
              <td>
                {r.region === null ? (
                  <span className="muted">{t('web.rank.noRegion')}</span>
                ) : (
                  <button type="button" className="link" onClick={() => onPick(r.region === selected ? '' : (r.region ?? ''))} data-testid={`region-${r.region}`}>
                    {r.region}
                  </button>
                )}
              </td>
              <td className="num">{i18n.number(r.stores)}</td>
              <td className="num">{i18n.money(r.revenueMinor)}</td>
              <td className="num">{i18n.money(r.marginMinor)}</td>
              <td className="num">{total ? `${i18n.number(Math.round((r.revenueMinor * 1000) / total) / 10)}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
