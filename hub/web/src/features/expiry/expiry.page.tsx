import { useQuery } from '@tanstack/react-query';
import type { ExpiryRow } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { insightsApi } from '../../api/reports.api';
import { Tag } from '../../components/badges';
import { DataTable, type Column } from '../../components/data-table';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { SuggestInput } from '../../components/suggest-input';
import { useUrlFilters } from '../../components/url-filters';
import { useDebounced } from '../../components/use-debounced';
import { wholeList } from '../../components/whole-list';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores, useName } from '../shared/lookups';
import { storeDay } from '../purchases/purchase-labels';
import { expiryApi } from './expiry.api';
import { groupExpiry, type ExpiryGroup } from './expiry.group';
import { qtyColumn, unitColumn } from '../../components/qty-columns';

const defaults = { store: '', category: '', within: '30', status: '' };

/** Stock past its expiry or due within N days, per category and store, on each store's own calendar. */
export function ExpiryPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, set] = useUrlFilters('/expiry', defaults);
  const storeName = useName('store', f.store || null);
  const store: PickOption | null = f.store ? { id: f.store, label: storeName.data?.name ?? '…' } : null;
  const category = useDebounced(f.category.trim());
  const within = Math.max(0, Math.min(3650, Math.trunc(Number(useDebounced(f.within)) || 0)));
  const query = { storeId: f.store || undefined, category: category || undefined, withinDays: within, status: f.status || undefined };
  const q = useQuery({ queryKey: ['reports', 'expiry', query], queryFn: () => expiryApi.report(query) });
  const rows = q.data?.items ?? [];
  const groups = groupExpiry(rows);
  const days = (r: ExpiryRow) =>
    r.daysLeft < 0 ? t('web.expiry.expiredAgo', { days: -r.daysLeft }) : r.daysLeft === 0 ? t('web.expiry.today') : t('web.expiry.inDays', { days: r.daysLeft });

  const columns: Column<ExpiryRow>[] = [
    { id: 'expires', header: t('web.expiry.expiresOn'), cell: (r) => storeDay(i18n, r.expiresOn), sort: (r) => r.expiresOn, csv: (r) => r.expiresOn },
    { id: 'left', header: t('web.expiry.when'), cell: (r) => <Tag tone={r.status === 'expired' ? 'bad' : r.daysLeft <= 3 ? 'warn' : 'neutral'}>{days(r)}</Tag>, sort: (r) => r.daysLeft, csv: (r) => r.daysLeft },
    {
      id: 'product',
      header: t('common.product'),
      wrap: true,
      cell: (r) => (
        <>
          <bdi>{r.productName}</bdi> <span className="muted sku">{r.sku}</span>
        </>
      ),
      sort: (r) => r.productName,
      csv: (r) => r.productName,
    },
    { id: 'category', header: t('common.category'), cell: (r) => r.category ?? <span className="muted">{t('web.expiry.noCategory')}</span>, sort: (r) => r.category, csv: (r) => r.category ?? '' },
    { id: 'store', header: t('common.store'), wrap: true, cell: (r) => r.storeName, sort: (r) => r.storeName, csv: (r) => r.storeName },
    { id: 'lot', header: t('web.expiry.lot'), minor: true, cell: (r) => r.lot ?? '—', csv: (r) => r.lot ?? '' },
    qtyColumn(i18n, { id: 'qty', header: t('common.quantity'), qty: (r) => r.qty, unit: (r) => r.unit }),
    unitColumn(i18n, (r) => r.unit),
    { id: 'cost', header: t('web.expiry.atCost'), align: 'right', cell: (r) => i18n.money(r.costMinor), sort: (r) => r.costMinor, csvMoney: (r) => r.costMinor },
  ];

  return (
    <div className="page">
      <FilterPanel label={t('web.expiry.filters')} active={countActive({ store: f.store, category: f.category, status: f.status })}>
        <Field label={t('common.store')}>
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={(s) => set({ store: s?.id ?? '' })} search={searchStores} allLabel={t('common.all')} />}
        </Field>
        <Field label={t('common.category')}>
          {(id) => <SuggestInput id={id} kind="category" placeholder={t('web.expiry.anyCategory')} value={f.category} onChange={(v) => set({ category: v })} suggest={insightsApi.categories} />}
        </Field>
        <Field label={t('web.expiry.within')} hint={t('web.expiry.withinHint')}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} max={3650} value={f.within} onChange={(e) => set({ within: e.target.value })} data-testid="expiry-within" />}
        </Field>
        <Field label={t('common.status')}>
          {(id) => (
            <select id={id} value={f.status} onChange={(e) => set({ status: e.target.value })}>
              <option value="">{t('web.expiry.both')}</option>
              <option value="expired">{t('web.expiry.expired')}</option>
              <option value="expiring">{t('web.expiry.expiring')}</option>
            </select>
          )}
        </Field>
      </FilterPanel>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      {q.data?.truncated && <p className="notice notice-warn">{t('web.expiry.truncated', { count: rows.length })}</p>}
      {q.data && <ExpirySummary groups={groups} />}
      <DataTable
        caption={t('web.expiry.batches')}
        columns={columns}
        list={wholeList(rows, q)}
        rowKey={(r) => `${r.storeId}/${r.productId}/${r.lot ?? ''}/${r.expiresOn}`}
        csv={{ filename: 'expiry', api: { path: '/reports/expiry', query } }}
        empty={t('web.expiry.none', { days: within })}
        testId="expiry-table"
      />
    </div>
  );
}

function ExpirySummary({ groups }: { groups: ExpiryGroup[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!groups.length) return null;
  const expired = groups.reduce((a, g) => a + g.expiredCostMinor, 0);
  const expiring = groups.reduce((a, g) => a + g.expiringCostMinor, 0);
  return (
    <section className="card" aria-label={t('web.expiry.byCategory')}>
      <div className="chart-head">
        <h3>{t('web.expiry.byCategory')}</h3>
        <span className="muted" data-testid="expiry-totals">
          {t('web.expiry.totals', { expired: i18n.money(expired), expiring: i18n.money(expiring) })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table compact" data-testid="expiry-groups">
          <thead>
            <tr>
              <th>{t('common.category')}</th>
              <th>{t('common.store')}</th>
              <th className="num">{t('web.expiry.expired')}</th>
              <th className="num">{t('web.expiry.expiring')}</th>
              <th>{t('web.expiry.next')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <td>{g.category ?? <span className="muted">{t('web.expiry.noCategory')}</span>}</td>
                <td>{g.storeName}</td>
                <td className="num">{g.expiredBatches ? t('web.expiry.batchesWorth', { count: g.expiredBatches, amount: i18n.money(g.expiredCostMinor) }) : '—'}</td>
                <td className="num">{g.expiringBatches ? t('web.expiry.batchesWorth', { count: g.expiringBatches, amount: i18n.money(g.expiringCostMinor) }) : '—'}</td>
                <td>{storeDay(i18n, g.nextDay)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
