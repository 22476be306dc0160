import { useState } from 'react';
import type { ShiftSummary } from '@bazaar/shared';
import { shiftsApi } from '../../api/shifts.api';
import { Tag } from '../../components/badges';
import { DataTable, type Column } from '../../components/data-table';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { usePagedList } from '../../components/use-paged-list';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores } from '../shared/lookups';
import { ShiftDrilldown } from './shift-drilldown';
import { shiftTime, varianceText, varianceTone } from './shift-labels';

/** Every counter shift of the stores the user sees: the drawer's cash expected against what was counted. */
export function ShiftsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [store, setStore] = useState<PickOption | null>(null);
  const [status, setStatus] = useState<'open' | 'closed' | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<ShiftSummary | null>(null);
  const query = { storeId: store?.id, status, from, to };
  const list = usePagedList(['shifts', 'list', query], (cursor, limit = 50) => shiftsApi.list({ ...query, cursor, limit }));

  const columns: Column<ShiftSummary>[] = [
    { id: 'store', header: t('common.store'), wrap: true, cell: (s) => s.storeName, sort: (s) => s.storeName, csv: (s) => s.storeName },
    { id: 'counter', header: t('web.bills.counter'), cell: (s) => s.counterName, csv: (s) => s.counterName, minor: true },
    {
      id: 'opened',
      header: t('web.shifts.opened'),
      cell: (s) => (
        <>
          {shiftTime(i18n, s.openedAt, s)}
          <span className="cell-sub">{s.openedBy ?? t('web.bills.noCashier')}</span>
        </>
      ),
      sort: (s) => s.openedAt,
      csv: (s) => s.openedAt,
    },
    {
      id: 'closed',
      header: t('web.shifts.closed'),
      cell: (s) =>
        s.closedAt ? (
          <>
            {shiftTime(i18n, s.closedAt, s)}
            <span className="cell-sub">{s.closedBy ?? t('web.bills.noCashier')}</span>
          </>
        ) : (
          <Tag tone="info">{t('web.shifts.status.open')}</Tag>
        ),
      sort: (s) => s.closedAt ?? '',
      csv: (s) => s.closedAt ?? '',
    },
    { id: 'sales', header: t('web.shifts.sales'), align: 'right', cell: (s) => i18n.money(s.salesMinor), sort: (s) => s.salesMinor, csvMoney: (s) => s.salesMinor },
    { id: 'expected', header: t('web.shifts.cashExpected'), align: 'right', cell: (s) => i18n.money(s.cashExpectedMinor), sort: (s) => s.cashExpectedMinor, csvMoney: (s) => s.cashExpectedMinor },
    {
      id: 'counted',
      header: t('web.shifts.cashCounted'),
      align: 'right',
      cell: (s) =>
        s.countedMinor === null ? (
          <span className="muted">—</span>
        ) : (
          <>
            {i18n.money(s.countedMinor)}
            <span className="cell-sub">
              <Tag tone={varianceTone(s.varianceMinor)}>{varianceText(i18n, s.varianceMinor)}</Tag>
            </span>
          </>
        ),
      sort: (s) => s.varianceMinor ?? 0,
      csvMoney: (s) => s.countedMinor,
    },
  ];

  return (
    <div className="page">
      <FilterPanel label={t('web.shifts.filters')} active={countActive(query)}>
        <Field label={t('common.store')}>
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel={t('common.all')} />}
        </Field>
        <Field label={t('common.status')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'closed' | '')}>
              <option value="">{t('web.bills.anyStatus')}</option>
              <option value="open">{t('web.shifts.status.open')}</option>
              <option value="closed">{t('web.shifts.status.closed')}</option>
            </select>
          )}
        </Field>
        <Field label={t('common.from')} hint={t('web.bills.dayHint')}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </FilterPanel>
      <DataTable
        caption={t('web.shifts.caption')}
        columns={columns}
        list={list}
        rowKey={(s) => s.id}
        onRowClick={setOpen}
        csv={{ filename: 'shifts', api: { path: '/shifts', query } }}
        empty={t('web.shifts.empty')}
        testId="shifts-table"
      />
      <ShiftDrilldown shiftId={open?.id ?? null} title={open ? t('web.shifts.title', { counter: open.counterName, store: open.storeName }) : ''} onClose={() => setOpen(null)} />
    </div>
  );
}
