import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { valuationSchema } from '@bazaar/shared';
import type { z } from 'zod';
import { navigate } from '../../app/router';
import { nameTick } from '../../components/chart-name-tick';
import { useI18n } from '../../i18n/i18n-context';
import { valueBands } from './stock-value.bands';

const NAME_AXIS = 130;
/** Up to this many stores, a bar each; above it a distribution and the top and bottom few. */
const BARS_UP_TO = 12;
const EDGE = 5;
/** The Rankings page sorted by stock value, largest first. */
const BY_STOCK_VALUE = { sort: 'stockValue', dir: 'desc' };

/**
 * Stock value by store (issue 24): a small chain gets a bar per store, largest first; a chain of
 * hundreds or thousands gets how many stores hold how much (equal value bands) and the five
 * highest and lowest by name, with the whole ranking one click away.
 */
export function StockValueChart({ valuation }: { valuation: z.infer<typeof valuationSchema> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rupees = (minor: number) => i18n.money(Math.round(minor));
  const compact = (minor: number) => i18n.moneyCompact(Math.round(minor));
  const ranked = useMemo(() => [...valuation.items].sort((a, b) => b.costMinor - a.costMinor || a.storeCode.localeCompare(b.storeCode)), [valuation.items]);
  const bands = useMemo(() => valueBands(ranked.map((r) => r.costMinor)).map((b) => ({ ...b, label: `${compact(b.from)}–${compact(b.to)}` })), [ranked]);
  if (ranked.length <= BARS_UP_TO) {
    const data = ranked.map((r) => ({ name: r.storeName, value: r.costMinor }));
    return (
      // One bar per store, names down the side wrapped onto lines: a long store name is never cut.
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 40 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid stroke="#e7ebe4" horizontal={false} />
          <XAxis type="number" tickFormatter={compact} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={NAME_AXIS} tick={nameTick(NAME_AXIS - 8)} interval={0} />
          <Tooltip formatter={(v) => rupees(Number(v))} />
          <Bar dataKey="value" name={t('web.overview.value')} fill="#e8a317" radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
    );
  }
  const edge = (rows: typeof ranked, testId: string, title: string) => (
    <div>
      <h4 className="value-edge-title">{title}</h4>
      <table className="table" data-testid={testId}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.storeId}>
              <td>
                {r.storeName} <span className="muted small">{r.storeCode}</span>
              </td>
              <td className="num nowrap">{rupees(r.costMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="value-dist" data-testid="stock-value-distribution">
      <p className="muted small">{t('web.overview.valueBandsHint', { stores: i18n.number(ranked.length) })}</p>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bands} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid stroke="#e7ebe4" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <Tooltip formatter={(v) => [t('web.overview.bandStores', { count: Number(v) }), '']} />
          <Bar dataKey="stores" name={t('web.overview.bandStoresName')} fill="#e8a317" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
      <div className="value-edges">
        {edge(ranked.slice(0, EDGE), 'stock-value-highest', t('web.overview.valueHighest', { n: EDGE }))}
        {edge(ranked.slice(-EDGE).reverse(), 'stock-value-lowest', t('web.overview.valueLowest', { n: EDGE }))}
      </div>
      <div>
        <button type="button" className="btn btn-sm" onClick={() => navigate(`/rankings?${new URLSearchParams(BY_STOCK_VALUE).toString()}`)} data-testid="stock-value-all">
          {t('web.overview.valueAll', { stores: i18n.number(ranked.length) })}
        </button>
      </div>
    </div>
  );
}
