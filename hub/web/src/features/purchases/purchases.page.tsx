import { useState } from 'react';
import { purchaseOrderStatuses } from '@bazaar/shared';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { Options } from '../../components/options';
import { useUrlFilters } from '../../components/url-filters';
import { ViewSwitch } from '../../components/view-switch';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores, searchSuppliers, useName } from '../shared/lookups';
import { GoodsReceiptsView } from './goods-receipts.view';
import { poStatusLabel } from './purchase-labels';
import { PurchaseOrdersView } from './purchase-orders.view';
import { PoDrilldown } from './po-drilldown';
import { ReorderView } from './reorder.view';
import { SupplierView } from './supplier.view';

type View = 'orders' | 'receipts' | 'reorder' | 'supplier';
const views: readonly View[] = ['orders', 'receipts', 'reorder', 'supplier'];
const defaults = { view: 'orders', store: '', supplier: '', status: '', from: '', to: '' };

/** Buying for the stores: orders and their progress, suppliers' bills received, what to order now, one supplier's page. */
export function PurchasesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, set] = useUrlFilters('/purchases', defaults);
  const [open, setOpen] = useState<string | null>(null);
  const view: View = views.includes(f.view as View) ? (f.view as View) : 'orders';
  const storeName = useName('store', f.store || null);
  const supplierName = useName('supplier', f.supplier || null);
  const store: PickOption | null = f.store ? { id: f.store, label: storeName.data?.name ?? '…' } : null;
  const supplier: PickOption | null = f.supplier ? { id: f.supplier, label: supplierName.data?.name ?? '…' } : null;
  const label: Record<View, string> = { orders: t('web.purchases.orders'), receipts: t('web.purchases.receipts'), reorder: t('web.purchases.toOrder'), supplier: t('web.purchases.supplierPage') };
  const shown = { store: f.store, supplier: f.supplier, ...(view === 'orders' ? { status: f.status } : {}), ...(view === 'receipts' || view === 'supplier' ? { from: f.from, to: f.to } : {}) };

  return (
    <div className="page">
      <div className="page-actions">
        <ViewSwitch label={t('web.purchases.views')} value={view} views={views.map((id) => ({ id, label: label[id] }))} onChange={(v) => set({ view: v })} />
      </div>
      <FilterPanel label={t('web.purchases.filters')} active={countActive(shown)}>
        <Field label={t('common.store')}>
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={(s) => set({ store: s?.id ?? '' })} search={searchStores} allLabel={t('common.all')} />}
        </Field>
        <Field label={t('common.supplier')}>
          {(id) => <EntityPicker id={id} kind="suppliers" value={supplier} onChange={(s) => set({ supplier: s?.id ?? '' })} search={searchSuppliers} allLabel={view === 'supplier' ? undefined : t('common.all')} />}
        </Field>
        {view === 'orders' && (
          <Field label={t('common.status')}>
            {(id) => (
              <select id={id} value={f.status} onChange={(e) => set({ status: e.target.value })} data-testid="po-status">
                <option value="">{t('web.purchases.anyStatus')}</option>
                <option value="open">{t('web.purchases.open')}</option>
                <Options values={purchaseOrderStatuses} label={(s) => poStatusLabel(i18n, s)} />
              </select>
            )}
          </Field>
        )}
        {(view === 'receipts' || view === 'supplier') && (
          <>
            <Field label={t('common.from')} hint={view === 'receipts' ? t('web.purchases.dayHint') : undefined}>
              {(id, d) => <input id={id} aria-describedby={d} type="date" value={f.from} max={f.to || undefined} onChange={(e) => set({ from: e.target.value })} />}
            </Field>
            <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={f.to} min={f.from || undefined} onChange={(e) => set({ to: e.target.value })} />}</Field>
          </>
        )}
      </FilterPanel>
      {view === 'orders' && <PurchaseOrdersView filters={{ storeId: f.store, supplierId: f.supplier, status: f.status }} onOpen={setOpen} />}
      {view === 'receipts' && <GoodsReceiptsView filters={{ storeId: f.store, supplierId: f.supplier, from: f.from, to: f.to }} onOpenOrder={setOpen} />}
      {view === 'reorder' && <ReorderView storeId={f.store} supplierId={f.supplier} onOrders={() => set({ view: 'orders', status: 'open' })} />}
      {view === 'supplier' && <SupplierView supplierId={f.supplier} storeId={f.store} from={f.from} to={f.to} onOpen={setOpen} />}
      <PoDrilldown orderId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
