import { useQuery } from '@tanstack/react-query';
import type { ReceivablesReport } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { DataTable, type Column } from '../../components/data-table';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { useUrlFilters } from '../../components/url-filters';
import { wholeList } from '../../components/whole-list';
import { useI18n } from '../../i18n/i18n-context';
import { KpiCard } from '../overview/kpi-card';
import { searchStores, useName } from '../shared/lookups';
import { CustomerStatement } from './customer-statement';
import { ageingColumns, collectionDays, dayCount } from './receivables.labels';
import { receivablesApi } from './receivables.api';
import { CollectionSection, CustomerFinder, TopBalancesSection } from './receivables.sections';

type StoreRow = ReceivablesReport['stores'][number];
const defaults = { store: '', days: '30', customer: '', q: '', show: 'all' };

/** Head office: what customers owe per store and in total, how old it is, who owes most, what came in each day; a click opens a customer's statement. */
export function ReceivablesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, set] = useUrlFilters('/receivables', defaults);
  const storeName = useName('store', f.store || null);
  const store: PickOption | null = f.store ? { id: f.store, label: storeName.data?.name ?? '…' } : null;
  const days = dayCount(f.days);
  const query = { storeId: f.store || undefined, days, top: 20 };
  const q = useQuery({ queryKey: ['reports', 'receivables', query], queryFn: () => receivablesApi.report(query) });
  const total = q.data?.total;
  const collected = q.data ? q.data.collections.reduce((a, c) => a + c.paidMinor, 0) : null;
  const open = (customerId: string) => set({ customer: customerId });

  const columns: Column<StoreRow>[] = [
    { id: 'store', header: t('common.store'), wrap: true, cell: (s) => s.storeName, sort: (s) => s.storeName, csv: (s) => s.storeName },
    { id: 'customers', header: t('web.receivables.customers'), align: 'right', minor: true, cell: (s) => i18n.number(s.customers), sort: (s) => s.customers, csv: (s) => s.customers },
    { id: 'balance', header: t('web.receivables.balance'), align: 'right', cell: (s) => i18n.money(s.balanceMinor), sort: (s) => s.balanceMinor, csv: (s) => s.balanceMinor / 100 },
    { id: 'overdue', header: t('web.receivables.overdue'), align: 'right', cell: (s) => <span className={s.overdueMinor > 0 ? 'neg' : undefined}>{i18n.money(s.overdueMinor)}</span>, sort: (s) => s.overdueMinor, csv: (s) => s.overdueMinor / 100 },
    ...ageingColumns<StoreRow>(i18n, (s) => s.ageing),
  ];

  return (
    <div className="page">
      <FilterPanel label={t('web.receivables.filters')} active={countActive({ store: f.store })}>
        <Field label={t('common.store')}>
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={(s) => set({ store: s?.id ?? '' })} search={searchStores} allLabel={t('common.all')} />}
        </Field>
      </FilterPanel>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <section className="kpis" aria-label={t('web.overview.summary')}>
        <KpiCard id="receivables-owed" label={t('web.receivables.owed')} value={total ? i18n.money(total.balanceMinor) : '…'} fit tone="info" sub={total ? t('web.receivables.owedSub', { count: total.customers }) : undefined} />
        <KpiCard id="receivables-overdue" label={t('web.receivables.overdue')} value={total ? i18n.money(total.overdueMinor) : '…'} fit tone={total && total.overdueMinor > 0 ? 'low' : 'ok'} sub={t('web.receivables.overdueSub')} />
        <KpiCard id="receivables-over90" label={t('web.receivables.over90')} value={total ? i18n.money(total.ageing.d90plus) : '…'} fit tone={total && total.ageing.d90plus > 0 ? 'out' : 'ok'} />
        <KpiCard id="receivables-collected" label={t('web.receivables.collected')} value={collected === null ? '…' : i18n.money(collected)} fit sub={t('web.receivables.collectedSub', { count: days })} />
      </section>
      <DataTable
        caption={t('web.receivables.byStore')}
        columns={columns}
        list={wholeList(q.data?.stores ?? [], q)}
        rowKey={(s) => s.storeId}
        csv={{ filename: 'receivables-by-store', api: { path: '/reports/receivables', query: { ...query, part: 'stores' } } }}
        empty={t('web.receivables.byStoreNone')}
        testId="receivables-stores"
      />
      <TopBalancesSection rows={q.data?.top ?? []} q={q} query={query} onOpen={open} />
      <CollectionSection report={q.data} q={q} query={query} days={f.days} setDays={(v) => set({ days: v })} options={collectionDays} />
      <CustomerFinder storeId={query.storeId} text={f.q} setText={(v) => set({ q: v })} show={f.show} setShow={(v) => set({ show: v })} onOpen={open} />
      <CustomerStatement customerId={f.customer || null} onClose={() => set({ customer: '' })} />
    </div>
  );
}
