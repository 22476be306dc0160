import type { ReactNode } from 'react';
import { fmtDay } from '../../components/format';
import type { Translator } from '@bazaar/shared';
import { ProductName, StoreName } from '../shared/lookups';

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Pages whose views have a period: dates not chosen there roll with the day the view is opened. */
const datedPages = new Set(['/rankings', '/trends']);

/** A saved view's filters in words: dates as local dates (or the rolling default), stores and products by name, never ids. */
export function describeFilters(path: string, query: string, i18n: Translator): { shown: ReactNode[]; more: number } {
  const dated = datedPages.has(path);
  const { t } = i18n;
  const q = new URLSearchParams(query);
  const shown: ReactNode[] = [];
  const from = q.get('from');
  const to = q.get('to');
  if (from && to && isDay(from) && isDay(to)) shown.push(t('web.views.filter.dates', { from: fmtDay(from, i18n), to: fmtDay(to, i18n) }));
  else if (dated && from && isDay(from) && !to) shown.push(t('web.views.filter.since', { from: fmtDay(from, i18n) }));
  else if (dated && to && isDay(to) && !from) shown.push(t('web.views.filter.until', { to: fmtDay(to, i18n) }));
  else if (dated && !from && !to) shown.push(t('web.views.filter.rolling'));
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
