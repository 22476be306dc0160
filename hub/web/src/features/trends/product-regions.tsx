import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../../api/api-error';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { useI18n } from '../../i18n/i18n-context';
import { searchProducts, useName } from '../shared/lookups';
import { trendsApi } from './trends.api';

/** One product across the chain: the total in scope and its split by region, as bars and a table. */
export function ProductRegions({ productId, from, to, onProduct }: { productId: string; from: string; to: string; onProduct(id: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = useName('product', productId || null);
  const value: PickOption | null = productId ? { id: productId, label: name.data?.name ?? '…' } : null;
  const q = useQuery({ queryKey: ['reports', 'product-regions', productId, from, to], queryFn: () => trendsApi.productRegions({ productId, from, to }), enabled: !!productId });
  const regionName = (r: string | null) => r ?? t('web.rank.noRegion');
  const rows = (q.data?.items ?? []).map((r) => ({ ...r, name: regionName(r.region) }));
  return (
    <section className="card product-regions" aria-label={t('web.trends.productTitle')} data-testid="product-regions">
      <h3>{t('web.trends.productTitle')}</h3>
      <Field label={t('web.trends.product')}>
        {(id) => <EntityPicker id={id} kind="product" value={value} onChange={(o) => onProduct(o?.id ?? '')} search={searchProducts} placeholder={t('web.trends.pickProduct')} />}
      </Field>
      {!productId && <p className="muted">{t('web.trends.pickProductHint')}</p>}
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      {q.data && (
        <>
          <p data-testid="product-total">
            {t('web.trends.chainTotal', { amount: i18n.money(q.data.total.revenueMinor), stores: i18n.number(q.data.total.stores) })}
          </p>
          {rows.length === 0 ? (
            <p className="muted">{t('web.trends.none')}</p>
          ) : (
            <div dir="ltr">
              <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 34 + 20)}>
                <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
                  <XAxis type="number" tickFormatter={(v) => i18n.moneyCompact(Number(v))} tick={{ fontSize: 11 }} />
                  <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(v) => i18n.money(Number(v))} />
                  <Bar dataKey="revenueMinor" name={t('web.trends.sales')} fill="#1f7a45" radius={[0, 4, 4, 0]} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <table className="data-table compact">
            <thead>
              <tr>
                <th>{t('web.stock.region')}</th>
                <th className="num">{t('web.rank.stores')}</th>
                <th className="num">{t('web.trends.sales')}</th>
                <th className="num">{t('web.trends.margin')}</th>
                <th className="num">{t('web.trends.returns')}</th>
                <th className="num">{t('web.rank.share')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.region ?? ''}>
                  <td>{r.name}</td>
                  <td className="num">{i18n.number(r.stores)}</td>
                  <td className="num">{i18n.money(r.revenueMinor)}</td>
                  <td className="num">{i18n.money(r.marginMinor)}</td>
                  <td className="num">{i18n.money(r.returnsMinor)}</td>
                  <td className="num">{q.data.total.revenueMinor ? i18n.number(r.revenueMinor / q.data.total.revenueMinor, { style: 'percent', maximumFractionDigits: 1 }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
