import { stockStatuses, type StockStatus } from '@bazaar/shared';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { searchStores, searchSuppliers } from '../shared/lookups';
import type { Query } from '../../api/client';
import { FilterPanel } from '../../components/filter-panel';
import { dayEnd, dayStart } from '../../components/format';

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

const statusLabel: Record<StockStatus, string> = { ok: 'In stock', low: 'Low stock', out: 'Out of stock' };

export function StockFilters({ value, onChange }: { value: StockFilterState; onChange(v: StockFilterState): void }) {
  const set = <K extends keyof StockFilterState>(k: K, v: StockFilterState[K]) => onChange({ ...value, [k]: v });
  const active = Object.entries(value).filter(([, v]) => v !== '' && v !== null).length;
  return (
    <FilterPanel label="Stock filters" active={active}>
      <Field label="Search">
        {(id) => <input id={id} type="search" placeholder="Product name or SKU" value={value.q} onChange={(e) => set('q', e.target.value)} />}
      </Field>
      <Field label="Region">
        {(id, d) => <input id={id} aria-describedby={d} placeholder="Any region" value={value.region} onChange={(e) => set('region', e.target.value)} />}
      </Field>
      <Field label="Store">
        {(id) => (
          <EntityPicker
            id={id}
            kind="stores"
            scope={value.region.trim()}
            value={value.store}
            onChange={(v) => set('store', v)}
            search={(q) => searchStores(q, value.region.trim() || undefined)}
            allLabel={value.region.trim() ? `Stores in ${value.region.trim()}` : 'All stores'}
          />
        )}
      </Field>
      <Field label="Status">
        {(id) => (
          <select id={id} value={value.status} onChange={(e) => set('status', e.target.value as StockStatus | '')}>
            <option value="">Any status</option>
            {stockStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Category">
        {(id) => <input id={id} placeholder="Any category" value={value.category} onChange={(e) => set('category', e.target.value)} />}
      </Field>
      <Field label="Supplier">
        {(id) => <EntityPicker id={id} kind="suppliers" value={value.supplier} onChange={(v) => set('supplier', v)} search={searchSuppliers} allLabel="All suppliers" />}
      </Field>
      <Field label="Updated from">
        {(id) => <input id={id} type="date" value={value.from} onChange={(e) => set('from', e.target.value)} />}
      </Field>
      <Field label="Updated to">
        {(id) => <input id={id} type="date" value={value.to} onChange={(e) => set('to', e.target.value)} />}
      </Field>
      <div className="filters-actions">
        <button type="button" className="btn btn-ghost" disabled={!active} onClick={() => onChange(emptyStockFilters)}>
          Reset filters{active ? ` (${active})` : ''}
        </button>
      </div>
    </FilterPanel>
  );
}
