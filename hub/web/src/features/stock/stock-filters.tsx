import { useI18n } from '../../i18n/i18n-context';
import { stockStatuses, type StockStatus } from '@bazaar/shared';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { searchStores, searchSuppliers } from '../shared/lookups';
import type { Query } from '../../api/client';
import { FilterPanel } from '../../components/filter-panel';
import { dayEnd, dayStart } from '../../components/format';
import { Options } from '../../components/options';
import { SuggestInput } from '../../components/suggest-input';
import { insightsApi } from '../../api/reports.api';

export interface StockFilterState {
  store: PickOption | null;
  supplier: PickOption | null;
  region: string;
  status: StockStatus | '';
  category: string;
  q: string;
  from: string;
  to: string;
}

export const emptyStockFilters: StockFilterState = { store: null, supplier: null, region: '', status: '', category: '', q: '', from: '', to: '' };

/** The page's address: the filters (a store and a supplier by id) and which alert list is open. */
export const stockUrlDefaults = { q: '', region: '', store: '', supplier: '', status: '', category: '', from: '', to: '', alert: '' };
export type StockUrl = typeof stockUrlDefaults;

const isStatus = (s: string): s is StockStatus => (stockStatuses as readonly string[]).includes(s);

/** The address as filters; a picked store or supplier shows its name once the lookup answers. */
export function fromStockUrl(u: StockUrl, names: { store?: string | undefined; supplier?: string | undefined }): StockFilterState {
  return {
    q: u.q,
    region: u.region,
    category: u.category,
    from: u.from,
    to: u.to,
    status: isStatus(u.status) ? u.status : '',
    store: u.store ? { id: u.store, label: names.store ?? '…' } : null,
    supplier: u.supplier ? { id: u.supplier, label: names.supplier ?? '…' } : null,
  };
}

export function toStockUrl(f: StockFilterState): Omit<StockUrl, 'alert'> {
  return { q: f.q, region: f.region, category: f.category, from: f.from, to: f.to, status: f.status, store: f.store?.id ?? '', supplier: f.supplier?.id ?? '' };
}

/**
 * The filter state as the API's query parameters (DESIGN §6: GET /stocks). Region filters the
 * rows to that region's stores and also narrows the store picker (GET /stores?region=).
 */
export function stockQuery(f: StockFilterState): Query {
  return {
    storeId: f.store?.id,
    region: f.region.trim() || undefined,
    supplierId: f.supplier?.id,
    status: f.status,
    category: f.category.trim(),
    q: f.q.trim(),
    updatedFrom: dayStart(f.from),
    updatedTo: dayEnd(f.to),
  };
}


export function StockFilters({ value, onChange }: { value: StockFilterState; onChange(v: StockFilterState): void }) {
  const { t } = useI18n();
  const statusLabel: Record<StockStatus, string> = { ok: t('stock.ok'), low: t('stockScreen.low'), out: t('stock.out') };
  const set = <K extends keyof StockFilterState>(k: K, v: StockFilterState[K]) => onChange({ ...value, [k]: v });
  const active = Object.entries(value).filter(([, v]) => v !== '' && v !== null).length;
  return (
    <FilterPanel label={t('web.stock.filters')} active={active}>
      <Field label={t('common.search')}>
        {(id) => <input id={id} type="search" placeholder={t('web.stock.searchPlaceholder')} value={value.q} onChange={(e) => set('q', e.target.value)} />}
      </Field>
      <Field label={t('web.stock.region')}>
        {(id) => <SuggestInput id={id} kind="region" placeholder={t('web.stock.anyRegion')} value={value.region} onChange={(v) => set('region', v)} suggest={insightsApi.regions} />}
      </Field>
      <Field label={t('common.store')}>
        {(id) => (
          <EntityPicker
            id={id}
            kind="stores"
            scope={value.region.trim()}
            value={value.store}
            onChange={(v) => set('store', v)}
            search={(q) => searchStores(q, value.region.trim() || undefined)}
            allLabel={value.region.trim() ? t('web.stock.storesIn', { region: value.region.trim() }) : t('web.stock.allStores')}
          />
        )}
      </Field>
      <Field label={t('common.status')}>
        {(id) => (
          <select id={id} value={value.status} onChange={(e) => set('status', e.target.value as StockStatus | '')}>
            <option value="">{t('web.stock.anyStatus')}</option>
            <Options values={stockStatuses} label={(s) => statusLabel[s]} />
          </select>
        )}
      </Field>
      <Field label={t('common.category')}>
        {(id) => <SuggestInput id={id} kind="category" placeholder={t('web.stock.anyCategory')} value={value.category} onChange={(v) => set('category', v)} suggest={insightsApi.categories} />}
      </Field>
      <Field label={t('common.supplier')}>
        {(id) => <EntityPicker id={id} kind="suppliers" value={value.supplier} onChange={(v) => set('supplier', v)} search={searchSuppliers} allLabel={t('web.stock.allSuppliers')} />}
      </Field>
      <Field label={t('web.stock.updatedFrom')}>
        {(id) => <input id={id} type="date" value={value.from} onChange={(e) => set('from', e.target.value)} />}
      </Field>
      <Field label={t('web.stock.updatedTo')}>
        {(id) => <input id={id} type="date" value={value.to} onChange={(e) => set('to', e.target.value)} />}
      </Field>
      <div className="filters-actions">
        <button type="button" className="btn btn-ghost" disabled={!active} onClick={() => onChange(emptyStockFilters)}>
          {t('web.stock.resetFilters')}
          {active ? ` (${active})` : ''}
        </button>
      </div>
    </FilterPanel>
  );
}
