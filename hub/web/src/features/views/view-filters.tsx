import type { ReactNode } from 'react';
import { fmtDay } from '../../components/format';
import type { Translator } from '@bazaar/shared';
import { ProductName, StoreName } from '../shared/lookups';

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A saved view's filters in words: dates as local dates, stores and products by name, never ids. */
export function describeFilters(query: string, i18n: Translator): { shown: ReactNode[]; more: number } {
  const { t } = i18n;
  const q = new URLSearchParams(query);
  const shown: ReactNode[] = [];
  const from = q.get('from');
  const to = q.get('to');
  if (from && to && isDay(from) && isDay(to)) shown.push(t('web.views.filter.dates', { from: fmtDay(from, i18n), to: fmtDay(to, i18n) }));
  const region = q.get('region');
  if (region) shown.push(t('web.views.filter.region', { region }));
  const city = q.get('city');
  if (city) shown.push(t('web.views.filter.city', { city }));
  const store = q.get('store') ?? q.get('storeId');
  if (store) shown.push(<StoreName key="store" id={store} />);
  const product = q.get('product') ?? q.get('productId');
  if (product) shown.push(<ProductName key="product" id={product} />);
  const described = new Set(['from', 'to', 'region', 'city', 'store', 'storeId', 'product', 'productId']);
  const more = [...q.keys()].filter((k) => !described.has(k)).length;
  return { shown, more };
}
