import { useQuery } from '@tanstack/react-query';
import type { CustomerSummary, ReceivablesReport } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { DataTable, type Column } from '../../components/data-table';
import { useDebounced } from '../../components/use-debounced';
import { wholeList } from '../../components/whole-list';
import { useI18n } from '../../i18n/i18n-context';
import { storeDay } from '../purchases/purchase-labels';
import { balanceText } from './receivables.labels';
import { receivablesApi } from './receivables.api';

type TopRow = ReceivablesReport['top'][number];
type ReportQuery = { storeId: string | undefined; days: number; top: number };
type Loading = Parameters<typeof wholeList>[1];

const customerCell = (name: string, phone: string) => (
  <>
    <bdi>{name}</bdi>
    <span className="cell-sub">{phone}</span>
  </>
);

/** Who owes most across the stores the reader sees; a row opens the customer's statement. */
export function TopBalancesSection({ rows, q, query, onOpen }: { rows: TopRow[]; q: Loading; query: ReportQuery; onOpen: (customerId: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: Column<TopRow>[] = [
    { id: 'customer', header: t('web.receivables.customer'), wrap: true, cell: (r) => customerCell(r.name, r.phone), sort: (r) => r.name, csv: (r) => r.name },
    { id: 'phone', header: t('web.statement.phone'), hidden: true, cell: (r) => r.phone, csv: (r) => r.phone },
    { id: 'store', header: t('common.store'), wrap: true, cell: (r) => r.storeName, sort: (r) => r.storeName, csv: (r) => r.storeName },
    { id: 'balance', header: t('web.receivables.balance'), align: 'right', cell: (r) => i18n.money(r.balanceMinor), sort: (r) => r.balanceMinor, csv: (r) => r.balanceMinor / 100 },
    { id: 'overdue', header: t('web.receivables.overdue'), align: 'right', cell: (r) => <span className={r.overdueMinor > 0 ? 'neg' : undefined}>{i18n.money(r.overdueMinor)}</span>, sort: (r) => r.overdueMinor, csv: (r) => r.overdueMinor / 100 },
    { id: 'late', header: t('web.receivables.daysOverdue'), align: 'right', minor: true, cell: (r) => (r.daysOverdue > 0 ? i18n.number(r.daysOverdue) : <span className="muted">—</span>), sort: (r) => r.daysOverdue, csv: (r) => r.daysOverdue },
  ];
  return (
    <DataTable
      caption={t('web.receivables.top')}
      columns={columns}
      list={wholeList(rows, q)}
      rowKey={(r) => r.customerId}
      onRowClick={(r) => onOpen(r.customerId)}
      csv={{ filename: 'top-balances', api: { path: '/reports/receivables', query: { ...query, part: 'top' } } }}
      empty={t('web.receivables.topNone')}
      testId="receivables-top"
    />
  );
}

interface DayRow {
  day: string;
  paidMinor: number;
  stores: { storeName: string; paidMinor: number }[];
}

/** Payments received per store day over the last 7, 30 or 90 days, newest first, each day split by store. */
export function CollectionSection({ report, q, query, days, setDays, options }: { report: ReceivablesReport | undefined; q: Loading; query: ReportQuery; days: string; setDays: (v: string) => void; options: readonly string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const manyStores = (report?.stores.length ?? 0) > 1;
  const rows: DayRow[] = [...(report?.collections ?? [])].reverse().map((c) => ({ ...c, stores: (report?.collectionsByStore ?? []).filter((s) => s.day === c.day) }));
  const columns: Column<DayRow>[] = [
    { id: 'day', header: t('web.receivables.day'), cell: (r) => storeDay(i18n, r.day), sort: (r) => r.day, csv: (r) => r.day },
    {
      id: 'collected',
      header: t('web.receivables.collected'),
      align: 'right',
      cell: (r) => (
        <>
          {i18n.money(r.paidMinor)}
          {manyStores && <span className="cell-sub">{r.stores.map((s) => `${s.storeName} ${i18n.money(s.paidMinor)}`).join(' · ')}</span>}
        </>
      ),
      sort: (r) => r.paidMinor,
      csv: (r) => r.paidMinor / 100,
    },
  ];
  return (
    <DataTable
      caption={t('web.receivables.collection')}
      columns={columns}
      list={wholeList(rows, q)}
      rowKey={(r) => r.day}
      toolbar={
        <label className="inline-field" title={t('web.receivables.dayHint')}>
          {t('web.receivables.collectionDays')}{' '}
          <select value={days} onChange={(e) => setDays(e.target.value)} data-testid="collection-days">
            {options.map((d) => (
              <option key={d} value={d}>
                {i18n.number(Number(d))}
              </option>
            ))}
          </select>
        </label>
      }
      csv={{ filename: 'collection-per-day', api: { path: '/reports/receivables', query: { ...query, part: 'collections' } } }}
      empty={t('web.receivables.collectionNone')}
      testId="receivables-collection"
    />
  );
}

const customerShows = ['all', 'owing', 'overdue'] as const;

/** Any customer of the reader's stores by name or phone (largest balance first), or only those who owe, or the overdue list (most days late first); a row opens the statement. */
export function CustomerFinder({ storeId, text, setText, show, setShow, onOpen }: { storeId: string | undefined; text: string; setText: (v: string) => void; show: string; setShow: (v: string) => void; onOpen: (customerId: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const typed = useDebounced(text).trim();
  const query = { storeId, q: typed || undefined, owing: show === 'owing' ? 'true' : undefined, overdue: show === 'overdue' ? 'true' : undefined, limit: 50 };
  const q = useQuery({ queryKey: ['customers', 'list', query], queryFn: () => receivablesApi.customers(query) });
  const columns: Column<CustomerSummary>[] = [
    { id: 'customer', header: t('web.receivables.customer'), wrap: true, cell: (r) => customerCell(r.customer.name, r.customer.phone), sort: (r) => r.customer.name, csv: (r) => r.customer.name },
    { id: 'phone', header: t('web.statement.phone'), hidden: true, cell: (r) => r.customer.phone, csv: (r) => r.customer.phone },
    { id: 'store', header: t('common.store'), wrap: true, cell: (r) => r.storeName, sort: (r) => r.storeName, csv: (r) => r.storeName },
    { id: 'balance', header: t('web.receivables.balance'), align: 'right', cell: (r) => balanceText(i18n, r.balanceMinor), sort: (r) => r.balanceMinor, csv: (r) => r.balanceMinor / 100 },
    { id: 'overdue', header: t('web.receivables.overdue'), align: 'right', minor: true, cell: (r) => i18n.money(r.overdueMinor), sort: (r) => r.overdueMinor, csv: (r) => r.overdueMinor / 100 },
    { id: 'late', header: t('web.receivables.daysOverdue'), align: 'right', minor: true, cell: (r) => (r.daysOverdue > 0 ? i18n.number(r.daysOverdue) : <span className="muted">—</span>), sort: (r) => r.daysOverdue, csv: (r) => r.daysOverdue },
  ];
  return (
    <>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <DataTable
        caption={t('web.receivables.find')}
        columns={columns}
        list={wholeList(q.data?.items ?? [], q)}
        rowKey={(r) => r.customer.id}
        onRowClick={(r) => onOpen(r.customer.id)}
        toolbar={
          <>
            <select value={show} onChange={(e) => setShow(e.target.value)} aria-label={t('web.receivables.show')} data-testid="customer-show">
              {customerShows.map((v) => (
                <option key={v} value={v}>
                  {t(`web.receivables.show.${v}`)}
                </option>
              ))}
            </select>
            <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('web.receivables.findHint')} aria-label={t('web.receivables.findHint')} data-testid="customer-search" />
          </>
        }
        csv={{ filename: 'customers' }}
        empty={t('web.receivables.findNone')}
        testId="receivables-customers"
      />
    </>
  );
}
