import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { insightsApi } from '../../api/reports.api';
import { errorMessage } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { marginsApi } from '../margins/margins.api';
import { alertsApi, type LiveAlert } from '../../api/alerts.api';
import { Tag } from '../../components/badges';
import { fmtDateTime } from '../../components/format';

/** A product's live alert in the store: low or out, since when, and whether someone acknowledged it. */
function ProductAlert({ alert }: { alert: LiveAlert | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!alert) return <span className="muted">{t('web.drill.alert.none')}</span>;
  const since = fmtDateTime(alert.openedAt, i18n);
  return (
    <Tag tone={alert.kind === 'out' ? 'bad' : 'warn'}>
      {`${t(alert.kind === 'out' ? 'web.drill.alert.out' : 'web.drill.alert.low', { since })}${alert.state === 'acknowledged' ? ` · ${t('web.drill.alert.acknowledged')}` : ''}`}
    </Tag>
  );
}

type Level = { region: string | null; store: { id: string; name: string } | null } | null;

/**
 * Stock value at cost and live low/out alerts, rolled up by region on the hub (groupBy=region);
 * a region opens its stores, a store its most valuable products with each one's live alert: region → store → product.
 */
export function StockRegionDrill() {
  const i18n = useI18n();
  const { t } = i18n;
  const [at, setAt] = useState<Level>(null);
  const region = at?.region ?? undefined;
  const byRegion = useQuery({ queryKey: ['reports', 'stock-value', 'region'], queryFn: () => marginsApi.stockValue({ groupBy: 'region' }), enabled: at === null });
  const alertsByRegion = useQuery({ queryKey: ['reports', 'alerts', 'region'], queryFn: () => insightsApi.alerts({ groupBy: 'region' }), enabled: at === null });
  const inRegion = at !== null && at.store === null;
  const byStore = useQuery({ queryKey: ['reports', 'stock-value', 'store', region], queryFn: () => marginsApi.stockValue({ groupBy: 'store', region }), enabled: inRegion });
  const alertsByStore = useQuery({ queryKey: ['reports', 'alerts', 'store', region], queryFn: () => insightsApi.alerts({ groupBy: 'store', region }), enabled: inRegion });
  const storeId = at?.store?.id;
  const byProduct = useQuery({ queryKey: ['reports', 'stock-value', 'product', storeId], queryFn: () => marginsApi.stockValue({ groupBy: 'product', storeId }), enabled: !!storeId });
  // The last level: each product's own live low/out alert in this store, for exactly the rows shown.
  const shownProducts = (byProduct.data?.items ?? []).map((r) => r.productId ?? '').filter(Boolean);
  const productAlerts = useQuery({
    queryKey: ['alerts', 'live', storeId, shownProducts],
    queryFn: () => alertsApi.list({ storeId, state: 'live', productIds: shownProducts.join(','), limit: 500 }),
    enabled: !!storeId && shownProducts.length > 0,
  });
  const alertOf = new Map((productAlerts.data?.items ?? []).filter((a) => a.kind === 'low' || a.kind === 'out').map((a) => [a.productId, a]));
  const error = [byRegion, alertsByRegion, byStore, alertsByStore, byProduct, productAlerts].find((q) => q.error)?.error;
  const regionName = (r: string | null) => r ?? t('web.rank.noRegion');

  const alertsOf = (rows: { region: string | null; storeId?: string; low: number; out: number }[] | undefined, key: (r: { region: string | null; storeId?: string }) => string) =>
    new Map((rows ?? []).map((r) => [key(r), r]));
  const regionAlerts = alertsOf(alertsByRegion.data?.items, (r) => r.region ?? '');
  const storeAlerts = alertsOf(alertsByStore.data?.items, (r) => r.storeId ?? '');
  const alertCells = (a: { low: number; out: number } | undefined) => (
    <>
      <td className="num">{i18n.number(a?.low ?? 0)}</td>
      <td className="num">{i18n.number(a?.out ?? 0)}</td>
    </>
  );

  return (
    <section className="card region-rollup" aria-label={t('web.drill.title')} data-testid="stock-region-drill">
      <h3>{t('web.drill.title')}</h3>
      <nav className="crumbs" aria-label={t('web.drill.path')}>
        <button type="button" className="link" onClick={() => setAt(null)} disabled={at === null}>
          {t('web.drill.allRegions')}
        </button>
        {at !== null && (
          <>
            {' › '}
            <button type="button" className="link" onClick={() => setAt({ region: at.region, store: null })} disabled={at.store === null}>
              {regionName(at.region)}
            </button>
          </>
        )}
        {at?.store && <> › {at.store.name}</>}
      </nav>
      {error && <p className="error">{errorMessage(error)}</p>}
      <table className="data-table compact" data-testid="stock-drill-table">
        <thead>
          <tr>
            <th>{at === null ? t('web.stock.region') : at.store === null ? t('web.drill.store') : t('common.product')}</th>
            <th className="num">{at === null ? t('web.rank.stores') : at.store === null ? t('web.drill.products') : t('common.quantity')}</th>
            <th className="num">{t('web.drill.valueAtCost')}</th>
            {!at?.store ? (
              <>
                <th className="num">{t('web.drill.low')}</th>
                <th className="num">{t('web.drill.out')}</th>
              </>
            ) : (
              <th>{t('web.drill.alert')}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {at === null &&
            byRegion.data?.items.map((r) => (
              <tr key={r.region ?? ''}>
                <td>
                  <button type="button" className="link" onClick={() => setAt({ region: r.region ?? null, store: null })} data-testid={`drill-region-${r.region ?? ''}`}>
                    {regionName(r.region ?? null)}
                  </button>
                </td>
                <td className="num">{i18n.number(r.stores ?? 0)}</td>
                <td className="num">{i18n.money(r.costMinor)}</td>
                {alertCells(regionAlerts.get(r.region ?? ''))}
              </tr>
            ))}
          {inRegion &&
            byStore.data?.items.map((r) => (
              <tr key={r.storeId}>
                <td>
                  <button type="button" className="link" onClick={() => setAt({ region: at.region, store: { id: r.storeId ?? '', name: r.storeName ?? '' } })} data-testid={`drill-store-${r.storeCode ?? ''}`}>
                    {r.storeName}
                  </button>{' '}
                  <small className="muted sku">{r.storeCode}</small>
                </td>
                <td className="num">{i18n.number(r.products)}</td>
                <td className="num">{i18n.money(r.costMinor)}</td>
                {alertCells(storeAlerts.get(r.storeId ?? ''))}
              </tr>
            ))}
          {at?.store &&
            byProduct.data?.items.map((r) => (
              <tr key={r.productId}>
                <td>
                  {r.productName} <small className="muted sku">{r.sku}</small>
                </td>
                <td className="num">{r.unit === 'pc' || r.unit === 'g' || r.unit === 'ml' ? i18n.qty(r.qty ?? 0, r.unit) : i18n.number(r.qty ?? 0)}</td>
                <td className="num">{i18n.money(r.costMinor)}</td>
                <td data-testid="drill-product-alert">
                  <ProductAlert alert={alertOf.get(r.productId ?? '')} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
